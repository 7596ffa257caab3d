// R18, the order of acts (issue 26): a document that records an act counts at the archive only if it was recorded
// after that act — a 决定书 after the decision, a 送达回证 after service, a 执行记录 after execution, a 结案报告 after
// the last act before closing (service, and execution where there was one). Recorded earlier (while the case was still
// being investigated, say) it records nothing that had happened: it does not count, whatever its number and hash.

/** The case states whose entering a document kind must follow (all of those the case reached). */
export const DOCUMENT_AFTER: Readonly<Record<string, readonly string[]>> = {
  DECISION: ['DECIDED'],
  SERVICE_RECEIPT: ['SERVED'],
  EXECUTION_RECORD: ['EXECUTED'],
  CLOSING_REPORT: ['SERVED', 'EXECUTED'],
};

export interface OrderedEntry {
  kind: string;
  /** TRANSITION: the state entered; TEXT_RECORD: the document type. */
  to?: string | null;
  documentType?: string | null;
}

/**
 * For each entry (in log order), whether it is a document recorded before its act: the act was never done before it,
 * or the case entered the act's state only later. Entries of other kinds are false.
 */
export function recordedBeforeItsAct(entries: readonly OrderedEntry[]): boolean[] {
  const reached = new Set<string>();
  const everReached = new Set(entries.filter((e) => e.kind === 'TRANSITION' && e.to).map((e) => e.to!));
  return entries.map((e) => {
    if (e.kind === 'TRANSITION' && e.to) reached.add(e.to);
    if (e.kind !== 'TEXT_RECORD' || !e.documentType) return false;
    const acts = DOCUMENT_AFTER[e.documentType];
    if (!acts) return false;
    // Of the acts this document follows, those the case did reach must precede it; at least one must exist.
    const due = acts.filter((s) => everReached.has(s));
    return !due.length || due.some((s) => !reached.has(s));
  });
}
