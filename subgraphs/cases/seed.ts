import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import { demoAgencyId, demoOfficerId } from '../powers/seed.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { pinnedClock, type PinnedClock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { dropDatabase } from '../../kernel/db.js';
import { residentIdCheckChar, usccCheckChar } from '../../kernel/identifiers.js';
import type { Caller, KeyMaterial, Role } from '../../kernel/identity.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import { createCaseService, type CaseService, type ClearanceSource, type FileCaseArgs, type ProposalArgs } from './case-service.js';
import { cases } from './db/schema.js';
import type { CaseState, Confidentiality } from './domain/types.js';
import { FORMAL_DOCUMENTS } from './domain/documents.js';
import { createPowersFacts } from './powers-facts.js';
import { createCheckpoint } from './records/log.js';
import { removeWitness } from './records/signing.js';
import { createCasesRepo, type CaseRow, type CasesDb, type ProposalRow } from './repo.js';
import { openCasesDb, reviewClearanceSource, startCases } from './service.js';
import { createReviewFacts } from '../reviews/facts.js';
import { createReviewsRepo, type ReviewsDb } from '../reviews/repo.js';
import { createReviewService, type ReviewService } from '../reviews/review-service.js';
import { openReviewsDb, startReviews } from '../reviews/service.js';
import { REVIEW_POINTS } from '../reviews/domain/types.js';
import { createLogger } from '../../kernel/logger.js';
import { createPublicationService, type PublicationService } from './publication-service.js';

// Demo cases of the seed bureau (乌鲁木齐市米东区城市管理局), one or more in every state the API can reach.
//
// Every case is driven through the real case workflow (createCaseService) against the RUNNING powers
// subgraph, so demo data can never be something the API would refuse: officers' credentials, power
// items, benchmarks, the review catalog and the AV recording list are all checked as for a user.
// Deterministic: the same cases, numbers (米城管罚〔2026〕1号 … in filing order), parties, facts and dates
// on every run; only ids and the time of day in record timestamps differ.
// Parties, companies, addresses and phone numbers are fictitious; USCCs and resident ID numbers are
// built valid with their check characters and belong to nobody.

/** The demo's "today": every action is dated on or before it, and `npm start` pins the business clock to it. */
export const SEED_CASES_TODAY = '2026-11-20';

/**
 * Demo processes (`npm start`, `npm run seed`) run on the demo's date unless SANXIANG_TODAY says otherwise,
 * so the demo's flags (overdue, hearing windows, publication periods) and figures read the same on any day.
 */
export function pinDemoClock(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!env.SANXIANG_TODAY?.trim()) env.SANXIANG_TODAY = SEED_CASES_TODAY;
  return env;
}

const BUREAU = 'midong-cgj';
const AREA_NOTE = '乌鲁木齐市米东区';

export interface SeededCase {
  key: string;
  id: string;
  caseNumber: string;
  state: CaseState;
  procedure: 'GENERAL' | 'SIMPLE';
}

export interface SeedCasesDeps {
  config: Config;
  keys: KeyMaterial;
  /** The cases database. With `reset` it is closed and replaced: use the `db` returned. */
  db?: CasesDb;
  /** Where the RUNNING powers subgraph answers (its direct URL, not the gateway). */
  powersUrl: string | (() => string);
  /**
   * The reviews database: one demo case goes through legal review to its decision (R5/R6), so the demo has a
   * decision made on an approved review. Its review rows are written here through the real review workflow.
   */
  reviewsDb: ReviewsDb;
  /** Drop and re-create the cases database (and its record-log witness) before seeding. */
  reset?: boolean;
}

export async function isCasesSeeded(db: CasesDb): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(cases);
  return (row?.n ?? 0) > 0;
}

/**
 * The record log refuses DELETE by trigger (R17), so a reset drops the whole database, removes the
 * witness of its signed checkpoints (otherwise the fresh log reads as a rollback) and migrates anew.
 */
export async function resetCasesDatabase(config: Config): Promise<CasesDb> {
  const dbName = config.databaseName('cases');
  await dropDatabase(config.databaseUrl, dbName);
  removeWitness(config.keyDir, dbName);
  return openCasesDb(config);
}

// ---------------------------------------------------------------------------------------------------
// Identifiers, valid by construction
// ---------------------------------------------------------------------------------------------------

/** 18-digit resident ID: region (6) + birth date (8) + sequence (3, odd = male) + check character. */
const residentId = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
};
/** USCC: 91 = enterprise, 92 = individual business; region 650109; 9-character organisation code. */
const uscc = (prefix: '91' | '92', orgCode: string) => {
  const first17 = `${prefix}650109${orgCode}`;
  return first17 + usccCheckChar(first17);
};

type Party = FileCaseArgs['party'];

const PARTIES = {
  hengdashun: {
    kind: 'LEGAL_PERSON',
    name: '乌鲁木齐恒达顺渣土运输有限公司',
    uscc: uscc('91', 'MA7XK2H3L'),
    legalRepresentative: '赵永刚',
    address: `${AREA_NOTE}古牧地西路（示例地址）`,
    phone: '0991-3300101',
  },
  dingyuan: {
    kind: 'LEGAL_PERSON',
    name: '新疆鼎元建设工程有限公司',
    uscc: uscc('91', 'MA78P4Q1D'),
    legalRepresentative: '孙立军',
    address: `${AREA_NOTE}米东南路（示例地址）`,
    phone: '0991-3300202',
  },
  tongqu: {
    kind: 'LEGAL_PERSON',
    name: '乌鲁木齐通衢物流运输有限公司',
    uscc: uscc('91', 'MA7BWN6T2'),
    legalRepresentative: '刘海涛',
    address: `${AREA_NOTE}米东北路（示例地址）`,
    phone: '0991-3300303',
  },
  longsheng: {
    kind: 'LEGAL_PERSON',
    name: '乌鲁木齐米东区隆盛土方工程有限公司',
    uscc: uscc('91', 'MA79RC3K8'),
    legalRepresentative: '韩建平',
    address: `${AREA_NOTE}稽宝路（示例地址）`,
    phone: '0991-3300404',
  },
  hongfuyuan: {
    kind: 'LEGAL_PERSON',
    name: '乌鲁木齐鸿福源餐饮管理有限公司',
    uscc: uscc('91', 'MA7F5J9U4'),
    legalRepresentative: '周红梅',
    address: `${AREA_NOTE}友好街（示例地址）`,
    phone: '0991-3300505',
  },
  tianshanSand: {
    kind: 'LEGAL_PERSON',
    name: '新疆天山砂石运输有限公司',
    uscc: uscc('91', 'MA7H2E8Y6'),
    legalRepresentative: '陈志明',
    address: `${AREA_NOTE}卡子湾（示例地址）`,
    phone: '0991-3300606',
  },
  zhongxin: {
    kind: 'LEGAL_PERSON',
    name: '乌鲁木齐众鑫再生资源回收有限公司',
    uscc: uscc('91', 'MA7NX5R2C'),
    legalRepresentative: '杜建新',
    address: `${AREA_NOTE}羊毛工镇（示例地址）`,
    phone: '0991-3300707',
  },
  ablaKebab: {
    kind: 'INDIVIDUAL_BUSINESS',
    name: '米东区阿布拉烤肉店',
    uscc: uscc('92', 'MA7KQ3W5X'),
    legalRepresentative: '阿布拉·买买提',
    address: `${AREA_NOTE}地磅街道（示例地址）`,
    phone: '13899900707',
  },
  xiangmanlou: {
    kind: 'INDIVIDUAL_BUSINESS',
    name: '米东区香满楼川菜馆',
    uscc: uscc('92', 'MA7TL8W3P'),
    legalRepresentative: '李国庆',
    address: `${AREA_NOTE}石化街道友谊路（示例地址）`,
    phone: '13899901111',
  },
  wangZhigang: {
    kind: 'NATURAL_PERSON',
    name: '王志刚',
    residentIdNumber: residentId('650109', '19850312', '031'),
    address: `${AREA_NOTE}石化街道某小区`,
    phone: '13999900808',
  },
  erkin: {
    kind: 'NATURAL_PERSON',
    name: '艾尔肯·吐尔洪',
    residentIdNumber: residentId('650104', '19780115', '015'),
    address: `${AREA_NOTE}卡子湾街道某小区`,
    phone: '13999900909',
  },
  maWenbin: {
    kind: 'NATURAL_PERSON',
    name: '马文斌',
    residentIdNumber: residentId('650106', '19920708', '057'),
    address: `${AREA_NOTE}古牧地东路街道某小区`,
    phone: '13999901010',
  },
} satisfies Record<string, Party>;

// ---------------------------------------------------------------------------------------------------
// Legal bases (as in the powers seed: subgraphs/powers/seed-data.ts)
// ---------------------------------------------------------------------------------------------------

const DQF = '中华人民共和国大气污染防治法';
const JZLJ = '城市建筑垃圾管理规定';
const BASIS = {
  spilledLoad: [{ law: DQF, article: '第一百一十六条' }],
  barbecue: [
    { law: DQF, article: '第八十一条第三款' },
    { law: DQF, article: '第一百一十八条第三款' },
  ],
  fumes: [
    { law: DQF, article: '第八十一条第一款' },
    { law: DQF, article: '第一百一十八条第一款' },
  ],
  wasteDumping: [{ law: JZLJ, article: '第二十六条' }],
};
const ITEM = {
  barbecue: '650109-CF-0001',
  fumes: '650109-CF-0002',
  spilledLoad: '650109-CF-0003',
  constructionDust: '650109-CF-0004',
  wasteDumping: '650109-CF-0005',
  wasteDumpingPerson: '650109-CF-0008',
  seizure: '650109-QZ-0001',
  stackingLicence: '650109-XK-0001',
};

/** Short codes for the demo's document numbers (文书编号): 〔case number〕-code-sequence. */
const DOC_CODE: Record<string, string> = {
  FILING_APPROVAL: '立审',
  ON_SITE_INSPECTION_RECORD: '勘验',
  INQUIRY_RECORD: '询问',
  RIGHTS_NOTICE: '告知',
  STATEMENT_DEFENCE_RECORD: '申辩',
  HEARING_RECORD: '听证',
  CASE_APPROVAL: '案审',
  DECISION: '决定',
  SERVICE_RECEIPT: '送达',
  EXECUTION_RECORD: '执行',
  CLOSING_REPORT: '结案',
  PUBLICATION_NOTICE: '公告知',
};

// ---------------------------------------------------------------------------------------------------
// One case walked through the workflow
// ---------------------------------------------------------------------------------------------------

const callerOf = (key: string, role: Role): Caller => ({ subject: key, role, agencyId: demoAgencyId(BUREAU), officerId: demoOfficerId(key) });

interface Env {
  svc: CaseService;
  /** The review workflow on the seed's clock (submission by a handler, opinion by the assigned reviewer). */
  reviews: ReviewService;
  reviewsRepo: ReturnType<typeof createReviewsRepo>;
  reload(id: string): Promise<CaseRow>;
  publications: PublicationService;
  reviewer: Caller;
  /** Move the seed clock (never past SEED_CASES_TODAY). */
  at(date: string): void;
  principal: Caller;
}

class CaseWalk {
  private avSeq = 0;
  private docSeq = 0;
  private lastProposal: ProposalRow | null = null;
  constructor(
    private readonly env: Env,
    readonly key: string,
    private readonly officer: Caller,
    private readonly officerIds: string[],
    public c: CaseRow,
  ) {}

  static async file(
    env: Env,
    key: string,
    officerKeys: [string, string],
    a: Omit<FileCaseArgs, 'agencyId' | 'officerIds' | 'idempotencyKey' | 'filedOn'> & { filedOn: string },
  ): Promise<CaseWalk> {
    env.at(a.filedOn);
    const officer = callerOf(officerKeys[0], 'OFFICER');
    const officerIds = officerKeys.map(demoOfficerId);
    const c = await env.svc.fileCase(officer, { ...a, agencyId: demoAgencyId(BUREAU), officerIds, idempotencyKey: `seed:${key}` });
    return new CaseWalk(env, key, officer, officerIds, c);
  }

  get id() {
    return this.c.id;
  }

  async credentialShown(on: string, location: string) {
    this.env.at(on);
    this.c = await this.env.svc.recordEvent(this.officer, { caseId: this.id, kind: 'CREDENTIAL_SHOWN', occurredOn: on, officerIds: this.officerIds, location });
  }

  /** A document number in the case's series (文书编号), e.g. 米城管罚〔2026〕3号-告知1. */
  docNumber(documentType: string): string {
    this.docSeq++;
    return `${this.c.caseNumber}-${DOC_CODE[documentType] ?? '文书'}${this.docSeq}`;
  }

  async event(on: string, kind: 'HEARING_REQUESTED' | 'HEARING_WAIVED' | 'HEARING_HELD', note: string | null = null, location: string | null = null) {
    this.env.at(on);
    this.c = await this.env.svc.recordEvent(this.officer, {
      caseId: this.id,
      kind,
      occurredOn: on,
      note,
      location,
      officerIds: kind === 'HEARING_HELD' ? this.officerIds : null,
    });
  }

  /** R4: the rights notice, bound to the latest proposal (a numbered document for the general procedure). */
  async notify(on: string, content: string, note: string | null = null, location: string | null = null) {
    this.env.at(on);
    this.c = await this.env.svc.recordEvent(this.officer, {
      caseId: this.id,
      kind: 'RIGHTS_NOTIFIED',
      occurredOn: on,
      note,
      location,
      rightsNotice: {
        proposalId: this.lastProposal!.id,
        documentNumber: this.c.procedure === 'GENERAL' ? this.docNumber('RIGHTS_NOTICE') : null,
        content,
      },
    });
  }

  async text(
    on: string,
    stage: string,
    documentType: string,
    title: string,
    content: string,
    opts: { onSite?: boolean; activity?: string; confidentiality?: Confidentiality } = {},
  ) {
    this.env.at(on);
    await this.env.svc.recordText(this.officer, {
      caseId: this.id,
      stage,
      documentType,
      title,
      content,
      documentNumber: FORMAL_DOCUMENTS.includes(documentType) ? this.docNumber(documentType) : null,
      occurredOn: on,
      officerIds: opts.onSite ? this.officerIds : null,
      activity: opts.activity ?? null,
      confidentiality: opts.confidentiality ?? null,
    });
  }

  /** An audio-video record (metadata + SHA-256; the media itself lives in file storage). Times are Beijing time. */
  async av(on: string, time: string, minutes: number, stage: string, activity: string, location: string) {
    this.env.at(on);
    this.avSeq++;
    const startedAt = new Date(`${on}T${time}:00+08:00`);
    const durationSeconds = minutes * 60;
    await this.env.svc.registerAv(this.officer, {
      caseId: this.id,
      stage,
      activity,
      sha256: createHash('sha256').update(`sanxiang-demo:${this.key}:${activity}:${this.avSeq}`).digest('hex'),
      sizeBytes: durationSeconds * 1_572_864, // ≈ 12 Mbit/s body-worn camera video
      durationSeconds,
      device: `执法记录仪 DSJ-65010901-${String(this.avSeq).padStart(3, '0')}`,
      officerIds: this.officerIds,
      startedAt,
      endedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
      location,
      storageUri: `file://av/${on.replaceAll('-', '/')}/${this.key}-${this.avSeq}.mp4`,
    });
  }

  async startInvestigation(on: string) {
    this.env.at(on);
    this.c = await this.env.svc.startInvestigation(this.officer, this.id, this.c.version);
  }

  async propose(on: string, a: Omit<ProposalArgs, 'caseId' | 'idempotencyKey'>): Promise<ProposalRow> {
    this.env.at(on);
    this.lastProposal = await this.env.svc.proposeDecision(this.officer, { ...a, caseId: this.id });
    return this.lastProposal;
  }

  /** R5: a handler submits the latest proposal for legal review to a qualified reviewer who is not a handler. */
  async submitForReview(on: string, reviewerKey: string): Promise<string> {
    this.env.at(on);
    const reviewerId = demoOfficerId(reviewerKey);
    if (this.officerIds.includes(reviewerId)) throw new Error(`${reviewerKey} handles ${this.key}: not a reviewer for it`);
    const review = await this.env.reviews.submit(this.officer, {
      caseId: this.id,
      proposalId: this.lastProposal!.id,
      materials: ['立案审批表', '现场检查笔录', '询问笔录', '现场音像记录', '行政处罚告知书', '陈述申辩笔录', '放弃听证声明', '决定建议'],
      handlerStatement: '承办机构对送审材料的真实性、准确性、完整性，以及执法的事实、证据、法律适用、程序的合法性负责。',
      reviewerId,
    });
    this.c = await this.env.reload(this.id);
    return review.id;
  }

  /** The assigned reviewer's written opinion: every point checked, APPROVED (no automatic finding may be an issue). */
  async approveReview(on: string, reviewId: string, reviewerKey: string, opinion: string) {
    this.env.at(on);
    const [review] = await this.env.reviewsRepo.reviewsByIds([reviewId]);
    const round = (await this.env.reviewsRepo.roundsByReviewIds([reviewId])).filter((r) => r.reviewId === reviewId).at(-1)!;
    const issues = round.automaticFindings.filter((f) => f.result === 'ISSUE');
    if (issues.length)
      throw new Error(`demo review of ${this.key} has automatic issues: ${issues.map((f) => `${f.point} ${f.evidence.join('；')}`).join(' | ')}`);
    await this.env.reviews.recordOpinion(callerOf(reviewerKey, 'REVIEWER'), reviewId, {
      version: review!.version,
      findings: REVIEW_POINTS.map((point) => ({ point, result: 'PASS' as const })),
      conclusion: 'APPROVED',
      opinion,
    });
    this.c = await this.env.reload(this.id);
  }

  async decide(on: string, proposal: ProposalRow, partyPresent: boolean) {
    this.env.at(on);
    this.c = await this.env.svc.decideCase(this.env.principal, {
      caseId: this.id,
      proposalId: proposal.id,
      version: this.c.version,
      decidedOn: on,
      partyPresent,
    });
    // Legal staff publish the decision the same day where it is to be published (R12).
    const publication = (await this.env.svc.publicationOf(this.id)) ?? null;
    if (publication?.status === 'PENDING') await this.env.publications.publish(this.env.reviewer, { id: publication.id, version: publication.version, on });
  }

  async serve(on: string, method: 'DIRECT' | 'LODGED' | 'POSTAL') {
    this.env.at(on);
    // 公示规定 Art. 8: a decision to be published is served with the written notice that it will be.
    const publication = await this.env.svc.publicationOf(this.id);
    const toBePublished = publication?.status === 'PENDING' || publication?.status === 'PUBLISHED';
    this.c = await this.env.svc.serve(this.officer, {
      caseId: this.id,
      version: this.c.version,
      method,
      servedOn: on,
      officerIds: this.officerIds,
      publicationNoticeNumber: toBePublished ? this.docNumber('PUBLICATION_NOTICE') : null,
    });
  }

  /** A fine paid at the bank (罚缴分离, Art. 67), with its receipt. */
  async pay(on: string, amount: string) {
    this.env.at(on);
    this.c = await this.env.svc.recordFinePayment(this.officer, {
      caseId: this.id,
      amount,
      paidOn: on,
      receiptNumber: `6501${on.replaceAll('-', '')}${String(this.c.caseSeq).padStart(4, '0')}`,
    });
  }

  async execute(on: string, note: string) {
    this.env.at(on);
    this.c = await this.env.svc.execute(this.officer, { caseId: this.id, version: this.c.version, on, note });
  }

  async close(on: string, note: string) {
    this.env.at(on);
    this.c = await this.env.svc.close(this.officer, { caseId: this.id, version: this.c.version, on, note });
  }

  async archive(on: string) {
    this.env.at(on);
    this.c = await this.env.svc.archive(this.officer, { caseId: this.id, version: this.c.version, on });
  }
}

// ---------------------------------------------------------------------------------------------------
// A SIMPLE-procedure fine for a spilled load (当场处罚, Art. 51: an organisation, ≤ 3,000 yuan; the
// MINOR tier of 650109-CF-0003 is 2,000–5,000 yuan)
// ---------------------------------------------------------------------------------------------------

interface SpillStory {
  key: string;
  party: Party;
  on: string;
  time: string;
  road: string;
  area: number;
  fine: string;
  officers: [string, string];
}

async function simpleSpill(env: Env, s: SpillStory): Promise<{ walk: CaseWalk; proposal: ProposalRow }> {
  const place = `${AREA_NOTE}${s.road}`;
  const walk = await CaseWalk.file(env, s.key, s.officers, {
    caseType: 'PENALTY',
    procedure: 'SIMPLE',
    powerItemCode: ITEM.spilledLoad,
    party: s.party,
    source: { kind: 'INSPECTION', reference: null },
    factsSummary:
      `${s.on.slice(0, 4)}年${Number(s.on.slice(5, 7))}月${Number(s.on.slice(8, 10))}日${s.time.replace(':', '时')}分，执法人员在${place}巡查时发现，` +
      `当事人所属重型自卸货车运输渣土未采取密闭措施，车厢苫盖不严，沿途遗撒渣土，污染路面约${s.area}平方米；驾驶员当场组织清扫，路面已恢复整洁。` +
      '违法事实确凿，当事人为初次违法，依法适用简易程序当场处罚。',
    filedOn: s.on,
  });
  await walk.credentialShown(s.on, place);
  await walk.av(s.on, s.time, 12, 'INITIATION', 'ON_SITE_INSPECTION', place);
  const proposal = await walk.propose(s.on, {
    outcome: 'PENALTY',
    penaltyTypes: ['FINE'],
    fineAmount: s.fine,
    discretionTier: 'MINOR',
    legalBasis: BASIS.spilledLoad,
    reasoning: `遗撒量小（污染路面${s.area}平方米，10平方米以下），当场清理，属裁量基准“轻微”情节，依法处罚款${s.fine}元。`,
  });
  await walk.notify(
    s.on,
    `当场告知当事人（驾驶员代为）拟处罚款${s.fine}元及事实、理由、依据，当事人享有陈述、申辩的权利。当事人表示无陈述、申辩意见。`,
    '当场口头告知，记入当场处罚决定书',
    place,
  );
  return { walk, proposal };
}

async function decideSpillOnSpot(walk: CaseWalk, proposal: ProposalRow, s: SpillStory) {
  await walk.decide(s.on, proposal, true);
  await walk.text(
    s.on,
    'DECISION',
    'DECISION',
    '当场行政处罚决定书',
    `当事人${s.party.name}运输渣土车辆未采取密闭措施遗撒物料，违反《${DQF}》第一百一十六条，决定处罚款人民币${s.fine}元。` +
      '当事人应自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳罚款。如不服本决定，可自收到本决定书之日起六十日内向乌鲁木齐市米东区人民政府申请行政复议，或者六个月内向人民法院提起行政诉讼。',
  );
  await walk.serve(s.on, 'DIRECT');
  await walk.text(s.on, 'SERVICE', 'SERVICE_RECEIPT', '送达回证', '当场交付行政处罚决定书，由当事人委托的驾驶员签收。', { onSite: true });
}

async function payFine(walk: CaseWalk, on: string, fine: string) {
  await walk.pay(on, fine);
  await walk.execute(on, `当事人已缴纳罚款${fine}元`);
  await walk.text(on, 'EXECUTION', 'EXECUTION_RECORD', '罚没款缴纳凭证', `当事人于${on}通过指定银行缴纳罚款人民币${fine}元，缴款凭证已附卷。`);
}

/** The closing report asks to close: it is written before the case is closed (records after closing are supplements, R18). */
async function closeAndReport(walk: CaseWalk, on: string, summary: string) {
  await walk.text(on, 'ARCHIVING', 'CLOSING_REPORT', '结案报告', `${summary}处罚决定已执行完毕，全过程记录齐全，建议结案归档。`);
  await walk.close(on, '处罚决定已执行完毕');
}

// ---------------------------------------------------------------------------------------------------
// The demo cases, in filing order (which gives their case numbers)
// ---------------------------------------------------------------------------------------------------

type Scenario = (env: Env) => Promise<CaseWalk>;

const SCENARIOS: { key: string; state: CaseState; run: Scenario }[] = [
  {
    // GENERAL, INVESTIGATING, past the 90-day limit of Art. 60 (filed 2026-08-10, due 2026-11-08): flagged by R10.
    key: 'dust-dingyuan',
    state: 'INVESTIGATING',
    run: async (env) => {
      const site = `${AREA_NOTE}米东南路北侧新疆鼎元建设工程有限公司某住宅项目施工工地`;
      const w = await CaseWalk.file(env, 'dust-dingyuan', ['officer-chen', 'officer-sun'], {
        caseType: 'PENALTY',
        procedure: 'GENERAL',
        powerItemCode: ITEM.constructionDust,
        party: PARTIES.dingyuan,
        source: { kind: 'COMPLAINT', reference: '12345-20260808-0317' },
        factsSummary:
          '群众通过12345热线反映米东南路某住宅项目施工扬尘严重。经现场检查，当事人施工工地东侧约60米硬质围挡缺失，裸露土方约1500平方米未采用密闭式防尘网遮盖，' +
          '出入口车辆冲洗设施未正常使用，涉嫌违反《中华人民共和国大气污染防治法》第一百一十五条第一款的规定。',
        filedOn: '2026-08-10',
      });
      await w.credentialShown('2026-08-10', site);
      await w.text(
        '2026-08-10',
        'INITIATION',
        'FILING_APPROVAL',
        '立案审批表',
        '经初步核查，当事人涉嫌施工工地未采取有效防尘降尘措施，符合立案条件，同意立案。承办人：陈晓东、孙志强。',
      );
      await w.startInvestigation('2026-08-11');
      await w.av('2026-08-11', '10:30', 25, 'INVESTIGATION', 'ON_SITE_INSPECTION', site);
      await w.text(
        '2026-08-11',
        'INVESTIGATION',
        'ON_SITE_INSPECTION_RECORD',
        '现场检查（勘验）笔录',
        '执法人员出示执法证件后进行检查：工地东侧围挡缺失约60米；场内裸露土方约1500平方米未覆盖；出入口冲洗设备断电未使用，驶出车辆带泥上路。现场拍摄照片12张，全程执法记录仪录像。',
        { onSite: true, activity: 'ON_SITE_INSPECTION' },
      );
      await w.av('2026-08-14', '11:00', 40, 'INVESTIGATION', 'EVIDENCE_COLLECTION', '米东区城市管理局询问室');
      await w.text(
        '2026-08-14',
        'INVESTIGATION',
        'INQUIRY_RECORD',
        '询问笔录（项目负责人）',
        '当事人项目负责人承认东侧围挡因管线施工临时拆除未及时恢复，冲洗设备因电路故障停用；对裸土面积提出异议，称实际未覆盖面积不足500平方米。',
        { onSite: true, activity: 'EVIDENCE_COLLECTION' },
      );
      await w.text(
        '2026-08-20',
        'INVESTIGATION',
        'EVIDENCE',
        '施工组织设计及扬尘防治专项方案（当事人提交）',
        '当事人提交的施工组织设计、扬尘防治专项方案及分包合同，载有工程造价和分包价格等经营信息。',
        { confidentiality: 'COMMERCIAL_SECRET' },
      );
      await w.text(
        '2026-09-02',
        'INVESTIGATION',
        'OTHER',
        '委托测绘函',
        '因当事人对裸土面积有异议，委托第三方测绘机构依据8月11日无人机航拍影像复核未覆盖面积，复核结论尚未出具。',
      );
      return w;
    },
  },
  {
    // SIMPLE, ARCHIVED: on-the-spot fine, paid, closed and archived with a complete record.
    key: 'spill-hengdashun',
    state: 'ARCHIVED',
    run: async (env) => {
      const s: SpillStory = {
        key: 'spill-hengdashun',
        party: PARTIES.hengdashun,
        on: '2026-09-15',
        time: '10:20',
        road: '米东北路与振兴街交叉口',
        area: 8,
        fine: '2500',
        officers: ['officer-abdurahman', 'officer-gulimila'],
      };
      const { walk, proposal } = await simpleSpill(env, s);
      await decideSpillOnSpot(walk, proposal, s);
      await payFine(walk, '2026-09-21', s.fine);
      await closeAndReport(walk, '2026-09-22', '当事人运输渣土遗撒一案，适用简易程序当场处罚款2500元。');
      await walk.archive('2026-09-24');
      return walk;
    },
  },
  {
    // SIMPLE, ARCHIVED: a person dumping renovation debris; the party refused to sign, so the decision was
    // lodged at the residence before a witness (留置送达, on the AV recording list) and paid later.
    key: 'waste-erkin',
    state: 'ARCHIVED',
    run: async (env) => {
      const on = '2026-09-29';
      const place = `${AREA_NOTE}卡子湾街道某小区东侧绿化带旁`;
      const w = await CaseWalk.file(env, 'waste-erkin', ['officer-sun', 'officer-gulimila'], {
        caseType: 'PENALTY',
        procedure: 'SIMPLE',
        powerItemCode: ITEM.wasteDumpingPerson,
        party: PARTIES.erkin,
        source: { kind: 'COMPLAINT', reference: '12345-20260929-0052' },
        factsSummary:
          '2026年9月29日9时40分，执法人员接群众举报到场，查实当事人将自家装修产生的建筑垃圾（碎砖、废砂浆约1.5立方米）随意倾倒于小区东侧绿化带旁，' +
          '违反《城市建筑垃圾管理规定》第二十六条。当事人经责令已当场清运，违法事实确凿，依法适用简易程序当场处罚。',
        filedOn: on,
      });
      await w.credentialShown(on, place);
      await w.av(on, '09:40', 18, 'INITIATION', 'ON_SITE_INSPECTION', place);
      const proposal = await w.propose(on, {
        outcome: 'PENALTY',
        penaltyTypes: ['WARNING', 'FINE'],
        fineAmount: '200',
        discretionTier: 'SERIOUS',
        legalBasis: BASIS.wasteDumping,
        reasoning: '个人将建筑垃圾倾倒于绿化带旁，属裁量基准“较重”情节，依《城市建筑垃圾管理规定》第二十六条给予警告，并处罚款200元。',
      });
      await w.notify(on, '当场告知拟给予警告并处罚款200元及事实、理由、依据，当事人享有陈述、申辩的权利；当事人未提出陈述、申辩。', null, place);
      await w.decide(on, proposal, true);
      await w.text(
        on,
        'DECISION',
        'DECISION',
        '当场行政处罚决定书',
        '当事人随意倾倒建筑垃圾，违反《城市建筑垃圾管理规定》第二十六条，决定给予警告，并处罚款人民币200元。当事人拒绝签收，已在决定书上注明（行政处罚法第五十二条）。',
      );
      await w.av(on, '10:15', 9, 'SERVICE', 'LODGED_SERVICE', PARTIES.erkin.address);
      await w.serve(on, 'LODGED');
      await w.text(
        on,
        'SERVICE',
        'SERVICE_RECEIPT',
        '送达回证（留置送达）',
        '受送达人拒绝签收，执法人员邀请社区工作人员到场见证，将决定书留置于受送达人住所，全程音像记录。',
        {
          onSite: true,
          activity: 'LODGED_SERVICE',
        },
      );
      await payFine(w, '2026-10-09', '200');
      await closeAndReport(w, '2026-10-12', '当事人随意倾倒建筑垃圾一案，适用简易程序当场给予警告并处罚款200元。');
      await w.archive('2026-10-13');
      return w;
    },
  },
  {
    // GENERAL, HEARING: a large fine for an individual business (hearing right, Art. 63); the hearing was held
    // and a new proposal made after it; next comes legal review (reviews subgraph, issue 4).
    key: 'fumes-abla',
    state: 'HEARING',
    run: async (env) => {
      const shop = `${PARTIES.ablaKebab.address}米东区阿布拉烤肉店`;
      const w = await CaseWalk.file(env, 'fumes-abla', ['officer-abdurahman', 'officer-sun'], {
        caseType: 'PENALTY',
        procedure: 'GENERAL',
        powerItemCode: ITEM.fumes,
        party: PARTIES.ablaKebab,
        source: { kind: 'COMPLAINT', reference: '12345-20261016-0211' },
        factsSummary:
          '楼上居民多次反映烤肉店油烟直排。经查，当事人经营烤肉、炒菜，未安装油烟净化设施，油烟经排气扇直排至居民楼后巷；经监测，油烟排放浓度超过《饮食业油烟排放标准》规定限值，' +
          '涉嫌违反《中华人民共和国大气污染防治法》第八十一条第一款的规定。',
        filedOn: '2026-10-19',
      });
      await w.credentialShown('2026-10-19', shop);
      await w.text(
        '2026-10-19',
        'INITIATION',
        'FILING_APPROVAL',
        '立案审批表',
        '经核查，当事人涉嫌超标排放油烟，符合立案条件，同意立案。承办人：阿不都热合曼·买买提、孙志强。',
      );
      await w.startInvestigation('2026-10-20');
      await w.av('2026-10-20', '12:30', 20, 'INVESTIGATION', 'ON_SITE_INSPECTION', shop);
      await w.text(
        '2026-10-20',
        'INVESTIGATION',
        'ON_SITE_INSPECTION_RECORD',
        '现场检查（勘验）笔录',
        '经营场所后厨设灶头3个，未安装油烟净化设施，排气扇直排后巷；当事人在场，认可现场情况。',
        { onSite: true, activity: 'ON_SITE_INSPECTION' },
      );
      await w.text(
        '2026-10-23',
        'INVESTIGATION',
        'EVIDENCE',
        '油烟排放监测报告',
        '经有资质的检测机构采样监测，油烟排放浓度为3.6 mg/m³，超过2.0 mg/m³的排放限值。',
      );
      await w.propose('2026-10-27', {
        outcome: 'PENALTY',
        penaltyTypes: ['FINE'],
        fineAmount: '20000',
        discretionTier: 'ORDINARY',
        legalBasis: BASIS.fumes,
        reasoning: '未安装油烟净化设施，超标排放油烟，引起居民投诉，属裁量基准“一般”情节，拟处罚款20000元。',
      });
      await w.notify(
        '2026-10-28',
        '拟对当事人处罚款人民币20000元。当事人享有陈述、申辩的权利，并有权在收到本告知书之日起五个工作日内要求举行听证（行政处罚法第六十三条、第六十四条）。',
        '直接送达行政处罚告知书',
        shop,
      );
      await w.event('2026-10-30', 'HEARING_REQUESTED', '当事人书面提出听证申请');
      await w.text('2026-10-30', 'INVESTIGATION', 'OTHER', '听证申请书', '当事人认为罚款数额过高，要求举行听证。');
      await w.text('2026-11-02', 'INVESTIGATION', 'OTHER', '听证通知书', '定于2026年11月10日10时在米东区城市管理局听证室举行听证，由非本案调查人员主持。');
      await w.event('2026-11-10', 'HEARING_HELD', '听证公开举行，当事人本人到场', '米东区城市管理局听证室');
      await w.av('2026-11-10', '10:00', 75, 'INVESTIGATION', 'HEARING', '米东区城市管理局听证室');
      await w.text(
        '2026-11-10',
        'INVESTIGATION',
        'HEARING_RECORD',
        '听证笔录',
        '调查人员陈述违法事实、证据和处罚建议；当事人对违法事实无异议，称已于11月5日安装油烟净化设施并提交购置凭证，请求从轻处罚。笔录经当事人核对签字。',
        { activity: 'HEARING' },
      );
      await w.propose('2026-11-12', {
        outcome: 'PENALTY',
        penaltyTypes: ['FINE'],
        fineAmount: '15000',
        discretionTier: 'ORDINARY',
        legalBasis: BASIS.fumes,
        reasoning: '听证后查明当事人已安装油烟净化设施并及时改正，在“一般”情节幅度内从轻，拟处罚款15000元。',
      });
      return w;
    },
  },
  {
    // SIMPLE, CLOSED: fine paid, closing report written; archiving awaits the quarterly file review.
    key: 'spill-tongqu',
    state: 'CLOSED',
    run: async (env) => {
      const s: SpillStory = {
        key: 'spill-tongqu',
        party: PARTIES.tongqu,
        on: '2026-10-22',
        time: '15:05',
        road: '米东大道',
        area: 6,
        fine: '3000',
        officers: ['officer-gulimila', 'officer-chen'],
      };
      const { walk, proposal } = await simpleSpill(env, s);
      await decideSpillOnSpot(walk, proposal, s);
      await payFine(walk, '2026-10-26', s.fine);
      await closeAndReport(walk, '2026-10-27', '当事人运输物料遗撒一案，适用简易程序当场处罚款3000元。');
      return walk;
    },
  },
  {
    // GENERAL, NOTIFIED: open-air barbecue; proposal (confiscation + fine) needs legal review (POLICY, SH-0001),
    // rights notice served, statement heard; next comes legal review (issue 4).
    key: 'barbecue-wang',
    state: 'NOTIFIED',
    run: async (env) => {
      const place = `${AREA_NOTE}振兴街夜市北侧人行道（禁止露天烧烤区域）`;
      const w = await CaseWalk.file(env, 'barbecue-wang', ['officer-sun', 'officer-abdurahman'], {
        caseType: 'PENALTY',
        procedure: 'GENERAL',
        powerItemCode: ITEM.barbecue,
        party: PARTIES.wangZhigang,
        source: { kind: 'INSPECTION', reference: null },
        factsSummary:
          '2026年11月2日21时30分，执法人员夜间巡查发现当事人在区人民政府划定的禁止露天烧烤区域内使用烧烤炉具1套露天烧烤食品并对外销售，' +
          '涉嫌违反《中华人民共和国大气污染防治法》第八十一条第三款的规定。经责令，当事人当场停止烧烤。',
        filedOn: '2026-11-02',
      });
      await w.credentialShown('2026-11-02', place);
      await w.av('2026-11-02', '21:30', 15, 'INITIATION', 'ON_SITE_INSPECTION', place);
      await w.text(
        '2026-11-02',
        'INITIATION',
        'FILING_APPROVAL',
        '立案审批表',
        '当事人涉嫌在禁止区域露天烧烤食品，符合立案条件，同意立案。承办人：孙志强、阿不都热合曼·买买提。',
      );
      await w.startInvestigation('2026-11-03');
      await w.av('2026-11-04', '10:00', 30, 'INVESTIGATION', 'EVIDENCE_COLLECTION', '米东区城市管理局询问室');
      await w.text(
        '2026-11-04',
        'INVESTIGATION',
        'INQUIRY_RECORD',
        '询问笔录',
        '当事人承认11月2日晚在夜市北侧人行道露天烧烤销售，自述经营约一周，日营业额约300元，家庭生活困难。',
        { onSite: true, activity: 'EVIDENCE_COLLECTION', confidentiality: 'PERSONAL_PRIVACY' },
      );
      await w.text('2026-11-04', 'INVESTIGATION', 'EVIDENCE', '现场照片及先行登记保存物品清单', '烧烤炉具1套、木炭约5千克，经负责人批准先行登记保存。');
      await w.propose('2026-11-10', {
        outcome: 'PENALTY',
        penaltyTypes: ['CONFISCATE_ILLEGAL_PROPERTY', 'FINE'],
        fineAmount: '1000',
        discretionTier: 'MINOR',
        legalBasis: BASIS.barbecue,
        reasoning: '烧烤规模小（炉具1套），经责令立即改正，属裁量基准“轻微”情节；依法没收烧烤工具，并处罚款1000元。',
      });
      await w.notify(
        '2026-11-16',
        '拟没收烧烤炉具1套，并处罚款人民币1000元。当事人享有陈述、申辩的权利，可在收到本告知书之日起五个工作日内提出。',
        '直接送达行政处罚告知书',
      );
      await w.text('2026-11-18', 'INVESTIGATION', 'STATEMENT_DEFENCE_RECORD', '陈述申辩笔录', '当事人对违法事实无异议，称系初次经营，已知错，请求从轻处罚。', {
        confidentiality: 'PERSONAL_PRIVACY',
      });
      return w;
    },
  },
  {
    // SIMPLE, EXECUTED: a person dumping debris, warning and fine, paid.
    key: 'waste-ma',
    state: 'EXECUTED',
    run: async (env) => {
      const on = '2026-11-05';
      const place = `${AREA_NOTE}古牧地东路街道某小区西门外道路旁`;
      const w = await CaseWalk.file(env, 'waste-ma', ['officer-gulimila', 'officer-abdurahman'], {
        caseType: 'PENALTY',
        procedure: 'SIMPLE',
        powerItemCode: ITEM.wasteDumpingPerson,
        party: PARTIES.maWenbin,
        source: { kind: 'INSPECTION', reference: null },
        factsSummary:
          '2026年11月5日16时10分，执法人员巡查发现当事人驾驶三轮车将装修废弃物（碎瓷砖、石膏板约1立方米）倾倒于小区西门外道路旁，' +
          '违反《城市建筑垃圾管理规定》第二十六条。经责令，当事人当场清运，违法事实确凿，依法适用简易程序当场处罚。',
        filedOn: on,
      });
      await w.credentialShown(on, place);
      await w.av(on, '16:10', 14, 'INITIATION', 'ON_SITE_INSPECTION', place);
      const proposal = await w.propose(on, {
        outcome: 'PENALTY',
        penaltyTypes: ['WARNING', 'FINE'],
        fineAmount: '150',
        discretionTier: 'ORDINARY',
        legalBasis: BASIS.wasteDumping,
        reasoning: '个人随意倾倒建筑垃圾约1立方米，经责令当场清运，属裁量基准“一般”情节，依《城市建筑垃圾管理规定》第二十六条给予警告，并处罚款150元。',
      });
      await w.notify(on, '当场告知拟给予警告并处罚款150元及事实、理由、依据，当事人享有陈述、申辩的权利；当事人未提出陈述、申辩。', null, place);
      await w.decide(on, proposal, true);
      await w.text(on, 'DECISION', 'DECISION', '当场行政处罚决定书', '决定给予当事人警告，并处罚款人民币150元，于十五日内缴纳。');
      await w.serve(on, 'DIRECT');
      await w.text(on, 'SERVICE', 'SERVICE_RECEIPT', '送达回证', '当场交付当场行政处罚决定书，当事人本人签收。', { onSite: true });
      await payFine(w, '2026-11-09', '150');
      return w;
    },
  },
  {
    // SIMPLE, SERVED: the fine is due within 15 days of service (Art. 67).
    key: 'spill-longsheng',
    state: 'SERVED',
    run: async (env) => {
      const s: SpillStory = {
        key: 'spill-longsheng',
        party: PARTIES.longsheng,
        on: '2026-11-17',
        time: '09:50',
        road: '稽宝路',
        area: 5,
        fine: '2000',
        officers: ['officer-chen', 'officer-gulimila'],
      };
      const { walk, proposal } = await simpleSpill(env, s);
      await decideSpillOnSpot(walk, proposal, s);
      return walk;
    },
  },
  {
    // GENERAL, FILED: a complaint about restaurant fumes, just filed after a first on-site check.
    key: 'fumes-hongfuyuan',
    state: 'FILED',
    run: async (env) => {
      const place = `${PARTIES.hongfuyuan.address}鸿福源酒楼`;
      const w = await CaseWalk.file(env, 'fumes-hongfuyuan', ['officer-abdurahman', 'officer-chen'], {
        caseType: 'PENALTY',
        procedure: 'GENERAL',
        powerItemCode: ITEM.fumes,
        party: PARTIES.hongfuyuan,
        source: { kind: 'COMPLAINT', reference: '12345-20261117-0458' },
        factsSummary:
          '群众反映鸿福源酒楼油烟扰民。初步检查发现，当事人油烟净化设施运行指示灯未亮，排放口可见明显油烟，涉嫌不正常使用油烟净化设施超标排放油烟。',
        filedOn: '2026-11-18',
      });
      await w.credentialShown('2026-11-18', place);
      await w.av('2026-11-18', '12:40', 16, 'INITIATION', 'ON_SITE_INSPECTION', place);
      await w.text(
        '2026-11-18',
        'INITIATION',
        'FILING_APPROVAL',
        '立案审批表',
        '经初步核查，当事人涉嫌超标排放油烟，符合立案条件，同意立案。承办人：阿不都热合曼·买买提、陈晓东。',
      );
      return w;
    },
  },
  {
    // SIMPLE, DECIDED: decided on the seed's "today"; the company's representative was absent, so the decision is
    // to be served within 7 working days (R11).
    key: 'spill-tianshan',
    state: 'DECIDED',
    run: async (env) => {
      const s: SpillStory = {
        key: 'spill-tianshan',
        party: PARTIES.tianshanSand,
        on: SEED_CASES_TODAY,
        time: '11:15',
        road: '东工业园区纬一路',
        area: 7,
        fine: '2200',
        officers: ['officer-sun', 'officer-chen'],
      };
      const { walk, proposal } = await simpleSpill(env, s);
      await walk.decide(s.on, proposal, false);
      await walk.text(
        s.on,
        'DECISION',
        'DECISION',
        '当场行政处罚决定书',
        `当事人运输砂石车辆未采取密闭措施遗撒物料，违反《${DQF}》第一百一十六条，决定处罚款人民币${s.fine}元。驾驶员非当事人授权代表，决定书依法另行送达。`,
      );
      return walk;
    },
  },
  {
    // GENERAL, NOTIFIED: a restaurant's fumes, notified and inside its statement period. (The demo review,
    // subgraphs/reviews/seed.ts, submits 'barbecue-wang'; this one keeps a case in NOTIFIED.)
    key: 'fumes-hongfuyuan-2',
    state: 'NOTIFIED',
    run: async (env) => {
      const place = `${AREA_NOTE}北京北路宏福苑小区底商`;
      const w = await CaseWalk.file(env, 'fumes-hongfuyuan-2', ['officer-gulimila', 'officer-sun'], {
        caseType: 'PENALTY',
        procedure: 'GENERAL',
        powerItemCode: ITEM.fumes,
        party: PARTIES.hongfuyuan,
        source: { kind: 'COMPLAINT', reference: '12345-20261109-0217' },
        factsSummary: '居民投诉当事人餐厅油烟扰民。经现场检查，油烟净化设施未开启运行，排放油烟明显。',
        filedOn: '2026-11-10',
      });
      await w.credentialShown('2026-11-10', place);
      await w.av('2026-11-10', '12:10', 12, 'INITIATION', 'ON_SITE_INSPECTION', place);
      await w.text('2026-11-10', 'INITIATION', 'FILING_APPROVAL', '立案审批表', '当事人涉嫌未正常使用油烟净化设施排放油烟，符合立案条件，同意立案。');
      await w.startInvestigation('2026-11-11');
      await w.text('2026-11-11', 'INVESTIGATION', 'INQUIRY_RECORD', '询问笔录', '当事人负责人承认为节约电费未开启油烟净化设施。', { onSite: true });
      await w.propose('2026-11-12', {
        outcome: 'PENALTY',
        penaltyTypes: ['FINE'],
        fineAmount: '6000',
        discretionTier: 'MINOR',
        legalBasis: BASIS.fumes,
        reasoning: '初次违法且已当场改正，属裁量基准“轻微”情节，处罚款6000元。',
      });
      await w.notify('2026-11-17', '拟处罚款人民币6000元。当事人享有陈述、申辩的权利，可在收到本告知书之日起五个工作日内提出。', '直接送达行政处罚告知书');
      return w;
    },
  },
];

// Two decisions that are not penalties, so their publication texts can be read on the demo data: a licence
// granted (its own number series, published as a grant, not as a violation) and an impoundment (30-day limit).
SCENARIOS.push(
  {
    // LICENSING, CLOSED: a construction company's application to stack materials beside the road, granted.
    key: 'licence-dingyuan',
    state: 'CLOSED',
    run: async (env) => {
      const site = `${AREA_NOTE}米东南路北侧人行道（鼎元项目东侧）`;
      const w = await CaseWalk.file(env, 'licence-dingyuan', ['officer-sun', 'officer-gulimila'], {
        caseType: 'LICENSING',
        procedure: 'GENERAL',
        powerItemCode: ITEM.stackingLicence,
        party: PARTIES.dingyuan,
        source: { kind: 'OTHER', reference: '政务服务中心受理号 650109-XK-20261102-007' },
        factsSummary: '申请人因管线改造施工，申请在米东南路北侧人行道临时堆放管材、砂石，面积约120平方米，期限30日，并承诺期满恢复原状。',
        filedOn: '2026-11-02',
      });
      await w.text(
        '2026-11-02',
        'INITIATION',
        'FILING_APPROVAL',
        '行政许可申请受理通知书',
        '申请材料齐全、符合法定形式，予以受理（行政许可法第三十二条第一款第（五）项）。承办人：孙志强、古丽米拉·艾山。',
      );
      await w.credentialShown('2026-11-04', site);
      await w.startInvestigation('2026-11-04');
      await w.text(
        '2026-11-04',
        'INVESTIGATION',
        'ON_SITE_INSPECTION_RECORD',
        '现场核查笔录',
        '两名工作人员现场核查：拟占用位置为人行道北侧，宽3米、长40米，不占用盲道和消防通道，设置围挡后不影响行人通行，符合市容环境卫生要求（行政许可法第三十四条第三款）。',
        { onSite: true, activity: 'ON_SITE_INSPECTION' },
      );
      await w.av('2026-11-04', '11:00', 10, 'INVESTIGATION', 'ON_SITE_INSPECTION', site);
      const proposal = await w.propose('2026-11-05', {
        outcome: 'LICENCE_GRANTED',
        legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第十四条' }],
        reasoning: '申请人因建设需要临时堆放物料，占用位置、面积和期限合理，符合市容环境卫生要求，准予在指定位置临时堆放30日。',
      });
      await w.decide('2026-11-06', proposal, false);
      await w.text(
        '2026-11-06',
        'DECISION',
        'DECISION',
        '准予行政许可决定书',
        '准予申请人自2026年11月9日至12月8日在米东南路北侧人行道指定位置临时堆放管材、砂石约120平方米，须设置围挡并保持整洁，期满恢复原状。',
      );
      await w.serve('2026-11-09', 'DIRECT');
      await w.text('2026-11-09', 'SERVICE', 'SERVICE_RECEIPT', '送达回证', '准予行政许可决定书由申请人委托代理人在窗口签收。');
      await w.text('2026-11-10', 'ARCHIVING', 'CLOSING_REPORT', '结案报告', '准予行政许可决定已作出、公开并送达，许可事项转入日常监督检查，建议结案归档。');
      await w.close('2026-11-10', '许可决定已送达，转入监督检查');
      return w;
    },
  },
  {
    // COERCION, SERVED: an impoundment (扣押) on the spot; its 30 days run to 2026-12-09 (行政强制法 Art. 25).
    key: 'impound-zhongxin',
    state: 'SERVED',
    run: async (env) => {
      const yard = `${AREA_NOTE}羊毛工镇众鑫再生资源回收有限公司院内`;
      const w = await CaseWalk.file(env, 'impound-zhongxin', ['officer-abdurahman', 'officer-sun'], {
        caseType: 'COERCION',
        procedure: 'GENERAL',
        powerItemCode: ITEM.seizure,
        party: PARTIES.zhongxin,
        source: { kind: 'COMPLAINT', reference: '12345-20261108-0611' },
        factsSummary:
          '群众举报当事人院内用简易炉具焚烧废塑料、废橡胶，黑烟和恶臭明显。经现场检查属实，焚烧行为正在进行，可能造成严重大气污染，经负责人批准当场扣押焚烧炉具。',
        filedOn: '2026-11-09',
      });
      await w.credentialShown('2026-11-09', yard);
      await w.text(
        '2026-11-09',
        'INITIATION',
        'FILING_APPROVAL',
        '实施行政强制措施审批表',
        '当事人正在焚烧废塑料、废橡胶，可能造成严重大气污染，拟扣押焚烧炉具2套，报负责人批准（行政强制法第十八条第（一）项）。负责人王建国批准。',
      );
      await w.startInvestigation('2026-11-09');
      await w.av('2026-11-09', '15:20', 35, 'INVESTIGATION', 'COMPULSORY_MEASURE', yard);
      await w.text(
        '2026-11-09',
        'INVESTIGATION',
        'ON_SITE_INSPECTION_RECORD',
        '现场笔录',
        '执法人员出示执法证件，通知当事人法定代表人到场，当场告知扣押的理由、依据及当事人依法享有的权利、救济途径，听取其陈述和申辩；现场焚烧炉具2套正在使用，已熄火并清点（行政强制法第十八条）。',
        { onSite: true, activity: 'COMPULSORY_MEASURE' },
      );
      const proposal = await w.propose('2026-11-09', {
        outcome: 'IMPOUND',
        legalBasis: [
          { law: '中华人民共和国行政强制法', article: '第九条第（三）项' },
          { law: '中华人民共和国行政强制法', article: '第二十五条第一款' },
        ],
        reasoning: '当事人焚烧废塑料、废橡胶可能造成严重大气污染，为制止违法行为、防止危害扩大，扣押焚烧炉具2套，期限三十日。',
      });
      await w.decide('2026-11-09', proposal, true);
      await w.text(
        '2026-11-09',
        'DECISION',
        'DECISION',
        '扣押决定书及清单',
        '决定扣押当事人焚烧炉具2套（清单附后），期限自2026年11月9日起三十日；当事人不服的，可依法申请行政复议或者提起行政诉讼（行政强制法第二十四条）。',
      );
      await w.serve('2026-11-09', 'DIRECT');
      await w.text('2026-11-09', 'SERVICE', 'SERVICE_RECEIPT', '送达回证', '扣押决定书和清单当场交付当事人法定代表人签收。', { onSite: true });
      return w;
    },
  },
);

// One GENERAL-procedure penalty that went the whole way through legal review before its decision (R5/R6): the
// demo's 法制审核覆盖率 then has a decision to count, approved by a qualified reviewer who is not a handler.
SCENARIOS.push({
  // GENERAL, EXECUTED: restaurant fumes (ORDINARY tier, 12,000 yuan: the individual business may ask for a
  // hearing and waived it), reviewed and approved, decided, published, served, paid.
  key: 'fumes-xiangmanlou',
  state: 'EXECUTED',
  run: async (env) => {
    const place = `${PARTIES.xiangmanlou.address}香满楼川菜馆`;
    const w = await CaseWalk.file(env, 'fumes-xiangmanlou', ['officer-chen', 'officer-gulimila'], {
      caseType: 'PENALTY',
      procedure: 'GENERAL',
      powerItemCode: ITEM.fumes,
      party: PARTIES.xiangmanlou,
      source: { kind: 'COMPLAINT', reference: '12345-20261009-0733' },
      factsSummary:
        '居民多次投诉当事人川菜馆油烟扰民。经现场检查，当事人厨房未安装油烟净化设施，油烟经排风扇直接排放至居民楼间，涉嫌违反《中华人民共和国大气污染防治法》第八十一条第一款的规定。',
      filedOn: '2026-10-12',
    });
    await w.credentialShown('2026-10-12', place);
    await w.av('2026-10-12', '12:20', 18, 'INITIATION', 'ON_SITE_INSPECTION', place);
    await w.text(
      '2026-10-12',
      'INITIATION',
      'FILING_APPROVAL',
      '立案审批表',
      '经初步核查，当事人涉嫌未安装油烟净化设施超标排放油烟，符合立案条件，同意立案。承办人：陈晓东、古丽米拉·艾山。',
    );
    await w.startInvestigation('2026-10-13');
    await w.av('2026-10-13', '11:30', 25, 'INVESTIGATION', 'ON_SITE_INSPECTION', place);
    await w.text(
      '2026-10-13',
      'INVESTIGATION',
      'ON_SITE_INSPECTION_RECORD',
      '现场检查（勘验）笔录',
      '执法人员出示执法证件后检查：厨房灶台6个，排烟管道未连接油烟净化设施，排风扇直排至居民楼间通道，现场可见明显油烟。现场拍摄照片8张，全程执法记录仪录像。',
      { onSite: true, activity: 'ON_SITE_INSPECTION' },
    );
    await w.av('2026-10-14', '10:00', 35, 'INVESTIGATION', 'EVIDENCE_COLLECTION', '米东区城市管理局询问室');
    await w.text(
      '2026-10-14',
      'INVESTIGATION',
      'INQUIRY_RECORD',
      '询问笔录',
      '当事人经营者承认开业以来未安装油烟净化设施，称不了解相关规定，表示愿意立即安装。',
      { onSite: true, activity: 'EVIDENCE_COLLECTION' },
    );
    const proposal = await w.propose('2026-10-16', {
      outcome: 'PENALTY',
      penaltyTypes: ['FINE'],
      fineAmount: '12000',
      discretionTier: 'ORDINARY',
      legalBasis: BASIS.fumes,
      reasoning: '当事人未安装油烟净化设施超标排放油烟，经责令后限期改正，属裁量基准“一般”情节，依法处罚款12000元。',
    });
    await w.notify(
      '2026-10-19',
      '拟处罚款人民币12000元。当事人享有陈述、申辩的权利，并有权要求听证，可在收到本告知书之日起五个工作日内提出。',
      '直接送达行政处罚告知书（含听证告知）',
    );
    await w.text('2026-10-21', 'INVESTIGATION', 'STATEMENT_DEFENCE_RECORD', '陈述申辩笔录', '当事人对违法事实无异议，已订购油烟净化设施，请求从轻处罚。');
    await w.event('2026-10-21', 'HEARING_WAIVED', '当事人书面声明放弃听证');
    const reviewId = await w.submitForReview('2026-10-27', 'reviewer-li');
    await w.approveReview(
      '2026-10-29',
      reviewId,
      'reviewer-li',
      '经审核，执法主体和人员合法，事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意作出行政处罚决定。',
    );
    await w.decide('2026-10-30', proposal, false);
    await w.text(
      '2026-10-30',
      'DECISION',
      'DECISION',
      '行政处罚决定书',
      '当事人未安装油烟净化设施超标排放油烟，违反《中华人民共和国大气污染防治法》第八十一条第一款，依据第一百一十八条第一款，决定处罚款人民币12000元。' +
        '当事人应自收到本决定书之日起十五日内缴纳罚款。如不服本决定，可自收到本决定书之日起六十日内向乌鲁木齐市米东区人民政府申请行政复议，或者六个月内向人民法院提起行政诉讼。',
    );
    await w.serve('2026-11-02', 'DIRECT');
    await w.text('2026-11-02', 'SERVICE', 'SERVICE_RECEIPT', '送达回证', '行政处罚决定书直接送达当事人经营者本人签收。', { onSite: true });
    await payFine(w, '2026-11-12', '12000');
    return w;
  },
});

/** The states the seed produces, for tests and the start banner. */
export const SEEDED_CASE_STATES: readonly CaseState[] = [...new Set(SCENARIOS.map((s) => s.state))];

/**
 * Seed the demo cases through the real workflow. Requires the powers subgraph (with its demo data) to be
 * running at `powersUrl`. Returns the database in use (a new one after `reset`) and what was created.
 */
export async function seedCases(deps: SeedCasesDeps): Promise<{ db: CasesDb; cases: SeededCase[] }> {
  let db: CasesDb;
  if (deps.reset) {
    await deps.db?.close();
    db = await resetCasesDatabase(deps.config);
  } else {
    if (!deps.db) throw new Error('seedCases: db is required unless reset is set');
    db = deps.db;
  }
  const url = deps.powersUrl;
  const powers = createPowersFacts(createSubgraphClient({ name: 'powers', service: 'cases', url: typeof url === 'string' ? () => url : url, keys: deps.keys }));
  // The seed walks its own clock from one act's date to the next; the running services keep theirs.
  if (deps.config.clock.today() < SEED_CASES_TODAY) {
    throw new Error(
      `演示数据的日期截至 ${SEED_CASES_TODAY}，业务日期 ${deps.config.clock.today()} 早于它：请设置 SANXIANG_TODAY=${SEED_CASES_TODAY} 或更晚 (the demo's acts would lie in the future)`,
    );
  }
  const clock = pinnedClock(SEED_CASES_TODAY);
  // The reviewed demo case goes through the real review workflow on the seed's dates: a cases and a reviews
  // subgraph run on the seed's clock meanwhile (the review service calls the cases subgraph when a case enters
  // review and when the opinion is recorded; the decision asks the reviews subgraph for its clearance, R6).
  const seedConfig: Config = { ...deps.config, clock };
  const quiet = createLogger('seed', 'warn');
  const powersUrl = typeof url === 'string' ? () => url : url;
  let reviewsUrl = '';
  // Their own connections: a service closes its pool when it stops.
  const casesSide = await startCases({
    config: seedConfig,
    db: await openCasesDb(seedConfig),
    keys: deps.keys,
    log: quiet,
    port: 0,
    powersUrl,
    reviewsUrl: () => reviewsUrl,
  });
  const reviewsSide = await startReviews({
    config: seedConfig,
    db: await openReviewsDb(seedConfig),
    keys: deps.keys,
    log: quiet,
    port: 0,
    casesUrl: () => casesSide.url,
    powersUrl,
  });
  reviewsUrl = reviewsSide.url;
  try {
    return await walkScenarios(
      deps,
      db,
      powers,
      clock,
      reviewClearanceSource(createSubgraphClient({ name: 'reviews', service: 'cases', url: () => reviewsUrl, keys: deps.keys })),
      {
        casesUrl: casesSide.url,
        powersUrl,
      },
    );
  } finally {
    await reviewsSide.close();
    await casesSide.close();
  }
}

async function walkScenarios(
  deps: SeedCasesDeps,
  db: CasesDb,
  powers: ReturnType<typeof createPowersFacts>,
  clock: PinnedClock,
  clearance: ClearanceSource,
  urls: { casesUrl: string; powersUrl: () => string },
): Promise<{ db: CasesDb; cases: SeededCase[] }> {
  const repo = createCasesRepo(db, clock);
  const calendar = loadBundledCalendar();
  const svc = createCaseService({
    repo,
    powers,
    calendar,
    clearance,
    clock,
    integrity: { keyDir: deps.config.keyDir, dbName: deps.config.databaseName('cases') },
  });
  const reviewsRepo = createReviewsRepo(deps.reviewsDb, clock);
  const client = (name: string, u: () => string) => createSubgraphClient({ name, service: 'reviews', url: u, keys: deps.keys });
  const reviews = createReviewService({
    repo: reviewsRepo,
    facts: createReviewFacts(
      client('cases', () => urls.casesUrl),
      client('powers', urls.powersUrl),
    ),
    calendar,
    clock,
  });
  const publications = createPublicationService({
    repo,
    calendar,
    clock,
    policyOf: async (agencyId) => (await powers.agency(agencyId))!.policy,
  });
  const env: Env = {
    svc,
    reviews,
    reviewsRepo,
    reload: async (id) => (await repo.casesByIds([id]))[0]!,
    publications,
    reviewer: callerOf('reviewer-zhang', 'REVIEWER'),
    at(date) {
      if (date > SEED_CASES_TODAY) throw new Error(`seed date ${date} is after ${SEED_CASES_TODAY}`);
      clock.set(date);
    },
    principal: callerOf('principal-wang', 'PRINCIPAL'),
  };

  const created: SeededCase[] = [];
  for (const s of SCENARIOS) {
    let walk: CaseWalk;
    try {
      walk = await s.run(env);
    } catch (err) {
      throw new Error(`seeding demo case ${s.key} failed: ${(err as Error).message}`, { cause: err });
    }
    if (walk.c.state !== s.state) throw new Error(`demo case ${s.key} ended in ${walk.c.state}, expected ${s.state}`);
    created.push({
      key: s.key,
      id: walk.id,
      caseNumber: walk.c.caseNumber,
      state: walk.c.state as CaseState,
      procedure: walk.c.procedure as 'GENERAL' | 'SIMPLE',
    });
  }
  // Sign the seeded log at once rather than at the next timer tick.
  await createCheckpoint(db.orm, { keyDir: deps.config.keyDir, dbName: deps.config.databaseName('cases'), clock });
  return { db, cases: created };
}
