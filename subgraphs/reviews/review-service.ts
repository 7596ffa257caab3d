import { validateYearArrangement, type WorkingDayCalendar, type YearArrangement } from '../../kernel/calendar.js';
import { loadingCalendars } from '../../kernel/deadline-recount.js';
import { recomputeRoundDue, type RecomputedRoundDue } from './domain/deadline-recompute.js';
import { AppError, badInput, badInputs, conflict, forbidden, invalidState, notFound } from '../../kernel/errors.js';
import type { Caller } from '../../kernel/identity.js';
import { newId } from '../../kernel/ids.js';
import { doNotRetry, retryingTransaction } from '../../kernel/tx-retry.js';
import type { Clock } from '../../kernel/clock.js';
import {
  assertAssignedReviewer,
  automaticFindings,
  checkNotParticipant,
  checkReviewer,
  reviewingAgencyId,
  NO_REVIEWER_FACTS,
  reviewerFactsAtAssignment,
  validateOpinion,
} from './domain/rules.js';
import { entrustedSubmissionProblem, isEntrustedCase } from './domain/entrustment.js';
import type { FindingResult, ReviewConclusion, ReviewPoint } from './domain/types.js';
import type { ReviewFacts } from './facts.js';
import type { LegalReviewRow, ReviewRoundRow, ReviewsRepo } from './repo.js';
import { loggedConclusion, REVIEW_CONCLUDED, signConclusion, type ReviewConcludedFact } from './conclusion.js';
import { appendEntry, serviceMacKeyRing } from '../../kernel/records/log.js';

// The legal review workflow (重大执法决定法制审核). Each step that changes the case too calls `cases`
// inside the open reviews transaction: if `cases` refuses or is unreachable, nothing is written here,
// and the `cases` side is idempotent per (review, round) so a retry after a lost commit is safe.

export function createReviewService(deps: {
  repo: ReviewsRepo;
  facts: ReviewFacts;
  calendar: WorkingDayCalendar;
  clock: Clock;
  /** Where the reviews keys are (default: the configured key dir). */
  keyDir?: string;
}) {
  const { repo, facts, calendar } = deps;
  const { clock } = deps;
  const today = () => clock.today();
  type ReviewsTx = Parameters<Parameters<ReviewsRepo['orm']['transaction']>[0]>[0];

  /** The reviews log (issue 25): every round, assignment and opinion, keyed with the reviews key, in the same transaction. */
  const appendReviewEntry = (tx: ReviewsTx, caseId: string, kind: string, actor: string, payload: unknown) =>
    appendEntry(tx, { caseId, kind, stage: 'REVIEW', actor, payload, recordedAt: clock.now() }, serviceMacKeyRing('reviews'));

  /**
   * A transaction re-run whole on deadlocks and Galera certification failures (issue 16), except once it has
   * told the cases service (`outside()` is called just before, as the last step before COMMIT): a second run
   * would tell it again under new identifiers, so such a failure is passed on as it is.
   */
  const reviewTx = <T>(fn: (tx: ReviewsTx, outside: () => void) => Promise<T>) =>
    retryingTransaction(async () => {
      let told = false;
      try {
        return await repo.orm.transaction((tx) => fn(tx, () => (told = true)));
      } catch (err) {
        throw told ? doNotRetry(err) : err;
      }
    });

  async function eligibleReviewer(
    reviewerId: string,
    c: { agencyId: string; decidingAgencyId?: string | null; handlingOfficerIds: string[] },
    requestId?: string,
  ) {
    const found = await facts.officers([reviewerId], requestId);
    checkReviewer(found.get(reviewerId), reviewerId, c);
    return reviewerFactsAtAssignment(found.get(reviewerId)!);
  }

  return {
    async submit(
      caller: Caller,
      a: { caseId: string; proposalId: string; materials: string[]; handlerStatement: string; reviewerId?: string | null },
      requestId?: string,
    ): Promise<LegalReviewRow> {
      const dossier = await facts.dossier(a.caseId, requestId);
      if (!dossier) throw notFound('案件', a.caseId);
      if (caller.role !== 'OFFICER' || caller.agencyId !== dossier.agencyId || !caller.officerId || !dossier.handlingOfficerIds.includes(caller.officerId)) {
        throw forbidden('只有本案承办执法人员可以送审');
      }
      // Art. 20 (issue 26): the entrusted organisation's handlers submit only while the 委托书 is in force, as powers has it now.
      if (isEntrustedCase(dossier)) {
        const entrustment = await facts.entrustment(dossier.agencyId, requestId);
        const problem = entrustedSubmissionProblem(dossier, entrustment, today());
        if (problem) throw new AppError('FORBIDDEN', problem, { reason: problem, entrustment: entrustment?.documentNumber ?? null });
      }
      const proposal = dossier.proposals.find((p) => p.id === a.proposalId);
      if (!proposal) throw badInput('proposalId', `决定建议 ${a.proposalId} 不属于该案件`);
      if (dossier.proposals.at(-1)!.id !== proposal.id) throw invalidState('只能送审最新的决定建议');
      const materials = a.materials.map((m) => m.trim()).filter(Boolean);
      if (!materials.length) throw badInput('materials', '须列明送审材料');
      const statement = a.handlerStatement.trim();
      if (!statement) throw badInput('handlerStatement', '承办机构须声明送审材料真实、准确、完整');
      // The review is the deciding agency's: for an entrusted organisation's case the entrusting agency's legal staff
      // review it under its settings (Art. 20, 58); the handlers of the entrusted organisation submit it.
      const reviewingAgency = reviewingAgencyId(dossier);
      const agency = await facts.agency(reviewingAgency, requestId);
      if (!agency) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体的审核设置', { serviceName: 'powers' });
      const reviewerFacts = a.reviewerId ? await eligibleReviewer(a.reviewerId, dossier, requestId) : NO_REVIEWER_FACTS;
      const officerIds = new Set<string>();
      for (const r of dossier.records) {
        try {
          const p = JSON.parse(r.payload ?? '{}') as { officerIds?: string[] };
          p.officerIds?.forEach((id) => officerIds.add(id));
        } catch {
          /* unreadable payloads have no officers */
        }
      }
      const findings = automaticFindings(dossier, proposal, await facts.officers([...officerIds], requestId), {
        today: today(),
        avActivities: agency.avActivities,
        calendar,
        agencyName: agency.name,
      });
      const due = calendar.addWorkingDays(today(), agency.reviewTimeLimitWorkingDays);
      const now = clock.now();

      return reviewTx(async (tx, outside) => {
        let review = await repo.lockByCase(tx, a.caseId);
        let rounds: ReviewRoundRow[] = [];
        if (review) {
          rounds = (await repo.lockReview(tx, review.id)).rounds;
          const same = rounds.find((r) => r.proposalId === proposal.id);
          if (same) {
            // Same proposal again: a retry — make sure the case side happened too.
            outside();
            await facts.enterLegalReview(
              { caseId: a.caseId, proposalId: proposal.id, reviewId: review.id, roundNo: same.roundNo, submittedBy: caller.officerId! },
              requestId,
            );
            return review;
          }
          const open = rounds.at(-1);
          if (open && !open.conclusion) throw invalidState(`第 ${open.roundNo} 轮审核尚未结束，不能重复送审`);
        }
        const roundNo = (rounds.at(-1)?.roundNo ?? 0) + 1;
        const reviewId = review?.id ?? newId();
        const status = a.reviewerId ? 'IN_REVIEW' : 'AWAITING_ASSIGNMENT';
        if (!review) {
          review = {
            id: reviewId,
            caseId: a.caseId,
            agencyId: reviewingAgency,
            status,
            currentRound: roundNo,
            reviewerId: a.reviewerId ?? null,
            dueOn: due.date,
            version: 1,
            createdAt: now,
            updatedAt: now,
          };
          await repo.insertReview(tx, review);
        } else {
          review = await repo.updateReview(tx, review, { status, currentRound: roundNo, reviewerId: a.reviewerId ?? null, dueOn: due.date });
        }
        const roundId = newId();
        await repo.insertRound(tx, {
          id: roundId,
          reviewId,
          roundNo,
          proposalId: proposal.id,
          proposalHash: proposal.contentHash,
          proposalSnapshot: JSON.stringify(proposal),
          materials,
          handlerStatement: statement,
          submittedBy: caller.officerId!,
          submittedAt: now,
          reviewerId: a.reviewerId ?? null,
          assignedBy: a.reviewerId ? caller.officerId! : null,
          assignedAt: a.reviewerId ? now : null,
          dueOn: due.date,
          dueConfirmed: due.confirmed,
          automaticFindings: findings,
          findings: null,
          conclusion: null,
          opinion: null,
          requiredCorrections: null,
          concludedAt: null,
          concludedOn: null,
          agencyId: reviewingAgency,
          caseType: dossier.caseType,
          submittedOn: today(),
          ...reviewerFacts,
        });
        await appendReviewEntry(tx, a.caseId, 'ROUND_SUBMITTED', caller.officerId!, {
          reviewId,
          roundId,
          roundNo,
          proposalId: proposal.id,
          proposalHash: proposal.contentHash,
          materials,
          handlerStatement: statement,
          submittedBy: caller.officerId!,
          reviewerId: a.reviewerId ?? null,
          dueOn: due.date,
          automaticFindings: findings,
          ...reviewerFacts,
        });
        outside();
        await facts.enterLegalReview({ caseId: a.caseId, proposalId: proposal.id, reviewId, roundNo, submittedBy: caller.officerId! }, requestId);
        return review;
      });
    },

    /**
     * R12 (issue 26, part D): cases' `loadHolidayArrangement` tells this service a year's arrangement was loaded (the
     * SERVICE caller; the administrator is `loadedBy`). In one transaction of this database: the arrangement this
     * service last applied for the year is locked and compared with the loaded one, every open round whose due date
     * the change moves is counted again (domain/deadline-recompute.ts), each change written to the round (and to the
     * review's due date when it is the current round) and logged (`DEADLINE_RECOMPUTED`, with the earlier date), and
     * the arrangement stored. The same arrangement again changes nothing (idempotent: a retry after a lost reply is safe).
     */
    async applyHolidayArrangement(caller: Caller, input: YearArrangement, loadedBy: string): Promise<(RecomputedRoundDue & { caseId: string })[]> {
      if (caller.role !== 'SERVICE') throw forbidden('仅供案件服务在载入节假日安排时调用');
      const result = validateYearArrangement({ ...input, source: input.source ?? undefined });
      if (!result.ok) throw badInputs(result.errors);
      const loaded = result.value;
      const changed = await retryingTransaction(() =>
        repo.orm.transaction(async (tx) => {
          const stored = await repo.lockCalendarYear(tx, loaded.year);
          const { before, after, correction } = loadingCalendars(calendar, stored?.arrangement ?? null, loaded);
          const rounds = await repo.lockOpenRoundsTouching(tx, loaded.year);
          const moved = rounds
            .map((r) => ({
              row: r,
              n: recomputeRoundDue(
                { reviewId: r.reviewId, roundNo: r.roundNo, countedFrom: r.submittedOn!, dueOn: r.dueOn, confirmed: r.dueConfirmed, concluded: !!r.conclusion },
                before,
                after,
              ),
            }))
            .filter((x): x is { row: ReviewRoundRow; n: RecomputedRoundDue } => !!x.n);
          const reviews = new Map((await repo.lockReviewsByIds(tx, [...new Set(moved.map((m) => m.row.reviewId))])).map((r) => [r.id, r]));
          const out: (RecomputedRoundDue & { caseId: string })[] = [];
          const on = today();
          for (const { row, n } of moved) {
            const review = reviews.get(row.reviewId)!;
            await repo.updateRound(tx, row, { dueOn: n.to.date, dueConfirmed: n.to.confirmed });
            if (review.currentRound === row.roundNo) reviews.set(review.id, await repo.updateReview(tx, review, { dueOn: n.to.date }));
            await appendReviewEntry(tx, review.caseId, 'DEADLINE_RECOMPUTED', loadedBy, {
              reviewId: row.reviewId,
              roundId: row.id,
              roundNo: row.roundNo,
              deadline: 'REVIEW_DUE',
              countedFrom: n.countedFrom,
              workingDays: n.workingDays,
              from: { date: n.dueOn, confirmed: n.confirmed },
              to: n.to,
              year: loaded.year,
              source: loaded.source ?? null,
              correction,
              on,
            });
            out.push({ ...n, caseId: review.caseId });
          }
          await repo.upsertCalendarYear(tx, { year: loaded.year, arrangement: loaded, loadedBy, loadedAt: clock.now() });
          return out;
        }),
      );
      calendar.setYear(loaded);
      return changed;
    },

    async assign(caller: Caller, a: { reviewId: string; version: number; reviewerId: string }, requestId?: string): Promise<LegalReviewRow> {
      // Who may act first; another agency's review answers like an unknown one (no existence oracle).
      if (!['REVIEWER', 'PRINCIPAL'].includes(caller.role)) throw forbidden('只有本机关法制审核机构或主要负责人可以分配审核人员');
      const pre = (await repo.reviewsByIds([a.reviewId]))[0];
      if (!pre || caller.agencyId !== pre.agencyId) throw notFound('法制审核', a.reviewId);
      const dossier = await facts.dossier(pre.caseId, requestId);
      if (!dossier) throw notFound('案件', pre.caseId);
      const reviewerFacts = await eligibleReviewer(a.reviewerId, dossier, requestId);
      return reviewTx(async (tx) => {
        const { review, rounds } = await repo.lockReview(tx, a.reviewId, a.version);
        const round = rounds.at(-1)!;
        if (round.conclusion) throw invalidState('本轮审核已结束，不能再分配审核人员');
        const assignedBy = caller.officerId ?? caller.subject;
        await repo.updateRound(tx, round, { reviewerId: a.reviewerId, assignedBy, assignedAt: clock.now(), ...reviewerFacts });
        await appendReviewEntry(tx, review.caseId, 'REVIEWER_ASSIGNED', assignedBy, {
          reviewId: review.id,
          roundId: round.id,
          roundNo: round.roundNo,
          reviewerId: a.reviewerId,
          assignedBy,
          ...reviewerFacts,
        });
        return repo.updateReview(tx, review, { status: 'IN_REVIEW', reviewerId: a.reviewerId });
      });
    },

    async recordOpinion(
      caller: Caller,
      reviewId: string,
      a: {
        version: number;
        findings: { point: ReviewPoint; result: FindingResult; note?: string | null }[];
        conclusion: ReviewConclusion;
        opinion: string;
        requiredCorrections?: string[] | null;
      },
      requestId?: string,
    ): Promise<LegalReviewRow> {
      // Who may act first (role, agency, assignment), before the review's state or version is revealed.
      if (caller.role !== 'REVIEWER') assertAssignedReviewer(caller, null);
      const pre = (await repo.reviewsByIds([reviewId]))[0];
      if (!pre || caller.agencyId !== pre.agencyId) throw notFound('法制审核', reviewId);
      // The case log is the authoritative home of the conclusion (issue 25): read it first, so a retry after a lost
      // reply follows what the case already recorded instead of recording a second, different act.
      const dossier = await facts.dossier(pre.caseId, requestId);
      if (!dossier) throw notFound('案件', pre.caseId);
      const outcome = await reviewTx(async (tx, outside) => {
        let locked: Awaited<ReturnType<typeof repo.lockReview>>;
        try {
          locked = await repo.lockReview(tx, reviewId);
        } catch (err) {
          if (err instanceof AppError && err.extensions.code === 'NOT_FOUND') throw notFound('法制审核', reviewId);
          throw err;
        }
        const { review, rounds } = locked;
        if (caller.agencyId !== review.agencyId) throw notFound('法制审核', reviewId);
        const round = rounds.at(-1)!;
        assertAssignedReviewer(caller, round.reviewerId);
        const logged = round.conclusion ? null : loggedConclusion(dossier.records, review.id, round.roundNo, deps.keyDir);
        if (logged) {
          // Follow the case log idempotently: exactly the opinion it holds, countersigned by us when it was given.
          await repo.updateRound(tx, round, {
            findings: logged.findings,
            conclusion: logged.conclusion,
            opinion: logged.opinion,
            requiredCorrections: logged.requiredCorrections,
            concludedAt: new Date(logged.concludedAt),
            concludedOn: logged.concludedOn,
          });
          await appendReviewEntry(tx, review.caseId, 'OPINION_RECORDED', logged.reviewerId, { ...logged, followedCaseLog: true });
          return { next: await repo.updateReview(tx, review, { status: logged.conclusion }), followed: logged };
        }
        if (round.conclusion) throw invalidState(`第 ${round.roundNo} 轮审核意见已记录，不能更改；修改后的决定建议须重新送审`, { roundNo: round.roundNo });
        if (review.version !== a.version) {
          throw new AppError('CONFLICT', `冲突：法制审核已被他人更新（当前版本 ${review.version}），请刷新后重试`, { currentVersion: review.version });
        }
        const v = validateOpinion(a, round.automaticFindings);
        // R7 again (issue 26): the reviewer may have taken part in the case since being assigned (the dossier read above).
        checkNotParticipant(round.reviewerId!, caller.officerId ?? round.reviewerId!, dossier);
        // R7 at the moment of concluding: the reviewer's qualification as powers holds it now.
        const reviewerNow = (await facts.officers([round.reviewerId!], requestId)).get(round.reviewerId!);
        const q = reviewerNow ? reviewerFactsAtAssignment(reviewerNow) : { reviewerQualified: false, reviewerFirstTime: false, reviewerHasCertificate: false };
        const now = clock.now();
        await repo.updateRound(tx, round, {
          findings: v.findings,
          conclusion: a.conclusion,
          opinion: v.opinion,
          requiredCorrections: v.corrections,
          concludedAt: now,
          concludedOn: today(),
        });
        const next = await repo.updateReview(tx, review, { status: a.conclusion });
        const fact: ReviewConcludedFact = {
          kind: REVIEW_CONCLUDED,
          caseId: review.caseId,
          reviewId: review.id,
          roundNo: round.roundNo,
          proposalId: round.proposalId,
          contentHash: round.proposalHash,
          conclusion: a.conclusion,
          reviewerId: round.reviewerId!,
          reviewer: { qualified: q.reviewerQualified, firstTime: q.reviewerFirstTime, hasCertificate: q.reviewerHasCertificate },
          findings: v.findings,
          opinion: v.opinion,
          requiredCorrections: v.corrections,
          concludedAt: now.toISOString(),
          concludedOn: today(),
        };
        await appendReviewEntry(tx, review.caseId, 'OPINION_RECORDED', fact.reviewerId, fact);
        const signed = signConclusion(fact, deps.keyDir);
        // The case records the countersigned opinion (and on ISSUES_FOUND goes back to its handlers) before we commit.
        outside();
        await facts.recordReviewOutcome(
          {
            caseId: review.caseId,
            reviewId: review.id,
            roundNo: round.roundNo,
            proposalId: round.proposalId,
            contentHash: round.proposalHash,
            conclusion: a.conclusion,
            reviewerId: round.reviewerId!,
            ...signed,
          },
          requestId,
        );
        return { next, followed: null };
      });
      if (outcome.followed && outcome.followed.conclusion !== a.conclusion) {
        throw conflict(
          `第 ${outcome.followed.roundNo} 轮审核结论已记录为 ${outcome.followed.conclusion}（以案件记录为准），不能更改；修改后的决定建议须重新送审`,
          {
            loggedConclusion: outcome.followed.conclusion,
          },
        );
      }
      return outcome.next;
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
