import type { WorkingDayCalendar } from '../../../../kernel/calendar.js';
import type { Checklist, ChecklistItemCode } from './checklist.js';
import type { AutoFinding } from './findings.js';

// Pure rules of 案卷评查 (issue 30): who may evaluate a file, how a score is checked, when a rectification is due,
// and which agencies a supervisor oversees.

/**
 * R7's logic applied to evaluation: nobody evaluates a file they handled or reviewed (行政处罚法 Art. 43, 回避).
 * Returns what ties the evaluator to the file, or null.
 */
export function evaluatorConflict(evaluatorId: string, file: { handlerIds: readonly string[]; reviewerIds: readonly string[] }): 'HANDLER' | 'REVIEWER' | null {
  if (file.handlerIds.includes(evaluatorId)) return 'HANDLER';
  if (file.reviewerIds.includes(evaluatorId)) return 'REVIEWER';
  return null;
}

export const CONFLICT_REASON: Record<'HANDLER' | 'REVIEWER', string> = {
  HANDLER: '评查人员承办过该案件，应当回避，不能评查本案卷',
  REVIEWER: '评查人员对该案件作过法制审核，应当回避，不能评查本案卷',
};

export interface ItemScoreInput {
  code: ChecklistItemCode;
  score: number;
  note?: string | null;
}
export interface FindingInput {
  itemCode: ChecklistItemCode;
  text: string;
}
export interface DismissalInput {
  /** Index into the file's automatic findings. */
  index: number;
  reason: string;
}

export interface ScoredFinding {
  itemCode: ChecklistItemCode;
  code: string;
  text: string;
  automatic: boolean;
}

/**
 * Checks a score against the pinned checklist and returns the findings that stand (automatic ones not dismissed plus
 * the evaluator's own): every item scored once within 0..points; an item with a standing finding cannot get full
 * points; a dismissal needs a reason. Problems come back as [field, reason].
 */
export function checkScore(
  checklist: Checklist,
  auto: readonly AutoFinding[],
  input: { items: readonly ItemScoreInput[]; findings: readonly FindingInput[]; dismissals: readonly DismissalInput[] },
): { problems: [string, string][]; findings: ScoredFinding[]; total: number } {
  const problems: [string, string][] = [];
  for (const item of checklist.items) {
    const given = input.items.filter((i) => i.code === item.code);
    if (given.length !== 1) problems.push([`items.${item.code}`, `评查项目「${item.name}」须评分一次`]);
  }
  for (const [n, i] of input.items.entries()) {
    const item = checklist.items.find((c) => c.code === i.code);
    if (!item) problems.push([`items.${n}.code`, `评查表中没有项目 ${i.code}`]);
    else if (!Number.isInteger(i.score) || i.score < 0 || i.score > item.points)
      problems.push([`items.${n}.score`, `「${item.name}」的得分须为 0 至 ${item.points} 的整数`]);
  }
  const dismissed = new Set<number>();
  for (const [n, d] of input.dismissals.entries()) {
    if (!Number.isInteger(d.index) || d.index < 0 || d.index >= auto.length) problems.push([`dismissals.${n}.index`, '没有该项自动发现的问题']);
    else if (!d.reason.trim()) problems.push([`dismissals.${n}.reason`, '排除自动发现的问题须说明理由']);
    else dismissed.add(d.index);
  }
  for (const [n, f] of input.findings.entries()) {
    if (!checklist.items.some((c) => c.code === f.itemCode)) problems.push([`findings.${n}.itemCode`, `评查表中没有项目 ${f.itemCode}`]);
    if (!f.text.trim()) problems.push([`findings.${n}.text`, '问题描述不能为空']);
  }
  const findings: ScoredFinding[] = [
    ...auto.filter((_, i) => !dismissed.has(i)).map((f) => ({ ...f, automatic: true })),
    ...input.findings.map((f) => ({ itemCode: f.itemCode, code: 'EVALUATOR', text: f.text.trim(), automatic: false })),
  ];
  for (const item of checklist.items) {
    const s = input.items.find((i) => i.code === item.code);
    if (s && s.score === item.points && findings.some((f) => f.itemCode === item.code)) {
      problems.push([`items.${item.code}`, `「${item.name}」存在问题，不能给满分（${item.points} 分）`]);
    }
  }
  const total = input.items.reduce((sum, i) => sum + (Number.isInteger(i.score) ? i.score : 0), 0);
  return { problems, findings, total };
}

/** Working days an agency has to rectify a finding (a round parameter; 20 WD by default). */
export const DEFAULT_RECTIFICATION_WORKING_DAYS = 20;

/** The rectification deadline: N working days counted from the day after scoring (DOMAIN.md §5). */
export function rectificationDue(scoredOn: string, workingDays: number, calendar: WorkingDayCalendar): { dueOn: string; confirmed: boolean } {
  const r = calendar.addWorkingDays(scoredOn, workingDays);
  return { dueOn: r.date, confirmed: r.confirmed };
}

export const rectificationOverdue = (r: { dueOn: string; state: string }, today: string) => r.state === 'OPEN' && today > r.dueOn;

/**
 * Which agencies a supervisor oversees: a supervisor without an agency (the government's 执法监督 office) all of them;
 * otherwise their own agency and the organisations it entrusted (行政处罚法 Art. 20: the entrusting agency supervises).
 */
export function supervises(supervisorAgencyId: string | null, agency: { id: string; entrustingAgencyId: string | null }): boolean {
  if (supervisorAgencyId === null) return true;
  return agency.id === supervisorAgencyId || agency.entrustingAgencyId === supervisorAgencyId;
}
