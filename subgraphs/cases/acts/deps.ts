import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import type { Clock } from '../../../kernel/clock.js';
import type { AlarmSink } from '../integrity.js';
import type { PowersFacts } from '../powers-facts.js';
import { clockedAppender } from '../records/log.js';
import type { CasesRepo } from '../repo.js';

// The one dependency object every act of the case procedure runs over (acts/*.ts): what the service is given
// (CaseServiceDeps) plus what is derived from it once per service (the record appender, the alarm, caches).

/** The review gate's question to `reviews` (R6). */
export interface ReviewClearance {
  approved: boolean;
  reviewId: string | null;
  roundNo: number | null;
  reviewerId: string | null;
  approvedAt: string | null;
  reason: string | null;
}
export type ClearanceSource = (caseId: string, proposalId: string, contentHash: string, requestId?: string) => Promise<ReviewClearance>;

export interface IntegrityDeps {
  /** Where the record log's keys and witness are (config.keyDir) and the database name (names the witness). */
  keyDir: string;
  dbName: string;
  /** An integrity alarm (structured log line + counter in the service); default: stderr. */
  alarm?: AlarmSink;
  /** `npm run bench:integrity`'s comparison run only: acts read the case log unverified (kernel/records/bench-switch.ts). */
  unverifiedForBenchmark?: boolean;
}

/** What createCaseService is given. */
export interface CaseServiceDeps {
  repo: CasesRepo;
  /** Facts read from `powers` (agencies, power items, officers, catalogs), fail closed when unreachable. */
  powers: PowersFacts;
  calendar: WorkingDayCalendar;
  /** R6: asks `reviews` for an APPROVED opinion on exactly the proposal being decided. */
  clearance: ClearanceSource;
  clock: Clock;
  integrity: IntegrityDeps;
}

export interface ActDeps extends CaseServiceDeps {
  /** Appends a record entry stamped with the business clock's instant (records/log.ts); callers never choose it. */
  append: ReturnType<typeof clockedAppender>;
  /** Where integrity alarms go (the service's structured log and counter; stderr by default). */
  alarm: AlarmSink;
  /** The agencies' late-entry settings as last read from powers (see mechanics.ts stated). */
  lateEntrySetting: Map<string, { days: number; until: number }>;
}

export function createActDeps(deps: CaseServiceDeps): ActDeps {
  return {
    ...deps,
    append: clockedAppender(deps.clock),
    alarm: deps.integrity.alarm ?? ((a) => console.error(JSON.stringify({ integrityAlarm: a }))),
    lateEntrySetting: new Map(),
  };
}
