import { describe, expect, it } from 'vitest';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { BUILT_IN_CHECKLIST, CHECKLIST_ITEM_CODES, checklistProblems, totalPoints } from '../../subgraphs/cases/supervision/evaluation/checklist.js';
import { drawParamProblems, drawSample, rankOf, stratumQuota, type DrawCandidate } from '../../subgraphs/cases/supervision/evaluation/draw.js';
import { automaticFindings, type FileFacts } from '../../subgraphs/cases/supervision/evaluation/findings.js';
import { aggregateEvaluationResults } from '../../subgraphs/cases/supervision/evaluation/results.js';
import { checkScore, evaluatorConflict, rectificationDue, rectificationOverdue, supervises } from '../../subgraphs/cases/supervision/evaluation/rules.js';
import { roundView, resultsScope } from '../../subgraphs/cases/supervision/evaluation/access.js';
import type { Caller } from '../../kernel/identity.js';

// 案卷评查 (issue 30): the pure rules, no database.

const candidates = (agency: string, type: string, n: number): DrawCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ caseId: `${agency}-${type}-${String(i).padStart(3, '0')}`, agencyId: agency, caseType: type }));
const POOL = [...candidates('A', 'PENALTY', 40), ...candidates('A', 'LICENSING', 3), ...candidates('B', 'PENALTY', 7), ...candidates('C', 'COERCION', 1)];
const P = { seed: 'seed-2026-Q3', rate: 0.1, minPerStratum: 1, minPerAgency: 2 };

describe('the sample draw', () => {
  it('is reproducible: the same seed and candidates give the same sample, whatever their order', () => {
    const a = drawSample(POOL, P);
    const b = drawSample([...POOL].reverse(), P);
    expect(b.files.map((f) => f.caseId)).toEqual(a.files.map((f) => f.caseId));
    expect(a.files.every((f) => f.rank === rankOf(P.seed, f.caseId))).toBe(true);
  });

  it('changes with the seed', () => {
    const a = drawSample(POOL, P).files.map((f) => f.caseId);
    const b = drawSample(POOL, { ...P, seed: 'another-seed-1' }).files.map((f) => f.caseId);
    expect(b).not.toEqual(a);
  });

  it('meets every stratum quota and every agency minimum (capped by what the agency has)', () => {
    const { files, strata } = drawSample(POOL, P);
    for (const s of strata) expect(s.drawn).toBeGreaterThanOrEqual(stratumQuota(s.candidates, P));
    expect(strata.find((s) => s.stratum === 'A:PENALTY')).toMatchObject({ candidates: 40, drawn: 4 });
    const perAgency = (id: string) => files.filter((f) => f.agencyId === id).length;
    expect(perAgency('B')).toBeGreaterThanOrEqual(2); // stratum quota 1, topped up to the agency minimum
    expect(perAgency('C')).toBe(1); // C has only one file
    expect(new Set(files.map((f) => f.caseId)).size).toBe(files.length);
  });

  it('draws within a stratum by rank: the drawn files are the lowest-ranked of the stratum', () => {
    const { files } = drawSample(POOL, { ...P, minPerAgency: 1 });
    const aPen = POOL.filter((c) => c.agencyId === 'A' && c.caseType === 'PENALTY')
      .map((c) => rankOf(P.seed, c.caseId))
      .sort();
    expect(
      files
        .filter((f) => f.stratum === 'A:PENALTY')
        .map((f) => f.rank)
        .sort(),
    ).toEqual(aPen.slice(0, 4));
  });

  it('refuses bad parameters by field', () => {
    expect(drawParamProblems({ seed: 'short', rate: 0, minPerStratum: 0, minPerAgency: 1.5 }).map(([f]) => f)).toEqual([
      'seed',
      'rate',
      'minPerStratum',
      'minPerAgency',
    ]);
    expect(drawParamProblems(P)).toEqual([]);
  });
});

describe('the checklist', () => {
  it('version 0 has the eight items, each with points and a legal anchor, 100 points in all', () => {
    expect(BUILT_IN_CHECKLIST.items.map((i) => i.code)).toEqual([...CHECKLIST_ITEM_CODES]);
    expect(totalPoints(BUILT_IN_CHECKLIST)).toBe(100);
    expect(checklistProblems(BUILT_IN_CHECKLIST.items)).toEqual([]);
    expect(checklistProblems(BUILT_IN_CHECKLIST.items.slice(1)).length).toBe(1);
  });
});

const CLEAN: FileFacts = {
  procedure: 'GENERAL',
  state: 'ARCHIVED',
  handlingOfficerIds: ['o1', 'o2'],
  decisionDueOn: '2026-06-30',
  decidedOn: '2026-06-01',
  serviceDueOn: '2026-06-10',
  servedOn: '2026-06-03',
  serviceRecordedOn: '2026-06-03',
  closedOn: '2026-06-20',
  archivedOn: '2026-06-21',
  measureEndsOn: null,
  measureExtendedTo: null,
  measureLiftedOn: null,
  missing: [],
  lateEntries: 0,
  reviewRequired: true,
  reviewed: true,
  collectiveDiscussionRequired: false,
  collectiveDiscussionHeld: false,
  fineWithinBenchmark: true,
};

describe('automatic findings from the verified record', () => {
  it('a clean file has none', () => expect(automaticFindings(CLEAN, '2026-11-20')).toEqual([]));

  it('names each problem under its checklist item', () => {
    const f = automaticFindings(
      {
        ...CLEAN,
        state: 'CLOSED',
        archivedOn: null,
        handlingOfficerIds: ['o1'],
        decidedOn: '2026-07-02',
        servedOn: '2026-07-20',
        serviceDueOn: '2026-07-13',
        missing: ['缺少送达回证'],
        lateEntries: 2,
        reviewed: false,
        collectiveDiscussionRequired: true,
        fineWithinBenchmark: false,
        measureEndsOn: '2026-05-01',
        measureLiftedOn: '2026-05-10',
      },
      '2026-11-20',
    );
    expect(f.map((x) => [x.itemCode, x.code])).toEqual([
      ['OFFICER_QUALIFIED', 'FEWER_THAN_TWO_OFFICERS'],
      ['PROCEDURE_LAWFUL', 'DECISION_LATE'],
      ['PROCEDURE_LAWFUL', 'REVIEW_MISSING'],
      ['PROCEDURE_LAWFUL', 'DISCUSSION_MISSING'],
      ['PROCEDURE_LAWFUL', 'LATE_ENTRIES'],
      ['LAW_AND_DISCRETION', 'OUTSIDE_BENCHMARK'],
      ['DOCUMENTS', 'RECORD_INCOMPLETE'],
      ['SERVICE_EXECUTION', 'SERVICE_LATE'],
      ['SERVICE_EXECUTION', 'SEIZURE_OVERDUE'],
      ['ARCHIVING', 'NOT_ARCHIVED'],
    ]);
  });

  it('a closed file is not flagged as unarchived within 30 days of closing', () => {
    expect(automaticFindings({ ...CLEAN, state: 'CLOSED', archivedOn: null, closedOn: '2026-11-01' }, '2026-11-20')).toEqual([]);
  });
});

describe('evaluators and scores', () => {
  it('an evaluator who handled or reviewed the file is in conflict (R7 logic)', () => {
    const file = { handlerIds: ['h1', 'h2'], reviewerIds: ['r1'] };
    expect(evaluatorConflict('h2', file)).toBe('HANDLER');
    expect(evaluatorConflict('r1', file)).toBe('REVIEWER');
    expect(evaluatorConflict('x', file)).toBeNull();
  });

  const full = () => BUILT_IN_CHECKLIST.items.map((i) => ({ code: i.code, score: i.points }));
  const auto = [{ itemCode: 'DOCUMENTS' as const, code: 'RECORD_INCOMPLETE', text: '缺少送达回证' }];

  it('a standing finding forbids full points on its item; a dismissal with a reason lifts it', () => {
    const r = checkScore(BUILT_IN_CHECKLIST, auto, { items: full(), findings: [], dismissals: [] });
    expect(r.problems.map(([f]) => f)).toEqual(['items.DOCUMENTS']);
    const ok = checkScore(BUILT_IN_CHECKLIST, auto, { items: full(), findings: [], dismissals: [{ index: 0, reason: '送达回证附于纸质卷宗' }] });
    expect(ok.problems).toEqual([]);
    expect(ok.findings).toEqual([]);
    expect(ok.total).toBe(100);
  });

  it('checks every item once, within its points, and keeps the evaluator’s own findings', () => {
    const items = full().map((i) => (i.code === 'DOCUMENTS' ? { ...i, score: 10 } : i.code === 'ARCHIVING' ? { ...i, score: 6 } : i));
    const r = checkScore(BUILT_IN_CHECKLIST, auto, {
      items: items.filter((i) => i.code !== 'FACTS_EVIDENCE'),
      findings: [{ itemCode: 'FACTS_EVIDENCE', text: '询问笔录未经当事人签名' }],
      dismissals: [{ index: 3, reason: 'x' }],
    });
    expect(r.problems.map(([f]) => f).sort()).toEqual(['dismissals.0.index', 'items.6.score', 'items.FACTS_EVIDENCE'].sort());
    expect(r.findings.map((f) => [f.itemCode, f.automatic])).toEqual([
      ['DOCUMENTS', true],
      ['FACTS_EVIDENCE', false],
    ]);
  });

  it('a rectification is due N working days after scoring (2026 arrangement: National Day)', () => {
    expect(rectificationDue('2026-09-30', 7, loadBundledCalendar())).toEqual({ dueOn: '2026-10-15', confirmed: true });
    expect(rectificationOverdue({ dueOn: '2026-10-15', state: 'OPEN' }, '2026-10-16')).toBe(true);
    expect(rectificationOverdue({ dueOn: '2026-10-15', state: 'DONE' }, '2026-10-16')).toBe(false);
  });
});

describe('access', () => {
  const caller = (role: Caller['role'], agencyId: string | null): Caller => ({ role, agencyId, officerId: null, subject: 's' }) as Caller;
  const round = { supervisingAgencyId: 'BUREAU', agencyIds: ['BUREAU', 'SQUAD'] };
  it('supervisors oversee their agency and the organisations it entrusted', () => {
    expect(supervises('BUREAU', { id: 'SQUAD', entrustingAgencyId: 'BUREAU' })).toBe(true);
    expect(supervises('BUREAU', { id: 'OTHER', entrustingAgencyId: null })).toBe(false);
    expect(supervises(null, { id: 'OTHER', entrustingAgencyId: null })).toBe(true);
  });
  it('supervisors see their rounds whole, agencies their own files, analysts and the public no round', () => {
    expect(roundView(caller('SUPERVISOR', 'BUREAU'), round)).toBe('ALL_FILES');
    expect(roundView(caller('SUPERVISOR', 'ELSEWHERE'), round)).toBe('NONE');
    expect(roundView(caller('OFFICER', 'SQUAD'), round)).toBe('OWN_FILES');
    expect(roundView(caller('OFFICER', 'ELSEWHERE'), round)).toBe('NONE');
    expect(roundView(caller('ANALYST', null), round)).toBe('NONE');
    expect(roundView(caller('PUBLIC', null), round)).toBe('NONE');
    expect(resultsScope(caller('ANALYST', null))).toBe('ALL');
    expect(resultsScope(caller('PUBLIC', null))).toBe('NONE');
    expect(resultsScope(caller('PARTNER', null))).toBe('NONE');
  });
});

describe('results for the scorecard', () => {
  it('aggregates scores, findings by item and rectifications per agency', () => {
    const files = [
      {
        id: 'f1',
        agencyId: 'A',
        state: 'SCORED',
        score: 90,
        maxScore: 100,
        findings: [{ itemCode: 'DOCUMENTS' as const, code: 'X', text: 't', automatic: true }],
      },
      { id: 'f2', agencyId: 'A', state: 'SCORED', score: 75, maxScore: 100, findings: [] },
      { id: 'f3', agencyId: 'A', state: 'PENDING', score: null, maxScore: 100, findings: null },
    ];
    const rects = [
      { agencyId: 'A', state: 'DONE', dueOn: '2026-10-15', doneOn: '2026-10-16' },
      { agencyId: 'A', state: 'OPEN', dueOn: '2026-10-15', doneOn: null },
      { agencyId: 'A', state: 'OPEN', dueOn: '2026-12-15', doneOn: null },
    ];
    const [a, b] = aggregateEvaluationResults(['A', 'B'], files, rects, '2026-11-20');
    expect(a).toMatchObject({ files: 3, scored: 2, scorePercent: 82.5, findings: 1, rectifications: { total: 3, done: 1, doneLate: 1, open: 2, overdue: 1 } });
    expect(a!.findingsByItem.DOCUMENTS).toBe(1);
    expect(b).toMatchObject({ files: 0, scored: 0, scorePercent: null });
  });
});
