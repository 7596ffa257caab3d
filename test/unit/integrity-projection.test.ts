import { describe, expect, it } from 'vitest';
import type { RecordEntryRow } from '../../subgraphs/cases/db/schema.js';
import { proposalHash } from '../../subgraphs/cases/domain/rules.js';
import type { ProposalContent } from '../../subgraphs/cases/domain/types.js';
import { decisionHashMismatch, projectPublications, publicationMismatch } from '../../subgraphs/cases/integrity.js';

// Issue 12: publication status is part of what the authenticated log implies; pure rule, no database.

let seq = 0;
const entry = (kind: string, payload: unknown): RecordEntryRow =>
  ({ id: `e${++seq}`, caseId: 'case-1', caseSeq: seq, globalSeq: seq, kind, stage: 'DECISION', payload: JSON.stringify(payload) }) as RecordEntryRow;

describe('projectPublications', () => {
  it('is the last logged status of each publication; corrections (no status) and other kinds do not change it', () => {
    const entries = [
      entry('TRANSITION', { action: 'file', to: 'FILED' }),
      entry('PUBLICATION', { publicationId: 'p1', status: 'PENDING', dueOn: '2026-11-27', exemptionReason: null }),
      entry('PUBLICATION', { publicationId: 'p1', status: 'PUBLISHED', on: '2026-11-21' }),
      entry('PUBLICATION', { publicationId: 'p1', corrected: { on: '2026-11-22', reason: '更正', changes: [] } }),
      entry('EVENT', { eventKind: 'DECISION_CHANGED', status: 'NOT_A_PUBLICATION' }),
      entry('PUBLICATION', { publicationId: 'p1', status: 'WITHDRAWN', on: '2026-11-23', reason: '决定被撤销' }),
    ];
    expect([...projectPublications(entries)]).toEqual([['p1', 'WITHDRAWN']]);
    expect([...projectPublications(entries.slice(0, 4))]).toEqual([['p1', 'PUBLISHED']]);
    expect(projectPublications([entry('TRANSITION', { to: 'FILED' })]).size).toBe(0);
  });
});

describe('publicationMismatch', () => {
  const logged = new Map([['p1', 'WITHDRAWN']]);

  it('is null when every row has its logged status', () => {
    expect(publicationMismatch('case-1', [{ id: 'p1', status: 'WITHDRAWN' }], logged)).toBeNull();
    expect(publicationMismatch('case-1', [], new Map())).toBeNull();
  });

  it('names publication.status when a withdrawn publication is set back to PUBLISHED', () => {
    expect(publicationMismatch('case-1', [{ id: 'p1', status: 'PUBLISHED' }], logged)).toEqual({
      field: 'publication.status',
      publicationId: 'p1',
      row: 'PUBLISHED',
      log: 'WITHDRAWN',
      message: '案件 case-1 的公示 p1 的公示状态（PUBLISHED）与经认证的记录日志（WITHDRAWN）不符：公示数据被直接修改',
    });
  });

  it('a row the log never registered, and a registered publication whose row is gone, differ too', () => {
    expect(
      publicationMismatch(
        'case-1',
        [
          { id: 'p1', status: 'WITHDRAWN' },
          { id: 'p2', status: 'PUBLISHED' },
        ],
        logged,
      ),
    ).toMatchObject({
      field: 'publication.status',
      publicationId: 'p2',
      row: 'PUBLISHED',
      log: null,
    });
    const gone = publicationMismatch('case-1', [], logged);
    expect(gone).toMatchObject({ publicationId: 'p1', row: null, log: 'WITHDRAWN' });
    expect(gone!.message).toContain('公示状态（无此公示）与经认证的记录日志（WITHDRAWN）不符');
  });
});

describe('decisionHashMismatch', () => {
  const content = { outcome: 'PENALTY', fineAmount: '5000' } as unknown as ProposalContent;
  const h = proposalHash('case-1', content);
  const decided = [entry('DECISION', { proposalId: 'pr1', contentHash: h, decidedOn: '2026-11-20', partyPresent: true })];

  it('is null when the decided proposal still hashes to what the DECISION entry records, or nothing was decided', () => {
    expect(decisionHashMismatch('case-1', decided, { id: 'pr1', contentHash: h, content })).toBeNull();
    expect(decisionHashMismatch('case-1', [], null)).toBeNull();
  });

  it('names decision.contentHash for a changed stored hash or a missing row, decision.content for edited content', () => {
    expect(decisionHashMismatch('case-1', decided, { id: 'pr1', contentHash: '0'.repeat(64), content })?.field).toBe('decision.contentHash');
    expect(decisionHashMismatch('case-1', decided, null)?.field).toBe('decision.contentHash');
    const edited = { ...content, fineAmount: '500' } as ProposalContent;
    expect(decisionHashMismatch('case-1', decided, { id: 'pr1', contentHash: h, content: edited })).toMatchObject({
      field: 'decision.content',
      message: `案件 case-1 所决定的建议 pr1 的内容与经认证的决定记录（${h.slice(0, 12)}…）不符：决定建议被直接修改`,
    });
  });
});
