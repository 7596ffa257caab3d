import { invalidState } from '../../../kernel/errors.js';
import type { Outcome } from './types.js';

// Hearings beyond the penalty's Art. 63–64 (issue 26): what the verified record log says happened, read at the
// decision, never a value frozen into the proposal when it was made.
//
// - 行政许可法 Art. 47–48: once the applicant or an interested party asked for a hearing, the agency holds it and
//   decides on the hearing record (Art. 48(2)); a licence decided while a requested hearing was never held is
//   refused. The same holds for any other non-penalty decision for which a hearing was requested.
// - R5 / 行政处罚法 Art. 58(1)(2), the seed's "经过听证程序作出行政执法决定…应当进行法制审核": whether a hearing
//   was held is a fact of the log at the decision (see domain/requirement.ts).

export interface HearingEventFact {
  kind: string;
  occurredOn: string;
}

/** Was a hearing held in the case on or before `on` (from verified EVENT entries)? */
export const hearingHeldBy = (events: readonly HearingEventFact[], on: string): boolean => events.some((e) => e.kind === 'HEARING_HELD' && e.occurredOn <= on);

/** Outcomes that lighten or end the matter for the party: a pending hearing request does not stand in their way. */
const NOTHING_TO_HEAR: readonly Outcome[] = ['NO_PENALTY_MINOR', 'NO_PENALTY_UNFOUNDED', 'CRIMINAL_REFERRAL'];

/**
 * 行政许可法 Art. 47–48 (and any other non-penalty decision): the last word on a hearing, by date (same-day events in
 * record order), must not be an open request. A hearing held after the request, or a written withdrawal, clears it.
 */
export function checkRequestedHearing(outcome: Outcome, events: readonly HearingEventFact[], decidedOn: string): void {
  if (NOTHING_TO_HEAR.includes(outcome)) return;
  const byDate = [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const last = byDate.filter((e) => ['HEARING_REQUESTED', 'HEARING_WAIVED', 'HEARING_HELD'].includes(e.kind) && e.occurredOn <= decidedOn).at(-1);
  if (last?.kind === 'HEARING_REQUESTED') {
    throw invalidState('申请人或者利害关系人已要求听证：须组织听证并根据听证笔录作出决定（行政许可法第四十七条、第四十八条）', {
      missing: 'HEARING_HELD',
    });
  }
}
