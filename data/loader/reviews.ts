import { count } from 'drizzle-orm';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import type { Clock } from '../../kernel/clock.js';
import { DataFileError } from '../../kernel/data-file.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import { legalReviews } from '../../subgraphs/reviews/db/schema.js';
import { createReviewFacts } from '../../subgraphs/reviews/facts.js';
import { createReviewsRepo, type ReviewsDb } from '../../subgraphs/reviews/repo.js';
import { createReviewService } from '../../subgraphs/reviews/review-service.js';
import { demoDataset, type Dataset } from './dataset.js';
import { agencyIdOf, officerIdOf } from './ids.js';

// reviews.yaml: cases submitted for legal review when the system starts with the data, through the real review
// workflow on the running system's business date, like any submission.

export async function isReviewsSeeded(db: ReviewsDb): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(legalReviews);
  return (row?.n ?? 0) > 0;
}

interface WaitingCase {
  id: string;
  caseNumber: string;
  party: { name: string };
  handlingOfficers: { id: string }[];
  proposals: { id: string }[];
}

/**
 * Submits each case of reviews.yaml that waits in NOTIFIED. The cases subgraph (with the loaded cases) runs at
 * `casesUrl`, the powers subgraph at `powersUrl`. Returns the first submission, or null when no case was waiting.
 */
export async function seedReviews(deps: {
  db: ReviewsDb;
  keys: KeyMaterial;
  casesUrl: string;
  powersUrl: string;
  /** The running services' clock: the case is submitted "today", like any submission. */
  clock: Clock;
  data?: Dataset;
}): Promise<{ caseNumber: string; reviewId: string } | null> {
  const data = deps.data ?? demoDataset();
  const client = (name: string, url: string) => createSubgraphClient({ name, service: 'reviews', url: () => url, keys: deps.keys });
  const cases = client('cases', deps.casesUrl);
  const service = createReviewService({
    repo: createReviewsRepo(deps.db, deps.clock),
    facts: createReviewFacts(cases, client('powers', deps.powersUrl)),
    calendar: loadBundledCalendar(),
    clock: deps.clock,
  });
  let first: { caseNumber: string; reviewId: string } | null = null;
  for (const [i, s] of data.reviews.entries()) {
    const entry = data.scenario!.cases.find((c) => c.key === s.case)!;
    const agencyId = agencyIdOf(data.scenario!.agency);
    const officerIds = entry.officers.map(officerIdOf);
    // The loaded case is found by what its filing says (case ids are made by the workflow, not by the data).
    const found = await cases.query<{ cases: { edges: { node: WaitingCase }[] } }>(
      `query SeedWaitingCases($f: CaseFilter) { cases(first: 100, filter: $f) { edges { node { id caseNumber party { name } handlingOfficers { id } proposals { id } } } } }`,
      { f: { state: 'NOTIFIED', agencyId, powerItemCode: entry.powerItem, filedFrom: entry.filedOn, filedTo: entry.filedOn } },
    );
    const party = data.scenario!.parties[entry.party]!;
    const matches = found.cases.edges
      .map((e) => e.node)
      .filter((c) => c.party.name === party.name && c.handlingOfficers.map((o) => o.id).join() === officerIds.join());
    if (!matches.length) continue; // already submitted, or never reached NOTIFIED: nothing waits
    if (matches.length > 1)
      throw new DataFileError([data.problemAt('reviews', ['submissions', i, 'case'], `有 ${matches.length} 个案件与 ${s.case} 的立案信息相同，无法区分`)]);
    const c = matches[0]!;
    const handler = officerIds[0]!;
    try {
      const review = await service.submit(
        { subject: handler, role: 'OFFICER', agencyId, officerId: handler },
        { caseId: c.id, proposalId: c.proposals.at(-1)!.id, materials: s.materials, handlerStatement: s.handlerStatement, reviewerId: officerIdOf(s.reviewer) },
      );
      first ??= { caseNumber: c.caseNumber, reviewId: review.id };
    } catch (err) {
      throw new DataFileError([data.problemAt('reviews', ['submissions', i], `提交法制审核被拒绝：${(err as Error).message}`)]);
    }
  }
  return first;
}
