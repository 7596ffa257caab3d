import { cents } from './rules.js';
import { addCalendarDays } from './rules.js';

// Paying a fine (行政处罚法 Art. 67, 72): within 15 days of receiving the decision; after that, the agency may add
// 3 % of the fine per day late, never more than the fine itself (Art. 72(1); 行政强制法 Art. 45).

export const PAYMENT_DAYS = 15;
export const DAILY_SURCHARGE_PERCENT = 3n;

/** Due date: 15 (calendar) days from service (Art. 67(3); Art. 85 makes only 2/3/5/7 days working days). */
export const paymentDue = (servedOn: string) => addCalendarDays(servedOn, PAYMENT_DAYS);

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
export const daysLate = (dueOn: string, on: string) => Math.max(0, dayNumber(on) - dayNumber(dueOn));

export const fromCents = (c: bigint): string => {
  const frac = (c % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${c / 100n}${frac ? `.${frac}` : ''}`;
};

/** The late surcharge owed on `on` (cents, rounded down to the fen): 3 % of the fine per day, capped at the fine. */
export function lateSurcharge(fine: string, dueOn: string, on: string): string {
  const f = cents(fine);
  const raw = (f * DAILY_SURCHARGE_PERCENT * BigInt(daysLate(dueOn, on))) / 100n;
  return fromCents(raw > f ? f : raw);
}

/**
 * The fine the decision orders now (issue 26): a decision CHANGED by the principal or by a reconsideration or court
 * (行政复议法, 行政诉讼法 Art. 77) is executed as changed, so the amount of the latest change that set one replaces the
 * decided proposal's. `events` are the case's EVENT payloads in log order.
 */
export function effectiveFineAmount(decided: string | null, events: readonly { eventKind: string; changedFineAmount?: string | null }[]): string | null {
  let fine = decided;
  for (const e of events) if (e.eventKind === 'DECISION_CHANGED' && e.changedFineAmount != null) fine = e.changedFineAmount;
  return fine;
}

export interface FineStatus {
  fineAmount: string;
  dueOn: string;
  daysLate: number;
  lateSurcharge: string;
  totalDue: string;
  paid: string;
  outstanding: string;
  paidInFull: boolean;
}

/** Where a fine stands on `on`: what was paid, what is owed (fine + surcharge accrued until then). */
export function fineStatus(fine: string, dueOn: string, payments: { amount: string; paidOn: string }[], on: string): FineStatus {
  const paid = payments.reduce((s, p) => s + cents(p.amount), 0n);
  // Once the fine is paid in full the surcharge stops accruing: it is owed as at the day the fine was covered.
  let covered: string | null = null;
  let sum = 0n;
  for (const p of [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn))) {
    sum += cents(p.amount);
    if (sum >= cents(fine)) {
      covered = p.paidOn;
      break;
    }
  }
  const asOf = covered && covered < on ? covered : on;
  const surcharge = lateSurcharge(fine, dueOn, asOf);
  const total = cents(fine) + cents(surcharge);
  const outstanding = total > paid ? total - paid : 0n;
  return {
    fineAmount: fine,
    dueOn,
    daysLate: daysLate(dueOn, asOf),
    lateSurcharge: surcharge,
    totalDue: fromCents(total),
    paid: fromCents(paid),
    outstanding: fromCents(outstanding),
    paidInFull: outstanding === 0n,
  };
}
