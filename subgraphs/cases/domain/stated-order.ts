// Stated dates and the order of what they refer to (issue 26). A field date stated by the caller (two times, issue
// 13) may not precede the recorded creation of what it refers to: a rights notice cannot have been handed over before
// the proposal it tells the party about existed (行政处罚法 Art. 44; its 5-working-day hearing window of Art. 64 would
// start early); an execution cannot have happened before the payment that completed the fine and its surcharge (Art.
// 72). And an overdue flag that was raised stays in the record: a service recorded after its due date counts as late
// (R11, Art. 61), whatever date is stated for it.

/** The latest of the given dates (nulls ignored); null when none. */
export function latestDate(...dates: (string | null | undefined)[]): string | null {
  return dates.reduce<string | null>((m, d) => (d && (!m || d > m) ? d : m), null);
}

/** The earliest a stated date may be, and what that date is (for the refusal): the latest of the candidates. */
export function earliestOf(candidates: { date: string | null | undefined; what: string }[]): { date: string | null; what: string } {
  let best: { date: string | null; what: string } = { date: null, what: '' };
  for (const c of candidates) if (c.date && (!best.date || c.date > best.date)) best = { date: c.date, what: c.what };
  return best;
}

/** R11: late if served after the due date, or recorded after it (the flag was raised and stays). */
export function serviceLate(c: { serviceDueOn: string | null; servedOn: string | null; serviceRecordedOn?: string | null }): boolean {
  if (!c.serviceDueOn || !c.servedOn) return false;
  return c.servedOn > c.serviceDueOn || (c.serviceRecordedOn ?? c.servedOn) > c.serviceDueOn;
}
