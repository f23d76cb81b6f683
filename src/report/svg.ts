// The report's charts as inline SVG: no script, no external file, nothing a CSP must allow
// beyond the page itself. Each is an image with a title and a description that says what it
// shows in words; the data table beside it has every figure. Pure.
import { escapeHtml } from '../render/html.js';
import { type BarLayout, type LineLayout } from './chart.js';

const INK = '#0b0c0c';
const AXIS = '#505a5f';
/** Line colours, each at least 3:1 against white (WCAG 1.4.11), told apart by dash as well. */
const LINES = [
  { stroke: '#1d70b8', dash: '' },
  { stroke: '#6f3b00', dash: '6 4' },
];

function frame(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" class="chart">
<title id="${id}-title">${escapeHtml(title)}</title>
<desc id="${id}-desc">${escapeHtml(desc)}</desc>
${body}
</svg>`;
}

export function barChartSvg(id: string, title: string, desc: string, layout: BarLayout): string {
  const body = layout.bars
    .map(
      (b) =>
        `<text x="0" y="${b.labelY + 13}" font-size="13" fill="${INK}">${escapeHtml(b.label)}</text>` +
        (b.width > 0 ? `<rect x="0" y="${b.y}" width="${b.width}" height="${layout.barHeight}" fill="#1d70b8"/>` : '') +
        `<text x="${b.width + 6}" y="${b.y + layout.barHeight - 4}" font-size="13" fill="${INK}">${b.value}</text>`,
    )
    .join('\n');
  return frame(id, title, desc, layout.width, layout.height, body);
}

export function lineChartSvg(id: string, title: string, desc: string, layout: LineLayout, tickLabel: (at: number) => string): string {
  const { plot } = layout;
  const axes = `<path d="M${plot.left} ${plot.top}V${plot.bottom}H${plot.right}" fill="none" stroke="${AXIS}"/>
<text x="${plot.left - 6}" y="${plot.top + 4}" font-size="12" text-anchor="end" fill="${INK}">${layout.max}</text>
<text x="${plot.left - 6}" y="${plot.bottom + 4}" font-size="12" text-anchor="end" fill="${INK}">0</text>`;
  const ticks = layout.ticks
    .map(
      (t) =>
        `<text x="${t.x}" y="${plot.bottom + 18}" font-size="12" text-anchor="middle" fill="${INK}">${escapeHtml(tickLabel(t.at))}</text>`,
    )
    .join('\n');
  const lines = layout.lines
    .map((line, i) => {
      const style = LINES[i % LINES.length]!;
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      const path = line.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
      const dots = line.points.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="4" fill="${style.stroke}"/>`).join('');
      return `<path d="${path}" fill="none" stroke="${style.stroke}" stroke-width="2"${dash}/>${dots}`;
    })
    .join('\n');
  const legend = layout.lines
    .map((line, i) => {
      const style = LINES[i % LINES.length]!;
      const x = plot.left + i * 140;
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      return `<path d="M${x} ${layout.height - 6}h24" stroke="${style.stroke}" stroke-width="2"${dash}/><text x="${x + 30}" y="${layout.height - 2}" font-size="12" fill="${INK}">${escapeHtml(line.name)}</text>`;
    })
    .join('');
  return frame(id, title, desc, layout.width, layout.height, `${axes}\n${ticks}\n${lines}\n${legend}`);
}
