// Faults the stand-in injects on demand, each for the next request(s) to one operation (by the
// spec's operationId, such as postCampaignsIdActionsSchedule) or to any. And a gate that holds
// requests until a test lets them through, to watch how many the client sends at once.

export type FaultKind =
  | '429-empty' // Too Many Requests with an empty body
  | '403-empty' // Forbidden with an empty body (Mailchimp's edge throttling)
  | '500'
  | '503'
  | 'hang' // the answer never comes
  | 'drop-after-apply'; // the request is carried out, then the connection is dropped unanswered

interface Planned {
  kind: FaultKind;
  operation?: string;
  times: number;
}

export class Faults {
  private planned: Planned[] = [];
  private holding = false;
  private held: (() => void)[] = [];
  private heldWaiters: { count: number; resolve: () => void }[] = [];

  /** Inject `kind` for the next `times` requests (default 1) to `operation`, or to any operation. */
  inject(kind: FaultKind, options: { operation?: string; times?: number } = {}): void {
    this.planned.push({ kind, operation: options.operation, times: options.times ?? 1 });
  }

  clear(): void {
    this.planned = [];
  }

  /** The fault for this request, if one is planned; each use counts down. */
  take(operationId: string | undefined): FaultKind | undefined {
    const p = this.planned.find((f) => f.operation === undefined || f.operation === operationId);
    if (!p) return undefined;
    if (--p.times <= 0) this.planned.splice(this.planned.indexOf(p), 1);
    return p.kind;
  }

  /** From now on, API requests wait at the gate until released. */
  hold(): void {
    this.holding = true;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Resolves once at least `count` requests are waiting at the gate. */
  waitForHeld(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  releaseOne(): void {
    this.held.shift()?.();
  }

  /** Let every waiting request through and stop holding. */
  releaseAll(): void {
    this.holding = false;
    for (const release of this.held.splice(0)) release();
  }

  async gate(): Promise<void> {
    if (!this.holding) return;
    await new Promise<void>((resolve) => {
      this.held.push(resolve);
      for (const w of this.heldWaiters.filter((w) => this.held.length >= w.count)) {
        this.heldWaiters.splice(this.heldWaiters.indexOf(w), 1);
        w.resolve();
      }
    });
  }
}
