import { describe, expect, it } from 'vitest';
import { canSeeInternal, isResultPublic, scopeOf } from '../../subgraphs/inspections/domain/access.js';
import { codesOfKind, PROBLEM_CODES } from '../../subgraphs/inspections/domain/codes.js';
import { isPublishedLate, publicationDue } from '../../subgraphs/inspections/domain/deadline.js';
import { checkRecord, contentHash } from '../../subgraphs/inspections/domain/validate.js';
import { demoFeed } from '../../subgraphs/inspections/platform/data.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import type { Caller } from '../../kernel/identity.js';

const calendar = loadBundledCalendar();
const feedRecord = (id: string) => demoFeed().find((e) => e.body.id === id)!.body;

describe('R19 publication deadline of random-inspection results', () => {
  it('counts 20 working days after the check ended, across holidays, and flags an unloaded year as unconfirmed', () => {
    expect(publicationDue(calendar, '2026-05-15')).toEqual({ dueOn: '2026-06-12', confirmed: true }); // 端午 2026-06-19 is after
    expect(publicationDue(calendar, '2026-09-04')).toEqual({ dueOn: '2026-10-09', confirmed: true }); // National Day week skipped
    expect(publicationDue(calendar, '2026-12-28')).toEqual({ dueOn: '2027-01-26', confirmed: false });
  });

  it('is late when published after the due date, or unpublished once it has passed', () => {
    expect(isPublishedLate({ publishedOn: '2026-06-12', publicationDueOn: '2026-06-12' }, '2026-11-28')).toBe(false);
    expect(isPublishedLate({ publishedOn: '2026-06-15', publicationDueOn: '2026-06-12' }, '2026-06-15')).toBe(true);
    expect(isPublishedLate({ publishedOn: null, publicationDueOn: '2026-06-12' }, '2026-06-12')).toBe(false);
    expect(isPublishedLate({ publishedOn: null, publicationDueOn: '2026-06-12' }, '2026-06-13')).toBe(true);
  });
});

describe('platform record validation', () => {
  it('accepts a valid result and normalises nothing it should not', () => {
    const c = checkRecord('results', feedRecord('JG-650109-2026-0004'));
    expect(c.ok).toBe(true);
    if (c.ok) expect(c.record).toMatchObject({ resultCode: 'A', enterprise: { uscc: '91230500MA1B3N1N2M' } });
  });

  it('rejects with reasons naming the field: bad USCC, unknown code, sub-code outside A, publication before the check', () => {
    const base = feedRecord('JG-650109-2026-0001');
    const reason = (patch: Record<string, unknown>) => {
      const c = checkRecord('results', { ...base, ...patch });
      return c.ok ? null : c.reason;
    };
    expect(reason({ enterprise: { uscc: '91650109MA78KB3T1X', name: '某店' } })).toMatch(/enterprise\.uscc：统一社会信用代码校验位错误/);
    expect(reason({ resultCode: 'Z' })).toMatch(/resultCode：未知的结果代码/);
    expect(reason({ subCode: 'B' })).toMatch(/subCode：子代码只用于结果代码 A/);
    expect(reason({ publishedOn: '2026-04-01' })).toMatch(/publishedOn：公示日期早于检查完成日期/);
    expect(reason({ methods: ['1', '1'] })).toMatch(/methods：检查方式重复/);
    expect(reason({ completedOn: '2026-02-30' })).toMatch(/completedOn：不是有效日期/);
    expect(reason({ id: undefined })).toMatch(/^id：/);
  });

  it('requires an auditable draw: seed, candidate counts not below what was drawn, at least two inspectors', () => {
    const task = feedRecord('RW-650109-2026-0002') as Record<string, any>;
    expect(checkRecord('tasks', task).ok).toBe(true);
    const bad = (patch: Record<string, unknown>) => checkRecord('tasks', { ...task, ...patch });
    expect(bad({ draw: { ...task.draw, seed: '' } })).toMatchObject({ ok: false, reason: expect.stringContaining('draw.seed') });
    expect(bad({ draw: { ...task.draw, objectCandidates: 1 } })).toMatchObject({ ok: false, reason: expect.stringContaining('抽取对象数多于候选对象数') });
    expect(bad({ inspectors: task.inspectors.slice(0, 1) })).toMatchObject({ ok: false, reason: expect.stringContaining('检查人员不少于两名') });
    expect(bad({ checkEndOn: null })).toMatchObject({ ok: false, reason: expect.stringContaining('检查结束的任务须有结束日期') });
  });

  it('hashes content without updatedAt, so a re-sent record is recognised as the same', () => {
    const r = feedRecord('JG-650109-2026-0001');
    expect(contentHash({ ...r, updatedAt: '2030-01-01T00:00:00.000Z' })).toBe(contentHash(r));
    expect(contentHash({ ...r, findings: '变更' })).not.toBe(contentHash(r));
    // Key order does not matter.
    expect(contentHash(Object.fromEntries(Object.entries(r).reverse()))).toBe(contentHash(r));
  });
});

describe('codes and access', () => {
  it('maps result kinds to platform codes and knows which found problems', () => {
    expect(codesOfKind('PROBLEM_PENDING')).toEqual(['A']);
    expect(PROBLEM_CODES.sort()).toEqual(['8', 'A', 'E']);
  });

  it('shows internal data to the inspecting agency’s staff and oversight only', () => {
    const caller = (role: Caller['role']): Caller => ({ subject: 's', role, agencyId: 'a', officerId: null });
    const bureau = '116501090100045286';
    expect(canSeeInternal(caller('OFFICER'), bureau, [bureau])).toBe(true);
    expect(canSeeInternal(caller('OFFICER'), bureau, ['12650109328601753H'])).toBe(false);
    expect(canSeeInternal(caller('ANALYST'), bureau, [bureau])).toBe(false);
    expect(canSeeInternal(caller('SUPERVISOR'), bureau, [])).toBe(true);
    expect(scopeOf(caller('PUBLIC'), [bureau])).toEqual({ all: false, agencyUsccs: [] });
    expect(isResultPublic({ publishedOn: '2026-12-01' }, '2026-11-28')).toBe(false);
    expect(isResultPublic({ publishedOn: '2026-11-28' }, '2026-11-28')).toBe(true);
  });
});
