import { describe, expect, it } from 'vitest';
import { revisionMode, transition } from '../../subgraphs/powers/domain/workflow.js';
import type { Caller } from '../../kernel/identity.js';
import { AppError } from '../../kernel/errors.js';

const AG = 'AGENCY1';
const officer: Caller = { subject: 's-officer', role: 'OFFICER', agencyId: AG, officerId: 'O1' };
const reviewer: Caller = { subject: 's-reviewer', role: 'REVIEWER', agencyId: AG, officerId: 'R1' };
const reviewerElsewhere: Caller = { ...reviewer, agencyId: 'OTHER' };
const admin: Caller = { subject: 'admin', role: 'ADMIN', agencyId: null, officerId: null };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).extensions.code;
  }
  return 'none';
};

describe('ex-ante publication workflow (R1)', () => {
  const draft = { status: 'DRAFT' as const, submittedBy: null, agencyId: AG };
  const submittedByO1 = { status: 'SUBMITTED' as const, submittedBy: 'O1', agencyId: AG };
  const submittedByR1 = { status: 'SUBMITTED' as const, submittedBy: 'R1', agencyId: AG };

  it('walks DRAFT → SUBMITTED → APPROVED → PUBLISHED → RETIRED', () => {
    expect(transition('submit', draft, officer, null)).toBe('SUBMITTED');
    expect(transition('approve', submittedByO1, reviewer, 'ok')).toBe('APPROVED');
    expect(transition('publish', { ...submittedByO1, status: 'APPROVED' }, reviewer, null)).toBe('PUBLISHED');
    expect(transition('retire', { ...submittedByO1, status: 'PUBLISHED' }, admin, '法律修改')).toBe('RETIRED');
  });

  it('refuses to publish what legal staff have not approved', () => {
    expect(codeOf(() => transition('publish', draft, reviewer, null))).toBe('INVALID_STATE');
    expect(codeOf(() => transition('publish', submittedByO1, reviewer, null))).toBe('INVALID_STATE');
  });

  it('refuses approval by the submitter, by a non-reviewer, or by another agency', () => {
    expect(codeOf(() => transition('approve', submittedByR1, reviewer, null))).toBe('FORBIDDEN');
    expect(codeOf(() => transition('approve', submittedByO1, officer, null))).toBe('FORBIDDEN');
    expect(codeOf(() => transition('approve', submittedByO1, admin, null))).toBe('FORBIDDEN');
    expect(codeOf(() => transition('approve', submittedByO1, reviewerElsewhere, null))).toBe('FORBIDDEN');
  });

  it('requires a reason to reject or retire', () => {
    expect(codeOf(() => transition('reject', submittedByO1, reviewer, '  '))).toBe('BAD_USER_INPUT');
    expect(transition('reject', submittedByO1, reviewer, '依据条款有误')).toBe('DRAFT');
    expect(codeOf(() => transition('retire', { ...draft, status: 'PUBLISHED' }, admin, null))).toBe('BAD_USER_INPUT');
  });

  it('revises drafts in place and published versions as a new version', () => {
    expect(revisionMode('DRAFT')).toBe('in-place');
    expect(revisionMode('PUBLISHED')).toBe('new-version');
    expect(revisionMode('RETIRED')).toBe('new-version');
    expect(codeOf(() => revisionMode('SUBMITTED'))).toBe('INVALID_STATE');
    expect(codeOf(() => revisionMode('APPROVED'))).toBe('INVALID_STATE');
  });
});
