/** One request the load sent: when it left, when it ended, and whether it was answered as the contract says. */
export interface RequestRecord {
  kind: RequestKind;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** HTTP status, or the error (timeout, connection refused). */
  answer: string;
}

export type RequestKind = 'orders' | 'events' | 'holds';
export const KINDS: RequestKind[] = ['orders', 'events', 'holds'];

/** A span in which every request of a kind that left failed. */
export interface Outage {
  kind: RequestKind;
  from: number;
  to: number;
  ms: number;
  failed: number;
}

/**
 * The outages of one kind: each maximal run of failed requests (by send time),
 * from the send of the first failure to the send of the next success (or the
 * end of the last failure when none followed). Nothing sent in between was
 * answered: that is what a client saw. Resolution is the send interval.
 */
export function outagesOf(records: RequestRecord[], kind: RequestKind): Outage[] {
  const sent = records.filter((r) => r.kind === kind).sort((a, b) => a.startedAt - b.startedAt);
  const outages: Outage[] = [];
  let run: RequestRecord[] = [];
  const close = (to: number) => {
    if (run.length === 0) return;
    outages.push({
      kind,
      from: run[0].startedAt,
      to,
      ms: to - run[0].startedAt,
      failed: run.length,
    });
    run = [];
  };
  for (const r of sent) {
    if (r.ok) close(r.startedAt);
    else run.push(r);
  }
  close(Math.max(...run.map((r) => r.endedAt), 0));
  return outages;
}

/** A fault's phase: from its injection to the next fault's (or the end of the load). */
export interface Phase {
  name: string;
  from: number;
  to: number;
}

/** What one phase saw, per request kind. */
export interface PhaseReport {
  fault: string;
  longestOutageMs: Record<RequestKind, number>;
  failed: Record<RequestKind, number>;
  sent: Record<RequestKind, number>;
  /** The answers of the failed requests, e.g. {"503": 12, "timeout": 3}. */
  failures: Record<RequestKind, Record<string, number>>;
}

/**
 * Per phase and kind: the longest outage within the phase (an outage that
 * runs on into the next fault's phase counts in each for the part it spent
 * there), and what the requests sent in it got.
 */
export function reportPhases(records: RequestRecord[], phases: Phase[]): PhaseReport[] {
  const outages = KINDS.flatMap((k) => outagesOf(records, k));
  return phases.map((phase) => {
    const inPhase = (at: number) => at >= phase.from && at < phase.to;
    const per = <T>(f: (k: RequestKind) => T) =>
      Object.fromEntries(KINDS.map((k) => [k, f(k)])) as Record<RequestKind, T>;
    return {
      fault: phase.name,
      longestOutageMs: per((k) =>
        Math.max(
          0,
          ...outages
            .filter((o) => o.kind === k)
            .map((o) => Math.min(o.to, phase.to) - Math.max(o.from, phase.from)),
        ),
      ),
      failed: per(
        (k) => records.filter((r) => r.kind === k && !r.ok && inPhase(r.startedAt)).length,
      ),
      sent: per((k) => records.filter((r) => r.kind === k && inPhase(r.startedAt)).length),
      failures: per((k) => {
        const counts: Record<string, number> = {};
        for (const r of records)
          if (r.kind === k && !r.ok && inPhase(r.startedAt))
            counts[r.answer] = (counts[r.answer] ?? 0) + 1;
        return counts;
      }),
    };
  });
}
