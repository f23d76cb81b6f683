// Renders kept by issue and variant. A change marks the issue's renders stale rather than
// dropping them, so when the next render fails the last good one is still there to show.
import type { RenderedIssue } from '../render/index.js';

export interface CachedRender {
  /** Grows with every new render, so a page can tell whether what it shows is current. */
  seq: number;
  rendered: RenderedIssue;
}

interface Slot {
  good?: CachedRender;
  /** Bumped when the issue's files change; a render started before the bump is stale. */
  generation: number;
  renderedAt: number;
  running?: Promise<CachedRender>;
}

let seq = 0;

export class RenderCache {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly maxEntries = 200) {}

  /** The current render for a key, rendering it when missing or stale; throws if rendering fails. */
  async get(issue: string, variant: string, render: () => Promise<RenderedIssue>): Promise<CachedRender> {
    const key = `${issue}\u0000${variant}`;
    const slot = this.slots.get(key) ?? this.add(key);
    if (slot.good && slot.renderedAt === slot.generation) return slot.good;
    if (slot.running) return slot.running;
    const generation = slot.generation;
    slot.running = render()
      .then((rendered) => {
        const fresh = { seq: ++seq, rendered };
        if (slot.generation === generation) [slot.good, slot.renderedAt] = [fresh, generation];
        return fresh;
      })
      .finally(() => {
        slot.running = undefined;
      });
    return slot.running;
  }

  /** The last render that succeeded, current or not. */
  lastGood(issue: string, variant: string): CachedRender | undefined {
    return this.slots.get(`${issue}\u0000${variant}`)?.good;
  }

  /** Mark renders stale: those of the issues named, or every one. Returns the issues that had renders. */
  invalidate(issues: readonly string[] | 'all'): string[] {
    const touched = new Set<string>();
    for (const [key, slot] of this.slots) {
      const issue = key.slice(0, key.indexOf('\u0000'));
      if (issues !== 'all' && !issues.includes(issue)) continue;
      slot.generation++;
      touched.add(issue);
    }
    return [...touched];
  }

  private add(key: string): Slot {
    // Share pages add a variant per link banner; keep the cache bounded by forgetting the oldest.
    if (this.slots.size >= this.maxEntries) this.slots.delete(this.slots.keys().next().value!);
    const slot: Slot = { generation: 0, renderedAt: -1 };
    this.slots.set(key, slot);
    return slot;
  }
}
