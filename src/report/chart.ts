// Chart geometry for the report page: horizontal bars (clicks by section) and lines over time
// (opens and clicks at each reading). Pure numbers in, coordinates out; svg.ts draws them.

export interface Bar {
  label: string;
  value: number;
  /** Top of the label line, and of the bar under it. */
  labelY: number;
  y: number;
  width: number;
}

export interface BarLayout {
  width: number;
  height: number;
  barHeight: number;
  bars: Bar[];
  max: number;
}

const LABEL_LINE = 18;

/** One bar per row, its label above it, the longest bar the plot's full width (0 leaves no bar). */
export function barLayout(rows: { label: string; value: number }[], width = 480, barHeight = 18, gap = 12): BarLayout {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const plot = width - 48; // room for the value after the longest bar
  const step = LABEL_LINE + barHeight + gap;
  const bars = rows.map((r, i) => ({
    label: r.label,
    value: r.value,
    labelY: i * step,
    y: i * step + LABEL_LINE,
    width: max > 0 ? Math.round((r.value / max) * plot * 10) / 10 : 0,
  }));
  return { width, height: Math.max(step, rows.length * step), barHeight, bars, max };
}

export interface LinePoint {
  x: number;
  y: number;
  value: number;
}

export interface LineLayout {
  width: number;
  height: number;
  /** Plot area inside the axes. */
  plot: { left: number; top: number; right: number; bottom: number };
  max: number;
  lines: { name: string; points: LinePoint[] }[];
  /** x of each reading, with its time, for the axis labels. */
  ticks: { x: number; at: number }[];
}

/**
 * Lines through each series over the readings' times. One reading is one point in the middle;
 * the y axis starts at 0 and ends at the largest value (at least 1, so zeros lie on the axis).
 */
export function lineLayout(times: number[], series: { name: string; values: number[] }[], width = 480, height = 240): LineLayout {
  // Room on the right for the last reading's date, centred under its point.
  const plot = { left: 48, top: 12, right: width - 40, bottom: height - 36 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const xOf = (t: number) => (span > 0 ? plot.left + ((t - first) / span) * (plot.right - plot.left) : (plot.left + plot.right) / 2);
  const yOf = (v: number) => plot.bottom - (v / max) * (plot.bottom - plot.top);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    width,
    height,
    plot,
    max,
    lines: series.map((s) => ({
      name: s.name,
      points: s.values.map((v, i) => ({ x: round(xOf(times[i]!)), y: round(yOf(v)), value: v })),
    })),
    ticks: times.map((t) => ({ x: round(xOf(t)), at: t })),
  };
}
