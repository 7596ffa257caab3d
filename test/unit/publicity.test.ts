import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  creditRecord,
  maskPersonName,
  planPublication,
  publicContent,
  publicationPeriodEnd,
  toCsv,
  withdrawalDue,
  yuanToWan,
  type PublicationPolicy,
  type PublicationSnapshot,
} from '../../subgraphs/cases/domain/publicity.js';
import { canonicalAmount, checkBenchmark } from '../../subgraphs/cases/domain/rules.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';

// Ex-post publicity rules without a database: R12–R16 and DOMAIN.md §4, §5, §7.

const calendar = loadBundledCalendar();
const policy: PublicationPolicy = {
  publishSimpleProcedure: false,
  publishWarnings: false,
  autoPublishDecisions: false,
  shortPublicationMonths: 3,
  publicationMonths: 36,
  smallFineThreshold: '10000',
};
const snapshot = (
  over: {
    party?: Partial<PublicationSnapshot['party']>;
    decision?: Partial<PublicationSnapshot['decision']>;
    caseType?: string;
    procedure?: 'SIMPLE' | 'GENERAL';
  } = {},
): PublicationSnapshot => ({
  agency: { id: 'A', name: '乌鲁木齐市米东区城市管理局', uscc: '116501090100045286' },
  party: { kind: 'NATURAL_PERSON', name: '张三丰', uscc: null, residentId: '11010519491231002X', legalRepresentative: null, isMinor: false, ...over.party },
  caseType: over.caseType ?? 'PENALTY',
  procedure: over.procedure ?? 'GENERAL',
  powerItem: { code: '650109-CF-0001', name: '对在禁止区域内露天烧烤食品的行政处罚', category: 'PENALTY' },
  decision: {
    number: '米城管罚〔2026〕12号',
    date: '2026-09-30',
    outcome: 'PENALTY',
    penaltyTypes: ['FINE'],
    fineAmount: '5000',
    confiscationAmount: null,
    legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
    ...over.decision,
  },
});

describe('publication deadline and exemptions (R12, R13, R16)', () => {
  it('gives licensing and penalty decisions 7 working days, others 20 (DOMAIN.md §5 check)', () => {
    expect(planPublication(snapshot(), null, policy, calendar)).toEqual({
      exempt: false,
      category: 'LICENSING_OR_PENALTY',
      dueOn: '2026-10-15',
      dueConfirmed: true,
    });
    expect(planPublication(snapshot({ decision: { date: '2026-02-13' } }), null, policy, calendar)).toMatchObject({ dueOn: '2026-03-02' });
    expect(planPublication(snapshot({ caseType: 'COERCION' }), null, policy, calendar)).toMatchObject({ category: 'OTHER', dueOn: '2026-11-03' });
  });
  it('marks a deadline running into a year without data as unconfirmed', () => {
    expect(planPublication(snapshot({ decision: { date: '2026-12-28' } }), null, policy, calendar)).toMatchObject({ dueConfirmed: false });
  });
  it('exempts warning-only, minors, state secrets and (by setting) the simple procedure, each with a reason', () => {
    const warning = planPublication(snapshot({ decision: { penaltyTypes: ['WARNING'], fineAmount: null } }), null, policy, calendar);
    expect(warning).toMatchObject({ exempt: true, reason: expect.stringContaining('警告') });
    expect(
      planPublication(snapshot({ decision: { penaltyTypes: ['WARNING'], fineAmount: null } }), null, { ...policy, publishWarnings: true }, calendar),
    ).toMatchObject({ exempt: false });
    expect(planPublication(snapshot({ party: { isMinor: true } }), null, policy, calendar)).toMatchObject({
      exempt: true,
      reason: expect.stringContaining('未成年'),
    });
    expect(planPublication(snapshot(), 'STATE_SECRET', policy, calendar)).toMatchObject({ exempt: true, reason: expect.stringContaining('国家秘密') });
    expect(planPublication(snapshot({ procedure: 'SIMPLE' }), null, policy, calendar)).toMatchObject({ exempt: true });
    expect(planPublication(snapshot({ procedure: 'SIMPLE' }), null, { ...policy, publishSimpleProcedure: true }, calendar)).toMatchObject({ exempt: false });
  });
});

describe('periods (R15) and withdrawal (R14)', () => {
  it('is 3 months for a small fine or circulated criticism, 36 otherwise', () => {
    expect(publicationPeriodEnd(snapshot(), '2026-10-08', policy)).toBe('2027-01-08');
    expect(publicationPeriodEnd(snapshot({ decision: { fineAmount: '10000.00' } }), '2026-10-08', policy)).toBe('2027-01-08');
    expect(publicationPeriodEnd(snapshot({ decision: { fineAmount: '10000.01' } }), '2026-10-08', policy)).toBe('2029-10-08');
    expect(publicationPeriodEnd(snapshot({ decision: { penaltyTypes: ['CIRCULATED_CRITICISM'], fineAmount: null } }), '2026-10-08', policy)).toBe('2027-01-08');
    expect(publicationPeriodEnd(snapshot({ decision: { penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'] } }), '2026-10-08', policy)).toBe('2029-10-08');
  });
  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
  it('withdraws within 3 working days of the change', () => {
    expect(withdrawalDue('2026-09-30', calendar)).toEqual({ date: '2026-10-10', confirmed: true }); // Sat 10 Oct is a make-up workday;
  });
});

describe('masking (DOMAIN.md §4)', () => {
  it('shows a person as surname + 某, compound surnames kept whole', () => {
    expect(maskPersonName('张三丰')).toBe('张某');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳某');
    expect(maskPersonName('阿不都热合曼·买买提')).toBe('阿某');
    expect(maskPersonName('王')).toBe('王某');
  });
  it('never lets a person’s name, ID number, phone or address into public content', () => {
    fc.assert(
      fc.property(
        fc.record({
          surname: fc.constantFrom('张', '王', '李', '赵', '欧阳', '司马'),
          given: fc.string({ unit: fc.constantFrom(...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂'), minLength: 1, maxLength: 3 }),
          id: fc.stringMatching(/^[1-6]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}[0-9X]$/),
        }),
        ({ surname, given, id }) => {
          const name = surname + given;
          const s = snapshot({ party: { name, residentId: id } });
          const text = JSON.stringify([publicContent(s), creditRecord(s, '2027-01-01', false, null)]);
          expect(text).not.toContain(name);
          expect(text).not.toContain(id);
          expect(text).toContain(`${surname}某`);
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });
  it('keeps a legal person’s name, USCC and representative public', () => {
    const c = publicContent(
      snapshot({
        party: { kind: 'LEGAL_PERSON', name: '乌鲁木齐某某建筑工程有限公司', uscc: '91230500MA1B3N1N2M', legalRepresentative: '王五', residentId: null },
      }),
    );
    expect(c).toMatchObject({ partyName: '乌鲁木齐某某建筑工程有限公司', partyUscc: '91230500MA1B3N1N2M', legalRepresentative: '王五' });
  });
  it('hides an individual business operator (a person) but shows the business', () => {
    const c = publicContent(
      snapshot({
        party: { kind: 'INDIVIDUAL_BUSINESS', name: '米东区老马烧烤店', uscc: '92650109MA78XXXX0X', legalRepresentative: '马某明', residentId: null },
      }),
    );
    expect(c).toMatchObject({ partyName: '米东区老马烧烤店', legalRepresentative: null });
  });
});

describe('双公示 exchange (DOMAIN.md §7)', () => {
  it('converts yuan to 万元 exactly', () => {
    expect(yuanToWan('5000')).toBe('0.500000');
    expect(yuanToWan('123456.78')).toBe('12.345678');
    expect(yuanToWan(null)).toBeNull();
  });
  it('gives ID numbers only on the restricted channel', () => {
    expect(creditRecord(snapshot(), '2027-01-01', false, null).residentIdNumber).toBeNull();
    expect(creditRecord(snapshot(), '2027-01-01', true, null).residentIdNumber).toBe('11010519491231002X');
    const csv = toCsv([creditRecord(snapshot(), '2027-01-01', false, null)], false);
    expect(csv.split('\r\n')[0]).toContain('"行政处罚决定书文号"');
    expect(csv).not.toContain('证件号码');
    expect(csv).toContain('"0.500000"');
    expect(toCsv([creditRecord(snapshot(), null, true, '含"引号",逗号')], true)).toContain('"含""引号"",逗号"');
  });
});

describe('proposal canonical form and benchmark penalty types', () => {
  it('spells the same amount one way', () => {
    expect(canonicalAmount('2000.00')).toBe('2000');
    expect(canonicalAmount('2000.50')).toBe('2000.5');
    expect(canonicalAmount('0.05')).toBe('0.05');
  });
  it('flags penalty types the chosen tier does not allow (R9)', () => {
    const p = {
      outcome: 'PENALTY' as const,
      penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'] as never,
      fineAmount: '3000',
      confiscationAmount: null,
      discretionTier: 'MINOR' as const,
      legalBasis: [],
      hearingHeld: false,
      reasoning: 'x',
      outsideRangeReason: null,
      reviewFlags: [],
    };
    const r = checkBenchmark(p, [{ tier: 'MINOR', fineMin: '2000', fineMax: '5000', penaltyTypes: ['FINE'] }]);
    expect(r.fineWithinBenchmark).toBe(false);
    expect(r.notes.join()).toContain('ORDER_STOP_BUSINESS');
  });
});
