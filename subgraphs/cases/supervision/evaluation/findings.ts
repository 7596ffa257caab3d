import type { ChecklistItemCode } from './checklist.js';

// The automatic findings of 案卷评查 (issue 30): what the verified record of a sampled file already proves, pre-filled
// on the scoring form under the checklist item it concerns. Pure: the caller reads the verified entries and the case
// row and passes the facts; the evaluator confirms each finding or dismisses it with a reason.

export interface FileFacts {
  procedure: string;
  state: string;
  handlingOfficerIds: readonly string[];
  decisionDueOn: string | null;
  decidedOn: string | null;
  serviceDueOn: string | null;
  servedOn: string | null;
  serviceRecordedOn: string | null;
  closedOn: string | null;
  archivedOn: string | null;
  measureEndsOn: string | null;
  measureExtendedTo: string | null;
  measureLiftedOn: string | null;
  /** R18's list for this file (domain/rules.ts missingForArchive), judged on verified entries. */
  missing: readonly string[];
  /** Entries entered later than the agency's late-entry setting, with their reason (stated vs recorded). */
  lateEntries: number;
  /** From the DECISION entry: what R5 required at the decision and what was there. */
  reviewRequired: boolean;
  reviewed: boolean;
  collectiveDiscussionRequired: boolean;
  collectiveDiscussionHeld: boolean;
  /** The decided proposal's R9 check; null without a fine. */
  fineWithinBenchmark: boolean | null;
}

export interface AutoFinding {
  itemCode: ChecklistItemCode;
  /** Stable code of the rule that found it (kept in the log, used by the scorecard). */
  code: string;
  text: string;
}

/** Calendar days after closing within which a file is expected in the archive (a checklist parameter, documented). */
export const ARCHIVE_WITHIN_DAYS = 30;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function automaticFindings(f: FileFacts, today: string): AutoFinding[] {
  const out: AutoFinding[] = [];
  const add = (itemCode: ChecklistItemCode, code: string, text: string) => out.push({ itemCode, code, text });
  if (f.procedure === 'GENERAL' && f.handlingOfficerIds.length < 2) {
    add('OFFICER_QUALIFIED', 'FEWER_THAN_TWO_OFFICERS', `承办执法人员仅 ${f.handlingOfficerIds.length} 人，少于两人（行政处罚法第四十二条）`);
  }
  if (f.decisionDueOn && (f.decidedOn ?? today) > f.decisionDueOn) {
    add(
      'PROCEDURE_LAWFUL',
      'DECISION_LATE',
      `决定期限为 ${f.decisionDueOn}，${f.decidedOn ? `实际于 ${f.decidedOn} 作出决定` : '至今未作出决定'}（行政处罚法第六十条）`,
    );
  }
  if (f.reviewRequired && !f.reviewed) add('PROCEDURE_LAWFUL', 'REVIEW_MISSING', '依法应当法制审核而无审核通过的记录（行政处罚法第五十八条）');
  if (f.collectiveDiscussionRequired && !f.collectiveDiscussionHeld) {
    add('PROCEDURE_LAWFUL', 'DISCUSSION_MISSING', '依法应当由负责人集体讨论决定而无集体讨论记录（行政处罚法第五十七条第二款）');
  }
  if (f.lateEntries > 0) add('PROCEDURE_LAWFUL', 'LATE_ENTRIES', `有 ${f.lateEntries} 项记录系事后补录（记录日期晚于所述发生日期超过机关规定）`);
  if (f.fineWithinBenchmark === false) add('LAW_AND_DISCRETION', 'OUTSIDE_BENCHMARK', '罚款数额超出所选情节的裁量基准幅度（行政处罚法第三十四条）');
  for (const m of f.missing) add('DOCUMENTS', 'RECORD_INCOMPLETE', m);
  const servedLate = f.serviceDueOn && ((f.servedOn ?? today) > f.serviceDueOn || (f.serviceRecordedOn ?? f.servedOn ?? today) > f.serviceDueOn);
  if (servedLate) add('SERVICE_EXECUTION', 'SERVICE_LATE', `送达期限为 ${f.serviceDueOn}，未按期送达或未按期记录送达（行政处罚法第六十一条）`);
  const measureEnd = f.measureExtendedTo ?? f.measureEndsOn;
  if (measureEnd && (f.measureLiftedOn ?? today) > measureEnd) {
    add('SERVICE_EXECUTION', 'SEIZURE_OVERDUE', `查封、扣押期限至 ${measureEnd}，逾期未解除或处理（行政强制法第二十五条）`);
  }
  if (f.state === 'CLOSED' && !f.archivedOn && f.closedOn && daysBetween(f.closedOn, today) > ARCHIVE_WITHIN_DAYS) {
    add('ARCHIVING', 'NOT_ARCHIVED', `${f.closedOn} 结案，超过 ${ARCHIVE_WITHIN_DAYS} 日仍未归档（行政处罚法第四十七条）`);
  }
  return out;
}
