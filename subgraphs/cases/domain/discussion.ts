import { badInput } from '../../../kernel/errors.js';

// Collective discussion (集体讨论), 行政处罚法 Art. 57(2): "行政机关的负责人应当集体讨论决定". The participants are
// the agency's leaders (负责人) as its published list of leaders says (an ex-ante list, R1) — not any three staff, and
// the handlers only if they are on the list; the principal (主要负责人) presides, or is recorded absent with a reason
// and another leader presides. Pure: no database, no clock.

export interface LeaderEntry {
  officerId: string;
  name: string;
  principal: boolean;
}

export interface DiscussionAttendance {
  participantIds: readonly string[];
  presidedBy?: string | null;
  principalAbsenceReason?: string | null;
}

export interface CheckedAttendance {
  participantIds: string[];
  presidedBy: string;
  principalId: string | null;
  principalAbsenceReason: string | null;
}

/** At least this many leaders discuss (the agency's practice for 集体讨论, as before: three or more). */
export const MIN_LEADERS = 3;

export function checkDiscussionAttendance(a: DiscussionAttendance, leaders: readonly LeaderEntry[]): CheckedAttendance {
  const participants = [...new Set(a.participantIds)];
  if (!leaders.length) throw badInput('participantIds', '本机关尚未公布负责人名单，无法认定集体讨论的参加人（行政处罚法第五十七条第二款）');
  const onList = new Map(leaders.map((l) => [l.officerId, l]));
  for (const id of participants) {
    if (!onList.has(id))
      throw badInput('participantIds', `参加人 ${id} 不在本机关公布的负责人名单上；集体讨论由行政机关负责人进行（行政处罚法第五十七条第二款）`);
  }
  if (participants.length < MIN_LEADERS) throw badInput('participantIds', `集体讨论须有行政机关负责人${MIN_LEADERS}人以上参加（行政处罚法第五十七条第二款）`);
  const principal = leaders.find((l) => l.principal) ?? null;
  const absence = a.principalAbsenceReason?.trim() || null;
  const principalPresent = !!principal && participants.includes(principal.officerId);
  if (principal && !principalPresent && !absence) {
    throw badInput('principalAbsenceReason', `主要负责人（${principal.name}）未参加集体讨论的，须载明缺席原因`);
  }
  if (principalPresent && absence) throw badInput('principalAbsenceReason', '主要负责人参加了讨论，不应载明缺席原因');
  const presidedBy = a.presidedBy ?? (principalPresent ? principal!.officerId : null);
  if (!presidedBy) throw badInput('presidedBy', '主要负责人缺席时，须载明主持讨论的负责人');
  if (!participants.includes(presidedBy)) throw badInput('presidedBy', '主持人须是参加讨论的负责人');
  if (principalPresent && presidedBy !== principal!.officerId) throw badInput('presidedBy', `主要负责人（${principal!.name}）参加讨论的，由其主持`);
  return { participantIds: participants, presidedBy, principalId: principal?.officerId ?? null, principalAbsenceReason: absence };
}
