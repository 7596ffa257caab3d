import { count } from 'drizzle-orm';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import type { Clock } from '../../kernel/clock.js';
import { demoOfficerId } from '../powers/seed.js';
import { legalReviews } from './db/schema.js';
import { createReviewFacts } from './facts.js';
import { createReviewsRepo, type ReviewsDb } from './repo.js';
import { createReviewService } from './review-service.js';

// Demo legal review: the demo case that waits for review is submitted through the real review workflow,
// so the demo has a case UNDER_REVIEW with its automatic findings and an assigned, qualified reviewer.

export async function isReviewsSeeded(db: ReviewsDb): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(legalReviews);
  return (row?.n ?? 0) > 0;
}

export async function seedReviews(deps: {
  db: ReviewsDb;
  keys: KeyMaterial;
  casesUrl: string;
  powersUrl: string;
  /** The running services' clock: the demo case is submitted "today", like any submission. */
  clock: Clock;
}): Promise<{ caseNumber: string; reviewId: string } | null> {
  const client = (name: string, url: string) => createSubgraphClient({ name, service: 'reviews', url: () => url, keys: deps.keys });
  const cases = client('cases', deps.casesUrl);
  const facts = createReviewFacts(cases, client('powers', deps.powersUrl));
  const waiting = await cases.query<{
    cases: {
      edges: {
        node: {
          id: string;
          caseNumber: string;
          agency: { id: string };
          handlingOfficers: { id: string }[];
          proposals: { id: string; reviewRequired: boolean }[];
        };
      }[];
    };
  }>(
    `{ cases(first: 100, filter: { state: NOTIFIED }) { edges { node { id caseNumber agency { id } handlingOfficers { id } proposals { id reviewRequired } } } } }`,
  );
  // The longest-waiting one (lists are newest first), so the demo is the same on every machine.
  const candidate = waiting.cases.edges
    .map((e) => e.node)
    .reverse()
    .find((c) => c.proposals.at(-1)?.reviewRequired);
  if (!candidate) return null;
  const handler = candidate.handlingOfficers[0]!.id;
  const reviewer = ['reviewer-zhang', 'reviewer-li'].map(demoOfficerId).find((id) => !candidate.handlingOfficers.some((o) => o.id === id))!;
  const service = createReviewService({ repo: createReviewsRepo(deps.db, deps.clock), facts, calendar: loadBundledCalendar(), clock: deps.clock });
  const review = await service.submit(
    { subject: handler, role: 'OFFICER', agencyId: candidate.agency.id, officerId: handler },
    {
      caseId: candidate.id,
      proposalId: candidate.proposals.at(-1)!.id,
      materials: ['立案审批表', '现场检查笔录', '现场音像记录', '行政处罚告知书', '决定建议'],
      handlerStatement: '承办机构对送审材料的真实性、准确性、完整性，以及执法的事实、证据、法律适用、程序的合法性负责。',
      reviewerId: reviewer,
    },
  );
  return { caseNumber: candidate.caseNumber, reviewId: review.id };
}
