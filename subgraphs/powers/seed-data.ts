// Demo data for the powers subgraph: 乌鲁木齐市米东区城市管理局 (region 650109).
//
// Deterministic (no clock, no randomness). Statute articles are cited only where the text was checked
// against /work/shared/law, DOMAIN.md §9, or published statute text; an article whose number could not
// be checked carries "（条款待核）" in its excerpt (or in the relief-channel time limit).
// Addresses and telephone numbers other than the national hotlines 12345 / 12388 are illustrative.
// USCCs are fictitious but valid per GB 32100-2015 (check character computed, not copied from a real body).

import { DEFAULT_RETENTION } from './domain/validate.js';
import type {
  AgencyKind,
  AgencyPolicyValue,
  AnnualEnforcementPlanContent,
  AvRecordingRuleContent,
  ComplaintChannelValue,
  ContactValue,
  CredentialStatus,
  DiscretionBenchmarkContent,
  DiscretionTierValue,
  ExAnteContentByKind,
  ExAnteKind,
  LegalBasisValue,
  PowerItemContent,
  RandomInspectionItemContent,
  ReliefChannelValue,
  ReviewCatalogRuleContent,
  ServiceWindowValue,
} from './domain/types.js';

export interface SeedAgency {
  key: string;
  name: string;
  kind: AgencyKind;
  uscc: string;
  region: string;
  legalBasis: LegalBasisValue[];
  contact: ContactValue;
  complaintChannels: ComplaintChannelValue[];
  serviceWindows: ServiceWindowValue[];
  policy: AgencyPolicyValue;
  entrustment?: { entrustingAgencyKey: string; documentNumber: string; powerItemCodes: string[]; validFrom: string; validUntil: string };
}

export interface SeedOfficer {
  key: string;
  agencyKey: string;
  name: string;
  credentialNumber: string;
  credentialStatus: CredentialStatus;
  validFrom: string;
  validUntil: string;
  enforcementAreas: string[];
  reviewQualified: boolean;
  legalProfessionCertificate: string | null;
  firstTimeReviewer: boolean;
  /** Status changes after issue (the credential is VALID from validFrom), for the dated history (R2). */
  history?: { status: CredentialStatus; effectiveFrom: string; reason: string }[];
  roleHint: 'OFFICER' | 'REVIEWER' | 'PRINCIPAL' | 'SUPERVISOR' | 'ADMIN';
}

export interface SeedDocument<K extends ExAnteKind = ExAnteKind> {
  kind: K;
  agencyKey: string;
  code: string;
  status: 'PUBLISHED' | 'DRAFT' | 'SUBMITTED' | 'APPROVED';
  content: ExAnteContentByKind[K];
  /** optional earlier published version(s), oldest first, that this one superseded */
  history?: ExAnteContentByKind[K][];
}

// ---------------------------------------------------------------------------------------------------
// Shared constants
// ---------------------------------------------------------------------------------------------------

const REGION = '650109';
const BUREAU = 'midong-cgj';
const SQUAD = 'midong-zhzfdd';

/** 执法类别. Power items use exactly these strings in `enforcementArea`; officers hold them in `enforcementAreas`. */
const AREA_MAIN = '城市管理综合执法';
const AREA_SANITATION = '市容环境卫生';

// Law names, spelled once.
const XZCFF = '中华人民共和国行政处罚法';
const XZQZF = '中华人民共和国行政强制法';
const XZXKF = '中华人民共和国行政许可法';
const DQF = '中华人民共和国大气污染防治法';
const SRTL = '城市市容和环境卫生管理条例';
const JZLJ = '城市建筑垃圾管理规定';
const PLAN = '米东区城市管理局“三项制度”实施方案';

const basis = (law: string, article: string, excerpt: string | null = null): LegalBasisValue => ({ law, article, excerpt });

const RELIEF: ReliefChannelValue[] = [
  {
    kind: 'ADMINISTRATIVE_RECONSIDERATION',
    body: '乌鲁木齐市米东区人民政府',
    timeLimit: '自知道或者应当知道该行政行为之日起六十日内（《中华人民共和国行政复议法》（2023年修订）第二十条，条款待核）',
  },
  {
    kind: 'ADMINISTRATIVE_LITIGATION',
    body: '乌鲁木齐市米东区人民法院（实行行政案件集中管辖的，向指定管辖的人民法院提起）',
    timeLimit: '自知道或者应当知道作出行政行为之日起六个月内（《中华人民共和国行政诉讼法》第四十六条）',
  },
];

/** Relief channels as published before the 2023 revision of the reconsideration law took effect (2024-01-01). */
const RELIEF_2023: ReliefChannelValue[] = [
  {
    kind: 'ADMINISTRATIVE_RECONSIDERATION',
    body: '乌鲁木齐市米东区人民政府或者上一级主管部门',
    timeLimit: '自知道该具体行政行为之日起六十日内（修订前《中华人民共和国行政复议法》第九条）',
  },
  {
    kind: 'ADMINISTRATIVE_LITIGATION',
    body: '乌鲁木齐市米东区人民法院',
    timeLimit: '自知道或者应当知道作出行政行为之日起六个月内（《中华人民共和国行政诉讼法》第四十六条）',
  },
];

const PENALTY_STEPS: string[] = [
  '立案：发现违法行为线索后核查，符合立案标准的及时立案（行政处罚法第五十四条）',
  '调查取证：执法人员不少于两人，主动出示执法证件，制作询问、检查笔录，依清单进行音像记录（第四十二条、第五十五条）',
  '告知：告知拟作出的行政处罚内容及事实、理由、依据，以及陈述、申辩、要求听证等权利（第四十四条）',
  '听证：当事人在告知后五个工作日内要求听证的，依法组织听证（第六十三条、第六十四条）',
  '法制审核：由法制审核人员进行审核，未经审核或者审核未通过的不得作出决定（第五十八条）',
  '决定：负责人审查调查结果后作出决定；情节复杂或者重大违法行为由负责人集体讨论决定（第五十七条）',
  '送达：当场交付；当事人不在场的，七个工作日内依照民事诉讼法的有关规定送达（第六十一条）',
  '执行：当事人自收到决定书之日起十五日内缴纳罚款；逾期不履行的依法采取执行措施（第六十七条、第七十二条）',
  '结案：执行完毕或者依法终结后结案',
  '归档：全过程记录材料立卷归档（第四十七条）',
];

const PENALTY_RESPONSIBILITIES: string[] = [
  '立案责任：对巡查发现、投诉举报、部门移送的违法线索及时核查，符合立案标准的及时立案',
  '调查责任：全面、客观、公正地调查，收集证据；执法人员不少于两人并出示执法证件；与案件有直接利害关系的依法回避',
  '审查责任：对案件事实、证据、程序、法律适用、裁量基准运用进行审查，依法进行法制审核',
  '告知责任：作出决定前告知当事人拟作出的处罚内容及事实、理由、依据和依法享有的权利，充分听取陈述、申辩',
  '决定责任：依法作出处罚决定，制作行政处罚决定书，载明救济途径和期限',
  '送达责任：依法送达行政处罚决定书，并在规定期限内公示处罚决定信息',
  '执行责任：监督当事人履行处罚决定，罚缴分离，依法申请人民法院强制执行',
  '其他责任：对执法过程中知悉的国家秘密、商业秘密和个人隐私依法保密',
];

const PENALTY_ACCOUNTABILITY: string[] = [
  '没有法定的行政处罚依据的（行政处罚法第七十六条）',
  '擅自改变行政处罚种类、幅度的（第七十六条）',
  '违反法定的行政处罚程序的（第七十六条）',
  '执法人员未取得执法证件的（第七十六条）',
  '对符合立案标准的案件不及时立案的（第七十六条第二款）',
  '违法实施检查措施或者执行措施，给当事人造成损害的（第八十一条）',
  '对应当依法移交司法机关追究刑事责任的案件不移交，以行政处罚代替刑事处罚的（第八十二条）',
  '对应当予以制止和处罚的违法行为不予制止、处罚，致使合法权益、公共利益和社会秩序遭受损害的（第八十三条）',
  '执法人员利用职务上的便利，索取或者收受他人财物、将收缴罚款据为己有的（第七十九条第二款）',
];

// ---------------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------------

export const SEED_AGENCIES: SeedAgency[] = [
  {
    key: BUREAU,
    name: '乌鲁木齐市米东区城市管理局',
    kind: 'STATUTORY',
    // 11 (机关) + 650109 + 010004528 + check '6'
    uscc: '116501090100045286',
    region: REGION,
    legalBasis: [
      basis(XZCFF, '第十七条', '行政处罚由具有行政处罚权的行政机关在法定职权范围内实施。'),
      basis(
        XZCFF,
        '第十八条第一款',
        '国家在城市管理、市场监管、生态环境、文化市场、交通运输、应急管理、农业等领域推行建立综合行政执法制度，相对集中行政处罚权。',
      ),
      basis(XZCFF, '第二十三条', '行政处罚由县级以上地方人民政府具有行政处罚权的行政机关管辖。法律、行政法规另有规定的，从其规定。'),
      basis(
        XZQZF,
        '第十七条第二款',
        '依据《中华人民共和国行政处罚法》的规定行使相对集中行政处罚权的行政机关，可以实施法律、法规规定的与行政处罚权有关的行政强制措施。',
      ),
    ],
    contact: {
      address: '新疆维吾尔自治区乌鲁木齐市米东区古牧地东路（示例地址）',
      phone: '0991-3321200',
      website: null,
      officeHours: '周一至周五 10:00—14:00，16:00—19:30（北京时间，法定节假日除外）',
    },
    complaintChannels: [
      { name: '12345政务服务便民热线', contact: '12345' },
      { name: '米东区城市管理局执法监督投诉电话', contact: '0991-3321234' },
      { name: '米东区城市管理局来信来访', contact: '米东区城市管理局法制科（执法监督），工作日办公时间' },
      { name: '纪检监察举报电话', contact: '12388' },
    ],
    serviceWindows: [
      {
        name: '米东区政务服务中心城市管理窗口',
        location: '米东区政务服务中心一楼综合受理区（示例）',
        staffDuties: [
          '首席窗口负责人：统筹窗口受理、审批衔接和限时办结督办',
          '受理岗：一次性告知申请材料，审查材料是否齐全、符合法定形式，出具受理或者不予受理凭证',
          '审查岗：对申请材料实质内容需核实的，指派两名以上工作人员现场核查',
          '咨询岗：解答城市管理行政许可、行政处罚缴款及救济途径等咨询',
          '投诉受理岗：登记投诉举报，按规定转办并反馈处理结果',
        ],
        sampleForms: [
          '在街道两侧和公共场地临时堆放物料、搭建非永久性建筑物（构筑物、设施）申请书（示范文本）',
          '授权委托书（示范文本）',
          '陈述申辩书（示范文本）',
          '听证申请书（示范文本）',
          '延期（分期）缴纳罚款申请书（示范文本）',
        ],
        consultation: '窗口现场咨询、电话咨询 0991-3321201（工作日办公时间）',
        complaintHotline: '12345',
      },
    ],
    policy: {
      reviewAllGeneralProcedurePenalties: true,
      reviewTimeLimitWorkingDays: 5,
      // The bureau publishes on-the-spot fines too, after its legal staff check them (R12, R13 agency settings).
      publishSimpleProcedure: true,
      publishWarnings: false,
      autoPublishDecisions: false,
      caseNumberFormat: '米城管罚〔{year}〕{seq}号',
      shortPublicationMonths: 3,
      publicationMonths: 36,
      smallFineThreshold: '10000',
      // One number series per kind of decision: a licence never carries a penalty number.
      caseNumberFormats: [
        { caseType: 'PENALTY', format: '米城管罚〔{year}〕{seq}号' },
        { caseType: 'LICENSING', format: '米城管许〔{year}〕{seq}号' },
        { caseType: 'COERCION', format: '米城管强〔{year}〕{seq}号' },
        { caseType: 'INSPECTION', format: '米城管检〔{year}〕{seq}号' },
        { caseType: 'OTHER', format: '米城管决〔{year}〕{seq}号' },
      ],
      lateEntryWorkingDays: 3,
      retention: DEFAULT_RETENTION,
    },
  },
  {
    key: SQUAD,
    name: '乌鲁木齐市米东区城市管理综合执法大队',
    kind: 'ENTRUSTED',
    // 12 (事业单位) + 650109 + 328601753 + check 'H'
    uscc: '12650109328601753H',
    region: REGION,
    legalBasis: [
      basis(
        XZCFF,
        '第二十条',
        '行政机关依照法律、法规、规章的规定，可以在其法定权限内书面委托符合本法第二十一条规定条件的组织实施行政处罚。……受委托组织在委托范围内，以委托行政机关名义实施行政处罚；不得再委托其他组织或者个人实施行政处罚。',
      ),
      basis(
        XZCFF,
        '第二十一条',
        '受委托组织必须符合以下条件：（一）依法成立并具有管理公共事务职能；（二）有熟悉有关法律、法规、规章和业务并取得行政执法资格的工作人员；（三）需要进行技术检查或者技术鉴定的，应当有条件组织进行相应的技术检查或者技术鉴定。',
      ),
      basis(
        '米东区城市管理局行政处罚委托书',
        '米城管委〔2024〕1号（示例）',
        '委托事项：以米东区城市管理局名义实施市容环境卫生、大气污染防治领域的行政处罚；委托期限：2024年1月1日至2026年12月31日。行政强制措施权依法不得委托（行政强制法第十七条第一款）。',
      ),
    ],
    contact: {
      address: '新疆维吾尔自治区乌鲁木齐市米东区（示例地址）',
      phone: '0991-3321300',
      website: null,
      officeHours: '周一至周五 10:00—14:00，16:00—19:30（北京时间）；夜间及节假日执勤值班',
    },
    complaintChannels: [
      { name: '12345政务服务便民热线', contact: '12345' },
      { name: '米东区城市管理局执法监督投诉电话（委托机关）', contact: '0991-3321234' },
    ],
    serviceWindows: [
      {
        name: '米东区城市管理综合执法大队案件接待室',
        location: '大队办公楼一楼（示例）',
        staffDuties: ['接待当事人接受询问、陈述申辩和查阅案卷', '告知罚款缴纳方式及救济途径', '登记投诉举报并转交委托机关执法监督部门'],
        sampleForms: ['陈述申辩书（示范文本）', '听证申请书（示范文本）'],
        consultation: '0991-3321300（工作日办公时间）',
        complaintHotline: '12345',
      },
    ],
    policy: {
      reviewAllGeneralProcedurePenalties: true,
      reviewTimeLimitWorkingDays: 5,
      publishSimpleProcedure: false,
      publishWarnings: false,
      autoPublishDecisions: false,
      caseNumberFormat: '米城管罚〔{year}〕{seq}号',
      shortPublicationMonths: 3,
      publicationMonths: 36,
      smallFineThreshold: '10000',
      caseNumberFormats: [],
      lateEntryWorkingDays: 3,
      retention: DEFAULT_RETENTION,
    },
    // Art. 20: the bureau's written entrustment, published with both bodies' information.
    entrustment: {
      entrustingAgencyKey: BUREAU,
      documentNumber: '米城管委〔2024〕1号',
      powerItemCodes: ['650109-CF-0001', '650109-CF-0002', '650109-CF-0003', '650109-CF-0004', '650109-CF-0005', '650109-CF-0008'],
      validFrom: '2024-01-01',
      validUntil: '2026-12-31',
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// Officers
// ---------------------------------------------------------------------------------------------------

export const SEED_OFFICERS: SeedOfficer[] = [
  {
    key: 'principal-wang',
    agencyKey: BUREAU,
    name: '王建国',
    credentialNumber: '65010901001',
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN, AREA_SANITATION],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'PRINCIPAL',
  },
  {
    key: 'supervisor-ma',
    agencyKey: BUREAU,
    name: '马丽娟',
    credentialNumber: '65010901002',
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'SUPERVISOR',
  },
  {
    key: 'admin-zhao',
    agencyKey: BUREAU,
    name: '赵磊',
    credentialNumber: '65010901003',
    credentialStatus: 'VALID',
    validFrom: '2025-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'ADMIN',
  },
  {
    // Experienced reviewer: qualified, holds 法律职业资格, has reviewed before.
    key: 'reviewer-zhang',
    agencyKey: BUREAU,
    name: '张伟',
    credentialNumber: '65010901004',
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN, AREA_SANITATION],
    reviewQualified: true,
    legalProfessionCertificate: 'A20156501090047',
    firstTimeReviewer: false,
    roleHint: 'REVIEWER',
  },
  {
    // First-time reviewer WITH 法律职业资格: valid (行政处罚法第五十八条第二款).
    key: 'reviewer-li',
    agencyKey: BUREAU,
    name: '李娜',
    credentialNumber: '65010901005',
    credentialStatus: 'VALID',
    validFrom: '2025-03-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: true,
    legalProfessionCertificate: 'A20186501090123',
    firstTimeReviewer: true,
    roleHint: 'REVIEWER',
  },
  {
    // First-time reviewer WITHOUT 法律职业资格: must be refused as reviewer (R7).
    key: 'reviewer-liu-nocert',
    agencyKey: BUREAU,
    name: '刘洋',
    credentialNumber: '65010901006',
    credentialStatus: 'VALID',
    validFrom: '2025-03-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: true,
    legalProfessionCertificate: null,
    firstTimeReviewer: true,
    roleHint: 'REVIEWER',
  },
  {
    key: 'officer-abdurahman',
    agencyKey: BUREAU,
    name: '阿不都热合曼·买买提',
    credentialNumber: '65010901007',
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN, AREA_SANITATION],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'OFFICER',
  },
  {
    // Holds only the main area: cannot act on 市容环境卫生 items.
    key: 'officer-chen',
    agencyKey: BUREAU,
    name: '陈晓东',
    credentialNumber: '65010901008',
    credentialStatus: 'VALID',
    validFrom: '2024-06-01',
    validUntil: '2028-05-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'OFFICER',
  },
  {
    key: 'officer-gulimila',
    agencyKey: BUREAU,
    name: '古丽米拉·艾山',
    credentialNumber: '65010901009',
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN, AREA_SANITATION],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'OFFICER',
  },
  {
    key: 'officer-sun',
    agencyKey: BUREAU,
    name: '孙志强',
    credentialNumber: '65010901010',
    credentialStatus: 'VALID',
    validFrom: '2025-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN, AREA_SANITATION],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'OFFICER',
  },
  {
    // Dates valid, but the credential is suspended (暂扣).
    key: 'officer-zhou-suspended',
    agencyKey: BUREAU,
    name: '周浩',
    credentialNumber: '65010901011',
    credentialStatus: 'SUSPENDED',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    // Acts before the suspension stand; from 2026-09-01 on the credential may not be used (R2, dated history).
    history: [{ status: 'SUSPENDED', effectiveFrom: '2026-09-01', reason: '涉嫌违规执法，暂扣执法证件，待调查处理（示例）' }],
    roleHint: 'OFFICER',
  },
  {
    // Validity ended before today (2026-11-28).
    key: 'officer-yang-expired',
    agencyKey: BUREAU,
    name: '杨帆',
    credentialNumber: '65010901012',
    credentialStatus: 'EXPIRED',
    validFrom: '2021-01-01',
    validUntil: '2025-12-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    history: [{ status: 'EXPIRED', effectiveFrom: '2026-01-01', reason: '有效期届满，未换领' }],
    roleHint: 'OFFICER',
  },
  {
    key: 'squad-nuraili',
    agencyKey: SQUAD,
    name: '努尔艾力·吐尔逊',
    credentialNumber: '65010902001',
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN, AREA_SANITATION],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'OFFICER',
  },
  {
    key: 'squad-he',
    agencyKey: SQUAD,
    name: '何静',
    credentialNumber: '65010902002',
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA_MAIN],
    reviewQualified: false,
    legalProfessionCertificate: null,
    firstTimeReviewer: false,
    roleHint: 'OFFICER',
  },
];

// ---------------------------------------------------------------------------------------------------
// Power items (权责清单)
// ---------------------------------------------------------------------------------------------------

export const POWER_ITEM_CODES = {
  OPEN_AIR_BARBECUE: '650109-CF-0001',
  CATERING_FUMES: '650109-CF-0002',
  SPILLED_LOAD: '650109-CF-0003',
  CONSTRUCTION_DUST: '650109-CF-0004',
  CONSTRUCTION_WASTE_DUMPING: '650109-CF-0005',
  TOXIC_BURNING_DRAFT: '650109-CF-0006',
  UNAPPROVED_STACKING_SUBMITTED: '650109-CF-0007',
  CONSTRUCTION_WASTE_DUMPING_PERSON: '650109-CF-0008',
  SEIZURE: '650109-QZ-0001',
  TEMPORARY_STACKING_LICENCE: '650109-XK-0001',
  FUMES_INSPECTION: '650109-JC-0001',
} as const;
const C = POWER_ITEM_CODES;

const barbecueCurrent: PowerItemContent = {
  name: '对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的行政处罚',
  category: 'PENALTY',
  enforcementArea: AREA_MAIN,
  partyKinds: [],
  publicSummary: '在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地',
  statutoryRanges: [
    {
      partyKinds: [],
      penaltyTypes: ['CONFISCATE_ILLEGAL_PROPERTY', 'CONFISCATE_ILLEGAL_GAINS', 'FINE'],
      fineMin: '500',
      fineMax: '20000',
      basis: basis(DQF, '第一百一十八条第三款', '没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款。'),
    },
  ],
  establishingBasis: [
    basis(
      DQF,
      '第一百一十八条第三款',
      '违反本法规定，在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的，由县级以上地方人民政府确定的监督管理部门责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款。',
    ),
  ],
  implementingBasis: [
    basis(DQF, '第八十一条第三款', '任何单位和个人不得在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地。'),
    basis(XZCFF, '第十八条第一款', '城市管理等领域推行建立综合行政执法制度，相对集中行政处罚权。'),
    basis(XZCFF, '第三十三条第一款', '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。'),
  ],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: PENALTY_STEPS,
  reliefChannels: RELIEF,
  responsibilities: PENALTY_RESPONSIBILITIES,
  accountability: PENALTY_ACCOUNTABILITY,
};

/** The version published in 2023, superseded when the reconsideration law revision took effect. */
const barbecue2023: PowerItemContent = {
  ...barbecueCurrent,
  implementingBasis: [basis(DQF, '第八十一条第三款', '任何单位和个人不得在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地。')],
  procedureSteps: ['立案', '调查取证', '告知', '听证（当事人要求的）', '法制审核', '决定', '送达', '执行', '结案'],
  reliefChannels: RELIEF_2023,
  responsibilities: PENALTY_RESPONSIBILITIES.slice(0, 7),
  accountability: PENALTY_ACCOUNTABILITY.slice(0, 4),
};

const fumes: PowerItemContent = {
  name: '对排放油烟的餐饮服务业经营者未安装油烟净化设施、不正常使用油烟净化设施或者未采取其他油烟净化措施，超过排放标准排放油烟的行政处罚',
  category: 'PENALTY',
  enforcementArea: AREA_MAIN,
  partyKinds: ['LEGAL_PERSON', 'INDIVIDUAL_BUSINESS', 'NATURAL_PERSON'],
  publicSummary: '作为排放油烟的餐饮服务业经营者，未安装油烟净化设施、不正常使用油烟净化设施或者未采取其他油烟净化措施，超过排放标准排放油烟',
  statutoryRanges: [
    {
      partyKinds: [],
      penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'],
      fineMin: '5000',
      fineMax: '50000',
      basis: basis(DQF, '第一百一十八条第一款', '处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。'),
    },
  ],
  establishingBasis: [
    basis(
      DQF,
      '第一百一十八条第一款',
      '违反本法规定，排放油烟的餐饮服务业经营者未安装油烟净化设施、不正常使用油烟净化设施或者未采取其他油烟净化措施，超过排放标准排放油烟的，由县级以上地方人民政府确定的监督管理部门责令改正，处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。',
    ),
  ],
  implementingBasis: [
    basis(
      DQF,
      '第八十一条第一款',
      '排放油烟的餐饮服务业经营者应当安装油烟净化设施并保持正常使用，或者采取其他油烟净化措施，使油烟达标排放，并防止对附近居民的正常生活环境造成污染。',
    ),
    basis(XZCFF, '第六十三条第一款', '拟作出较大数额罚款、责令停产停业等行政处罚决定的，应当告知当事人有要求听证的权利。'),
  ],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: PENALTY_STEPS,
  reliefChannels: RELIEF,
  responsibilities: PENALTY_RESPONSIBILITIES,
  accountability: PENALTY_ACCOUNTABILITY,
};

const spilledLoad: PowerItemContent = {
  name: '对运输煤炭、垃圾、渣土、砂石、土方、灰浆等散装、流体物料的车辆未采取密闭或者其他措施防止物料遗撒的行政处罚',
  category: 'PENALTY',
  enforcementArea: AREA_MAIN,
  partyKinds: [],
  publicSummary: '运输散装、流体物料的车辆未采取密闭或者其他措施防止物料遗撒',
  statutoryRanges: [
    {
      partyKinds: [],
      penaltyTypes: ['FINE'],
      fineMin: '2000',
      fineMax: '20000',
      basis: basis(DQF, '第一百一十六条', '处二千元以上二万元以下的罚款。'),
    },
  ],
  establishingBasis: [
    basis(
      DQF,
      '第一百一十六条',
      '违反本法规定，运输煤炭、垃圾、渣土、砂石、土方、灰浆等散装、流体物料的车辆，未采取密闭或者其他措施防止物料遗撒的，由县级以上地方人民政府确定的监督管理部门责令改正，处二千元以上二万元以下的罚款；拒不改正的，车辆不得上道路行驶。',
    ),
  ],
  implementingBasis: [basis(XZCFF, '第十八条第一款', '城市管理等领域推行建立综合行政执法制度，相对集中行政处罚权。')],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: PENALTY_STEPS,
  reliefChannels: RELIEF,
  responsibilities: PENALTY_RESPONSIBILITIES,
  accountability: PENALTY_ACCOUNTABILITY,
};

const constructionDust: PowerItemContent = {
  name: '对施工单位施工工地未设置硬质密闭围挡或者未采取有效防尘降尘措施、建筑土方和工程渣土及建筑垃圾未及时清运或者未采用密闭式防尘网遮盖的行政处罚',
  category: 'PENALTY',
  enforcementArea: AREA_MAIN,
  partyKinds: ['LEGAL_PERSON'],
  publicSummary: '作为施工单位，施工工地未设置硬质密闭围挡或者未采取有效防尘降尘措施，或者建筑土方、工程渣土、建筑垃圾未及时清运、未采用密闭式防尘网遮盖',
  statutoryRanges: [
    {
      partyKinds: [],
      penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'],
      fineMin: '10000',
      fineMax: '100000',
      basis: basis(DQF, '第一百一十五条第一款', '处一万元以上十万元以下的罚款；拒不改正的，责令停工整治。'),
    },
  ],
  establishingBasis: [
    basis(
      DQF,
      '第一百一十五条第一款',
      '违反本法规定，施工单位有下列行为之一的，由县级以上人民政府住房城乡建设等主管部门按照职责责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治：（一）施工工地未设置硬质密闭围挡，或者未采取覆盖、分段作业、择时施工、洒水抑尘、冲洗地面和车辆等有效防尘降尘措施的；（二）建筑土方、工程渣土、建筑垃圾未及时清运，或者未采用密闭式防尘网遮盖的。',
    ),
  ],
  implementingBasis: [
    basis(XZCFF, '第十八条第二款', '国务院或者省、自治区、直辖市人民政府可以决定一个行政机关行使有关行政机关的行政处罚权。'),
    basis(XZCFF, '第六十三条第一款', '拟作出较大数额罚款、责令停产停业等行政处罚决定的，应当告知当事人有要求听证的权利。'),
  ],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: PENALTY_STEPS,
  reliefChannels: RELIEF,
  responsibilities: PENALTY_RESPONSIBILITIES,
  accountability: PENALTY_ACCOUNTABILITY,
};

const wasteDumping: PowerItemContent = {
  name: '对单位随意倾倒、抛撒或者堆放建筑垃圾的行政处罚',
  category: 'PENALTY',
  enforcementArea: AREA_MAIN,
  // 对单位: the statute's range for units (5,000–50,000 yuan); persons are item 650109-CF-0008.
  partyKinds: ['LEGAL_PERSON'],
  publicSummary: '随意倾倒、抛撒或者堆放建筑垃圾',
  statutoryRanges: [
    {
      partyKinds: ['LEGAL_PERSON'],
      penaltyTypes: ['WARNING', 'FINE'],
      fineMin: '5000',
      fineMax: '50000',
      basis: basis(JZLJ, '第二十六条', '给予警告，并对单位处5000元以上5万元以下罚款。'),
    },
  ],
  establishingBasis: [
    basis(
      JZLJ,
      '第二十六条',
      '任何单位和个人随意倾倒、抛撒或者堆放建筑垃圾的，由城市人民政府市容环境卫生主管部门责令限期改正，给予警告，并对单位处5000元以上5万元以下罚款，对个人处200元以下罚款。',
    ),
  ],
  implementingBasis: [
    basis(XZCFF, '第十八条第一款', '城市管理等领域推行建立综合行政执法制度，相对集中行政处罚权。'),
    basis(XZCFF, '第五十一条', '对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出行政处罚决定（对个人倾倒建筑垃圾见 650109-CF-0008）。'),
  ],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: PENALTY_STEPS,
  reliefChannels: RELIEF,
  responsibilities: PENALTY_RESPONSIBILITIES,
  accountability: PENALTY_ACCOUNTABILITY,
};

/** 对个人: the statute's "对个人处200元以下罚款" (an individual business is a person's business, as for Art. 51 and 63). */
const wasteDumpingPerson: PowerItemContent = {
  ...wasteDumping,
  name: '对个人随意倾倒、抛撒或者堆放建筑垃圾的行政处罚',
  partyKinds: ['NATURAL_PERSON', 'INDIVIDUAL_BUSINESS'],
  statutoryRanges: [
    {
      partyKinds: ['NATURAL_PERSON', 'INDIVIDUAL_BUSINESS'],
      penaltyTypes: ['WARNING', 'FINE'],
      fineMin: null,
      fineMax: '200',
      basis: basis(JZLJ, '第二十六条', '给予警告，并对个人处200元以下罚款。'),
    },
  ],
  implementingBasis: [
    basis(XZCFF, '第十八条第一款', '城市管理等领域推行建立综合行政执法制度，相对集中行政处罚权。'),
    basis(XZCFF, '第五十一条', '对公民处以二百元以下罚款或者警告的，可以当场作出行政处罚决定。'),
  ],
};

const toxicBurningDraft: PowerItemContent = {
  name: '对在人口集中地区和其他依法需要特殊保护的区域内焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的行政处罚',
  category: 'PENALTY',
  enforcementArea: AREA_MAIN,
  partyKinds: [],
  publicSummary: '在人口集中地区和其他依法需要特殊保护的区域内焚烧产生有毒有害烟尘和恶臭气体的物质',
  statutoryRanges: [
    {
      partyKinds: ['LEGAL_PERSON'],
      penaltyTypes: ['FINE'],
      fineMin: '10000',
      fineMax: '100000',
      basis: basis(DQF, '第一百一十九条第二款', '对单位处一万元以上十万元以下的罚款。'),
    },
    {
      partyKinds: ['NATURAL_PERSON', 'INDIVIDUAL_BUSINESS'],
      penaltyTypes: ['FINE'],
      fineMin: '500',
      fineMax: '2000',
      basis: basis(DQF, '第一百一十九条第二款', '对个人处五百元以上二千元以下的罚款。'),
    },
  ],
  establishingBasis: [
    basis(
      DQF,
      '第一百一十九条第二款',
      '违反本法规定，在人口集中地区和其他依法需要特殊保护的区域内，焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的，由县级人民政府确定的监督管理部门责令改正，对单位处一万元以上十万元以下的罚款，对个人处五百元以上二千元以下的罚款。',
    ),
  ],
  implementingBasis: [],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: PENALTY_STEPS,
  reliefChannels: RELIEF,
  responsibilities: PENALTY_RESPONSIBILITIES,
  accountability: PENALTY_ACCOUNTABILITY,
};

const unapprovedStackingSubmitted: PowerItemContent = {
  name: '对未经批准擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的行政处罚',
  category: 'PENALTY',
  enforcementArea: AREA_SANITATION,
  partyKinds: [],
  publicSummary: '未经批准擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容',
  // 条例第三十六条 "并可处以罚款" leaves the amount to the province's implementing rules: no range until they are cited.
  statutoryRanges: [],
  establishingBasis: [
    basis(
      SRTL,
      '第三十六条第（二）项',
      '有下列行为之一者，由城市人民政府市容环境卫生行政主管部门或者其委托的单位责令其停止违法行为，限期清理、拆除或者采取其他补救措施，并可处以罚款：……（二）未经城市人民政府市容环境卫生行政主管部门批准，擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的。',
    ),
  ],
  implementingBasis: [
    basis(
      SRTL,
      '第十四条',
      '任何单位和个人都不得在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施。因建设等特殊需要，在街道两侧和公共场地临时堆放物料，搭建非永久性建筑物、构筑物或者其他设施的，必须征得城市人民政府市容环境卫生行政主管部门同意后，按照有关规定办理审批手续。',
    ),
  ],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: PENALTY_STEPS,
  reliefChannels: RELIEF,
  responsibilities: PENALTY_RESPONSIBILITIES,
  accountability: PENALTY_ACCOUNTABILITY,
};

const seizure: PowerItemContent = {
  name: '对造成或者可能造成严重大气污染的有关设施、设备、物品的查封、扣押',
  category: 'COERCION',
  enforcementArea: AREA_MAIN,
  partyKinds: [],
  publicSummary: '造成或者可能造成严重大气污染的有关设施、设备、物品',
  statutoryRanges: [],
  establishingBasis: [
    basis(
      DQF,
      '第三十条',
      '企业事业单位和其他生产经营者违反法律法规规定排放大气污染物，造成或者可能造成严重大气污染，或者有关证据可能灭失或者被隐匿的，负有大气环境保护监督管理职责的部门可以对有关设施、设备、物品采取查封、扣押等行政强制措施。（条款待核）',
    ),
    basis(XZQZF, '第九条第（二）项、第（三）项', '行政强制措施的种类：……（二）查封场所、设施或者财物；（三）扣押财物。'),
  ],
  implementingBasis: [
    basis(
      XZQZF,
      '第十七条',
      '行政强制措施由法律、法规规定的行政机关在法定职权范围内实施。行政强制措施权不得委托。依据《中华人民共和国行政处罚法》的规定行使相对集中行政处罚权的行政机关，可以实施法律、法规规定的与行政处罚权有关的行政强制措施。行政强制措施应当由行政机关具备资格的行政执法人员实施，其他人员不得实施。',
    ),
    basis(
      XZQZF,
      '第十八条',
      '实施前须向行政机关负责人报告并经批准；由两名以上行政执法人员实施；出示执法身份证件；通知当事人到场；当场告知理由、依据及权利、救济途径；听取陈述和申辩；制作现场笔录。',
    ),
    basis(XZQZF, '第二十二条', '查封、扣押应当由法律、法规规定的行政机关实施，其他任何行政机关或者组织不得实施。'),
    basis(
      XZQZF,
      '第二十三条',
      '查封、扣押限于涉案的场所、设施或者财物，不得查封、扣押与违法行为无关的场所、设施或者财物；不得查封、扣押公民个人及其所扶养家属的生活必需品。',
    ),
    basis(XZQZF, '第二十四条', '制作并当场交付查封、扣押决定书和清单。'),
    basis(
      XZQZF,
      '第二十五条第一款',
      '查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。',
    ),
    basis(XZQZF, '第二十七条', '采取查封、扣押措施后，应当及时查清事实，在本法第二十五条规定的期限内作出处理决定。'),
    basis(XZQZF, '第二十八条', '当事人没有违法行为、与违法行为无关、已作出处理决定不再需要、期限届满等情形的，应当及时作出解除查封、扣押决定。'),
  ],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: [
    '报告批准：实施前向负责人报告并经批准；情况紧急当场实施的，二十四小时内报告并补办批准手续（行政强制法第十八条、第十九条）',
    '现场实施：两名以上执法人员，出示执法证件，通知当事人到场，当场告知理由、依据、权利和救济途径，听取陈述、申辩',
    '制作现场笔录、查封扣押决定书和清单，当场交付；当事人不到场的邀请见证人签名（第十八条、第二十四条）',
    '妥善保管查封、扣押的场所、设施或者财物，不得使用或者损毁（第二十六条）',
    '在三十日内（经批准可延长三十日）查清事实并作出处理决定（第二十五条、第二十七条）',
    '解除或者依法没收、销毁，解除的立即退还财物（第二十八条）',
    '归档',
  ],
  reliefChannels: RELIEF,
  responsibilities: [
    '审批责任：实施前报经负责人批准，紧急情况下二十四小时内补办批准手续',
    '实施责任：由两名以上具备资格的执法人员实施，出示证件、告知权利、制作现场笔录，全程音像记录',
    '保管责任：妥善保管查封、扣押的财物，保管费用由行政机关承担',
    '处理责任：在法定期限内作出处理决定，依法及时解除',
  ],
  accountability: [
    '没有法律、法规依据，改变行政强制对象、条件、方式，或者违反法定程序实施行政强制的（行政强制法第六十一条）',
    '扩大查封、扣押范围的（第六十二条）',
    '使用或者损毁查封、扣押场所、设施或者财物的（第六十二条）',
    '在查封、扣押法定期间不作出处理决定或者未依法及时解除查封、扣押的（第六十二条）',
    '截留、私分或者变相私分查封、扣押的财物，或者将其据为己有的（第六十三条）',
    '利用行政强制权为单位或者个人谋取利益的（第六十四条）',
  ],
};

const temporaryStackingLicence: PowerItemContent = {
  name: '在街道两侧和公共场地临时堆放物料，搭建非永久性建筑物、构筑物或者其他设施审批',
  category: 'LICENSING',
  enforcementArea: AREA_SANITATION,
  partyKinds: [],
  publicSummary: '在街道两侧和公共场地临时堆放物料、搭建非永久性建筑物、构筑物或者其他设施',
  statutoryRanges: [],
  establishingBasis: [
    basis(
      SRTL,
      '第十四条',
      '任何单位和个人都不得在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施。因建设等特殊需要，在街道两侧和公共场地临时堆放物料，搭建非永久性建筑物、构筑物或者其他设施的，必须征得城市人民政府市容环境卫生行政主管部门同意后，按照有关规定办理审批手续。',
    ),
  ],
  implementingBasis: [
    basis(XZXKF, '第三十条', '将行政许可的事项、依据、条件、数量、程序、期限以及需要提交的全部材料的目录和申请书示范文本等在办公场所公示。'),
    basis(XZXKF, '第三十二条', '申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容。'),
    basis(XZXKF, '第三十四条第三款', '需要对申请材料的实质内容进行核实的，行政机关应当指派两名以上工作人员进行核查。'),
    basis(
      XZXKF,
      '第四十二条第一款',
      '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。',
    ),
    basis(XZXKF, '第四十七条', '行政许可直接涉及申请人与他人之间重大利益关系的，行政机关在作出行政许可决定前，应当告知申请人、利害关系人享有要求听证的权利。'),
  ],
  acceptanceConditions: [
    '因建设等特殊需要，确需在街道两侧或者公共场地临时堆放物料、搭建非永久性建筑物、构筑物或者其他设施',
    '申请事项属于本机关职权范围，占用位置位于米东区城市管理范围内',
    '提交申请书（示范文本）、申请人身份证明或者营业执照、占用位置平面示意图、占用期限及恢复原状承诺',
    '设置方案符合市容环境卫生要求，不影响道路通行、消防通道和环境卫生设施使用',
    '申请材料齐全、符合法定形式',
  ],
  timeLimitWorkingDays: 20,
  procedureSteps: [
    '申请：申请人向政务服务中心城市管理窗口提交申请材料（行政许可法第二十九条）',
    '受理：材料齐全的受理；不齐全的当场或者五个工作日内一次性告知补正（第三十二条）',
    '审查：审查申请材料，需要核实的指派两名以上工作人员现场核查（第三十四条）',
    '听证：直接涉及申请人与他人之间重大利益关系的，告知听证权利，依申请组织听证（第四十七条、第四十八条）',
    '法制审核：经过听证程序的许可决定须经法制审核',
    '决定：自受理之日起二十个工作日内作出准予或者不予许可的书面决定；不予许可的说明理由并告知救济途径（第三十八条、第四十二条）',
    '送达与公开：送达许可决定，准予许可的决定予以公开（第四十条）',
  ],
  reliefChannels: RELIEF,
  responsibilities: [
    '受理责任：公示办理条件、材料目录和示范文本，一次性告知需补正的全部内容',
    '审查责任：依法审查申请材料，需要现场核查的由两名以上工作人员进行',
    '决定责任：在法定期限内作出书面决定，不予许可的说明理由并告知救济权利',
    '监管责任：对被许可人按照批准的位置、期限使用公共场地的情况进行监督检查',
  ],
  accountability: [
    '对符合法定条件的行政许可申请不予受理的（行政许可法第七十二条）',
    '不在办公场所公示依法应当公示的材料的（第七十二条）',
    '申请材料不齐全、不符合法定形式，不一次告知申请人必须补正的全部内容的（第七十二条）',
    '对不符合法定条件的申请人准予行政许可或者超越法定职权作出准予行政许可决定的（第七十四条）',
    '对符合法定条件的申请人不予行政许可或者不在法定期限内作出准予行政许可决定的（第七十四条）',
    '办理行政许可、实施监督检查，索取或者收受他人财物或者谋取其他利益的（第七十三条）',
  ],
};

const fumesInspection: PowerItemContent = {
  name: '对餐饮服务业经营者油烟净化设施安装、使用和油烟排放情况的行政检查',
  category: 'INSPECTION',
  enforcementArea: AREA_MAIN,
  partyKinds: [],
  publicSummary: '餐饮服务业经营者油烟净化设施安装、使用和油烟排放情况',
  statutoryRanges: [],
  establishingBasis: [
    basis(
      DQF,
      '第八十一条第一款',
      '排放油烟的餐饮服务业经营者应当安装油烟净化设施并保持正常使用，或者采取其他油烟净化措施，使油烟达标排放，并防止对附近居民的正常生活环境造成污染。',
    ),
    basis(
      DQF,
      '第二十九条',
      '负有大气环境保护监督管理职责的部门有权通过现场检查监测等方式，对排放大气污染物的企业事业单位和其他生产经营者进行监督检查；被检查者应当如实反映情况，提供必要的资料。（条款待核）',
    ),
  ],
  implementingBasis: [
    basis(
      XZCFF,
      '第五十四条第一款',
      '行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正地调查，收集有关证据；必要时，依照法律、法规的规定，可以进行检查。',
    ),
    basis(XZCFF, '第五十五条', '执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件。……询问或者检查应当制作笔录。'),
  ],
  acceptanceConditions: [],
  timeLimitWorkingDays: null,
  procedureSteps: [
    '制定检查计划：按年度执法计划和“双随机、一公开”抽查计划确定检查对象和检查人员',
    '实施检查：两名以上执法人员出示执法证件，现场查看油烟净化设施安装、运行和清洗维护记录，全程音像记录',
    '制作检查笔录：由被检查人核对签名，拒绝签名的注明',
    '处理：未发现问题的记录结果；发现违法行为的依法立案查处或者责令改正',
    '公开：抽查结果自检查结束之日起二十个工作日内向社会公开',
    '归档',
  ],
  reliefChannels: RELIEF,
  responsibilities: [
    '检查责任：依法、按计划实施检查，不得随意检查、重复检查',
    '告知责任：出示执法证件，告知检查事由、依据和被检查人的权利义务',
    '处置责任：对检查发现的违法行为依法处理，对不属于本机关管辖的及时移送',
    '公开责任：依法公开抽查情况和查处结果',
  ],
  accountability: [
    '违法实施检查措施，给当事人造成损害的（行政处罚法第八十一条）',
    '对检查发现应当予以制止和处罚的违法行为不予制止、处罚的（第八十三条）',
    '检查中索取或者收受他人财物、谋取其他利益的',
    '泄露检查中知悉的商业秘密或者个人隐私的',
  ],
};

// ---------------------------------------------------------------------------------------------------
// Discretion benchmarks (自由裁量基准): code = power item code; ranges inside the statutory range.
// ---------------------------------------------------------------------------------------------------

const ART33 =
  '符合《中华人民共和国行政处罚法》第三十三条第一款情形的（违法行为轻微并及时改正，没有造成危害后果；或者初次违法且危害后果轻微并及时改正），依法不予或者可以不予行政处罚，并对当事人进行教育。';

const tier = (t: DiscretionTierValue): DiscretionTierValue => t;

const barbecueTiers: DiscretionTierValue[] = [
  tier({
    tier: 'MINOR',
    circumstances: `经责令立即改正，烧烤规模小（烧烤炉具1套），持续时间短，未造成投诉。${ART33}`,
    penaltyTypes: ['CONFISCATE_ILLEGAL_PROPERTY', 'CONFISCATE_ILLEGAL_GAINS', 'FINE'],
    fineMin: '500',
    fineMax: '2000',
  }),
  tier({
    tier: 'ORDINARY',
    circumstances: '烧烤炉具2至3套，或者为露天烧烤提供场地，经责令后改正，造成一定油烟、异味污染的。',
    penaltyTypes: ['CONFISCATE_ILLEGAL_PROPERTY', 'CONFISCATE_ILLEGAL_GAINS', 'FINE'],
    fineMin: '2000',
    fineMax: '8000',
  }),
  tier({
    tier: 'SERIOUS',
    circumstances: '烧烤炉具4套以上，或者一年内因同一违法行为受过行政处罚，或者引起多次投诉的。',
    penaltyTypes: ['CONFISCATE_ILLEGAL_PROPERTY', 'CONFISCATE_ILLEGAL_GAINS', 'FINE'],
    fineMin: '8000',
    fineMax: '15000',
  }),
  tier({
    tier: 'GRAVE',
    circumstances: '拒不改正、暴力抗法或者阻碍执法，或者在重污染天气预警期间露天烧烤，造成恶劣社会影响的。',
    penaltyTypes: ['CONFISCATE_ILLEGAL_PROPERTY', 'CONFISCATE_ILLEGAL_GAINS', 'FINE'],
    fineMin: '15000',
    fineMax: '20000',
  }),
];

const fumesTiers: DiscretionTierValue[] = [
  tier({
    tier: 'MINOR',
    circumstances: `已安装油烟净化设施但未正常使用或者清洗维护不及时，超标排放时间短，经责令立即改正的。${ART33}`,
    penaltyTypes: ['FINE'],
    fineMin: '5000',
    fineMax: '10000',
  }),
  tier({
    tier: 'ORDINARY',
    circumstances: '未安装油烟净化设施或者未采取其他油烟净化措施，超标排放油烟，经责令后限期改正的。',
    penaltyTypes: ['FINE'],
    fineMin: '10000',
    fineMax: '25000',
  }),
  tier({
    tier: 'SERIOUS',
    circumstances: '超标排放油烟对附近居民正常生活环境造成明显污染，引起多次投诉，或者一年内因同一违法行为受过行政处罚的。',
    penaltyTypes: ['FINE'],
    fineMin: '25000',
    fineMax: '40000',
  }),
  tier({
    tier: 'GRAVE',
    circumstances: '经责令改正拒不改正的，处罚款并责令停业整治（大气污染防治法第一百一十八条第一款）；应告知听证权利。',
    penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'],
    fineMin: '40000',
    fineMax: '50000',
  }),
];

const spilledLoadTiers: DiscretionTierValue[] = [
  tier({
    tier: 'MINOR',
    circumstances: `车辆密闭装置轻微破损或者苫盖不严，遗撒量小（污染路面10平方米以下），当场清理的。${ART33}`,
    penaltyTypes: ['FINE'],
    fineMin: '2000',
    fineMax: '5000',
  }),
  tier({
    tier: 'ORDINARY',
    circumstances: '未采取密闭或者其他防遗撒措施，污染路面10平方米以上50平方米以下，经责令后清理的。',
    penaltyTypes: ['FINE'],
    fineMin: '5000',
    fineMax: '10000',
  }),
  tier({
    tier: 'SERIOUS',
    circumstances: '污染路面50平方米以上，或者一年内因同一违法行为受过行政处罚的。',
    penaltyTypes: ['FINE'],
    fineMin: '10000',
    fineMax: '15000',
  }),
  tier({
    tier: 'GRAVE',
    circumstances: '遗撒造成交通安全隐患或者恶劣社会影响，或者拒不改正的（拒不改正的车辆不得上道路行驶，通报公安机关交通管理部门）。',
    penaltyTypes: ['FINE'],
    fineMin: '15000',
    fineMax: '20000',
  }),
];

const constructionDustTiers: DiscretionTierValue[] = [
  tier({
    tier: 'MINOR',
    circumstances: `围挡局部破损或者裸土覆盖不完整，面积较小，经责令立即改正的。${ART33}`,
    penaltyTypes: ['FINE'],
    fineMin: '10000',
    fineMax: '30000',
  }),
  tier({
    tier: 'ORDINARY',
    circumstances: '未设置硬质密闭围挡，或者未采取洒水抑尘、冲洗车辆等防尘降尘措施之一，经责令后限期改正的。',
    penaltyTypes: ['FINE'],
    fineMin: '30000',
    fineMax: '60000',
  }),
  tier({
    tier: 'SERIOUS',
    circumstances: '同时存在两项以上未采取防尘降尘措施的情形，或者建筑土方、工程渣土、建筑垃圾大面积未清运未遮盖，或者一年内受过同类处罚的。',
    penaltyTypes: ['FINE'],
    fineMin: '60000',
    fineMax: '80000',
  }),
  tier({
    tier: 'GRAVE',
    circumstances: '重污染天气预警期间违反防尘要求，或者经责令改正拒不改正的，处罚款并责令停工整治（大气污染防治法第一百一十五条第一款）。',
    penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'],
    fineMin: '80000',
    fineMax: '100000',
  }),
];

const wasteDumpingTiers: DiscretionTierValue[] = [
  tier({
    tier: 'MINOR',
    circumstances: `倾倒、堆放建筑垃圾5立方米以下，未造成环境污染，经责令立即清理的。${ART33}`,
    penaltyTypes: ['WARNING', 'FINE'],
    fineMin: '5000',
    fineMax: '10000',
  }),
  tier({
    tier: 'ORDINARY',
    circumstances: '倾倒、堆放建筑垃圾5立方米以上20立方米以下，经责令后限期清理的。',
    penaltyTypes: ['WARNING', 'FINE'],
    fineMin: '10000',
    fineMax: '25000',
  }),
  tier({
    tier: 'SERIOUS',
    circumstances: '倾倒、堆放建筑垃圾20立方米以上，或者倾倒于绿地、水体周边，或者一年内受过同类处罚的。',
    penaltyTypes: ['WARNING', 'FINE'],
    fineMin: '25000',
    fineMax: '40000',
  }),
  tier({
    tier: 'GRAVE',
    circumstances: '拒不改正，或者造成严重环境污染、恶劣社会影响的。',
    penaltyTypes: ['WARNING', 'FINE'],
    fineMin: '40000',
    fineMax: '50000',
  }),
];

const wasteDumpingPersonTiers: DiscretionTierValue[] = [
  tier({
    tier: 'MINOR',
    circumstances: `倾倒、堆放装修垃圾等建筑垃圾1立方米以下，经责令当场清运的。${ART33}`,
    penaltyTypes: ['WARNING', 'FINE'],
    fineMin: '50',
    fineMax: '100',
  }),
  tier({
    tier: 'ORDINARY',
    circumstances: '倾倒、堆放建筑垃圾1立方米以上，经责令后清运的。',
    penaltyTypes: ['WARNING', 'FINE'],
    fineMin: '100',
    fineMax: '150',
  }),
  tier({
    tier: 'SERIOUS',
    circumstances: '倾倒于绿地、水体周边，或者一年内受过同类处罚，或者拒不清运的。',
    penaltyTypes: ['WARNING', 'FINE'],
    fineMin: '150',
    fineMax: '200',
  }),
];

const benchmark = (powerItemCode: string, tiers: DiscretionTierValue[]): SeedDocument<'DISCRETION_BENCHMARK'> => {
  const content: DiscretionBenchmarkContent = { powerItemCode, tiers };
  return { kind: 'DISCRETION_BENCHMARK', agencyKey: BUREAU, code: powerItemCode, status: 'PUBLISHED', content };
};

// ---------------------------------------------------------------------------------------------------
// Random inspection items (随机抽查事项清单)
// ---------------------------------------------------------------------------------------------------

const INSPECTORS = '从执法检查人员名录库随机抽取，持有效执法证件且执法类别覆盖本事项的执法人员不少于2名；与检查对象有利害关系的应当回避。';

const inspection = (code: string, content: RandomInspectionItemContent): SeedDocument<'RANDOM_INSPECTION_ITEM'> => ({
  kind: 'RANDOM_INSPECTION_ITEM',
  agencyKey: BUREAU,
  code,
  status: 'PUBLISHED',
  content,
});

// ---------------------------------------------------------------------------------------------------
// Audio-video recording list (音像记录事项清单), seed 二(二)3
// ---------------------------------------------------------------------------------------------------

const ART47 = basis(XZCFF, '第四十七条', '行政机关应当依法以文字、音像等形式，对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存。');
const PLAN_AV = basis(PLAN, '二（二）3', '对现场执法、调查取证、举行听证、留置送达和公告送达等容易引发争议的行政执法过程，根据实际情况进行音像记录。');

const av = (code: string, content: AvRecordingRuleContent): SeedDocument<'AV_RECORDING_RULE'> => ({
  kind: 'AV_RECORDING_RULE',
  agencyKey: BUREAU,
  code,
  status: 'PUBLISHED',
  content,
});

// ---------------------------------------------------------------------------------------------------
// Review catalog (重大执法决定法制审核目录清单), seed 二(三)3, DOMAIN.md R5
// ---------------------------------------------------------------------------------------------------

const ART58 = (item: string, excerpt: string) => basis(XZCFF, `第五十八条第一款${item}`, excerpt);
const PLAN_REVIEW = basis(
  PLAN,
  '二（三）3',
  '凡涉及重大公共利益，可能造成重大社会影响或引发社会风险，直接关系行政相对人或第三人重大权益，经过听证程序作出行政执法决定，以及案件情况疑难复杂、涉及多个法律关系的，应当进行法制审核。一般程序行政处罚决定都要进行法制审核；适用听证程序的行政许可事项都要进行法制审核。',
);

const reviewRule = (code: string, content: ReviewCatalogRuleContent): SeedDocument<'REVIEW_CATALOG_RULE'> => ({
  kind: 'REVIEW_CATALOG_RULE',
  agencyKey: BUREAU,
  code,
  status: 'PUBLISHED',
  content,
});

const annualPlan: AnnualEnforcementPlanContent = {
  year: 2026,
  title: '米东区城市管理局2026年度行政执法计划',
  summary:
    '依据《中华人民共和国行政处罚法》《中华人民共和国大气污染防治法》《城市市容和环境卫生管理条例》等法律法规，结合米东区城市管理工作实际，2026年度以大气污染防治和市容环境秩序为重点开展行政执法：' +
    '一是对餐饮服务业油烟排放、建筑工地扬尘污染防治、散装物料运输车辆密闭运输、户外广告设施设置实施“双随机、一公开”抽查，抽查比例和频次按随机抽查事项清单执行，抽查结果自检查结束之日起二十个工作日内公开；' +
    '二是在夏季夜间重点时段对禁止区域内露天烧烤开展专项整治；' +
    '三是严格落实行政执法“三项制度”，执法人员不少于两人并出示执法证件，音像记录清单所列活动全程记录，一般程序行政处罚决定一律经法制审核；' +
    '四是行政许可、行政处罚决定自作出之日起七个工作日内公开，其他行政执法决定二十个工作日内公开；' +
    '五是每季度开展案卷评查，年终对执法计划执行情况进行总结并向社会公布。',
  focusAreas: [
    '餐饮服务业油烟污染治理',
    '建筑工地扬尘污染防治',
    '散装物料运输车辆遗撒治理',
    '禁止区域露天烧烤专项整治',
    '建筑垃圾随意倾倒治理',
    '户外广告设施规范设置',
  ],
  plannedInspections: 480,
};

// ---------------------------------------------------------------------------------------------------
// All ex-ante documents
// ---------------------------------------------------------------------------------------------------

const powerItem = (
  code: string,
  content: PowerItemContent,
  status: SeedDocument['status'] = 'PUBLISHED',
  history?: PowerItemContent[],
): SeedDocument<'POWER_ITEM'> => ({ kind: 'POWER_ITEM', agencyKey: BUREAU, code, status, content, ...(history ? { history } : {}) });

export const SEED_DOCUMENTS: SeedDocument[] = [
  // --- power items ---
  powerItem(C.OPEN_AIR_BARBECUE, barbecueCurrent, 'PUBLISHED', [barbecue2023]),
  powerItem(C.CATERING_FUMES, fumes),
  powerItem(C.SPILLED_LOAD, spilledLoad),
  powerItem(C.CONSTRUCTION_DUST, constructionDust),
  powerItem(C.CONSTRUCTION_WASTE_DUMPING, wasteDumping),
  powerItem(C.CONSTRUCTION_WASTE_DUMPING_PERSON, wasteDumpingPerson),
  powerItem(C.SEIZURE, seizure),
  powerItem(C.TEMPORARY_STACKING_LICENCE, temporaryStackingLicence),
  powerItem(C.FUMES_INSPECTION, fumesInspection),
  powerItem(C.TOXIC_BURNING_DRAFT, toxicBurningDraft, 'DRAFT'),
  powerItem(C.UNAPPROVED_STACKING_SUBMITTED, unapprovedStackingSubmitted, 'SUBMITTED'),

  // --- discretion benchmarks (one per published penalty item) ---
  benchmark(C.OPEN_AIR_BARBECUE, barbecueTiers),
  benchmark(C.CATERING_FUMES, fumesTiers),
  benchmark(C.SPILLED_LOAD, spilledLoadTiers),
  benchmark(C.CONSTRUCTION_DUST, constructionDustTiers),
  benchmark(C.CONSTRUCTION_WASTE_DUMPING, wasteDumpingTiers),
  benchmark(C.CONSTRUCTION_WASTE_DUMPING_PERSON, wasteDumpingPersonTiers),

  // --- random inspection items ---
  inspection('650109-SJ-0001', {
    name: '对餐饮服务业经营者油烟排放情况的检查',
    subItem: '油烟净化设施安装、正常使用及清洗维护情况',
    basis: [
      basis(DQF, '第八十一条第一款', '排放油烟的餐饮服务业经营者应当安装油烟净化设施并保持正常使用，或者采取其他油烟净化措施，使油烟达标排放。'),
      basis(DQF, '第一百一十八条第一款', '超过排放标准排放油烟的，责令改正，处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。'),
    ],
    subject: '乌鲁木齐市米东区城市管理局',
    objectType: '辖区内排放油烟的餐饮服务业经营者',
    method: '现场检查',
    ratioPercent: 10,
    frequency: '每年不少于1次',
    inspectorRequirements: INSPECTORS,
    powerItemCode: C.CATERING_FUMES,
  }),
  inspection('650109-SJ-0002', {
    name: '对建筑工地扬尘污染防治的检查',
    subItem: '硬质密闭围挡、覆盖、洒水抑尘、车辆冲洗及建筑垃圾清运遮盖情况',
    basis: [
      basis(
        DQF,
        '第一百一十五条第一款',
        '施工工地未设置硬质密闭围挡，或者未采取覆盖、分段作业、择时施工、洒水抑尘、冲洗地面和车辆等有效防尘降尘措施的，责令改正，处一万元以上十万元以下的罚款。',
      ),
    ],
    subject: '乌鲁木齐市米东区城市管理局',
    objectType: '辖区内在建房屋建筑和市政基础设施工程施工工地',
    method: '现场检查',
    ratioPercent: 20,
    frequency: '每年不少于2次（施工季4月至10月）',
    inspectorRequirements: INSPECTORS,
    powerItemCode: C.CONSTRUCTION_DUST,
  }),
  inspection('650109-SJ-0003', {
    name: '户外广告设施设置的检查',
    subItem: '大型户外广告设施审批手续及维护情况',
    basis: [
      basis(
        SRTL,
        '第十一条',
        '在城市中设置户外广告、标语牌、画廊、橱窗等，应当内容健康、外型美观，并定期维修、油饰或者拆除。大型户外广告的设置必须征得城市人民政府市容环境卫生行政主管部门同意后，按照有关规定办理审批手续。',
      ),
    ],
    subject: '乌鲁木齐市米东区城市管理局',
    objectType: '辖区内户外广告设施设置单位',
    method: '现场检查',
    ratioPercent: 5,
    frequency: '每年不少于1次',
    inspectorRequirements: '从执法检查人员名录库随机抽取，持有效执法证件且执法类别含“市容环境卫生”的执法人员不少于2名；与检查对象有利害关系的应当回避。',
    powerItemCode: null,
  }),
  inspection('650109-SJ-0004', {
    name: '对散装、流体物料运输车辆防遗撒措施的检查',
    subItem: '渣土、砂石、灰浆运输车辆密闭装置使用情况',
    basis: [
      basis(
        DQF,
        '第一百一十六条',
        '运输煤炭、垃圾、渣土、砂石、土方、灰浆等散装、流体物料的车辆，未采取密闭或者其他措施防止物料遗撒的，责令改正，处二千元以上二万元以下的罚款。',
      ),
    ],
    subject: '乌鲁木齐市米东区城市管理局',
    objectType: '辖区内从事渣土、砂石等散装物料运输的单位',
    method: '现场检查',
    ratioPercent: 10,
    frequency: '每年不少于1次',
    inspectorRequirements: INSPECTORS,
    powerItemCode: C.SPILLED_LOAD,
  }),

  // --- audio-video recording list ---
  av('650109-YX-0001', {
    activity: 'ON_SITE_INSPECTION',
    name: '现场检查',
    stage: 'INVESTIGATION',
    description: '执法人员开展现场检查、巡查发现违法行为时，自出示执法证件、表明身份起，对检查过程、现场状况和当事人陈述进行全程音像记录。',
    basis: [ART47, PLAN_AV, basis(XZCFF, '第五十五条', '执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件。')],
  }),
  av('650109-YX-0002', {
    activity: 'EVIDENCE_COLLECTION',
    name: '调查取证',
    stage: 'INVESTIGATION',
    description: '询问当事人或者证人、勘验、抽样取证、先行登记保存证据等调查取证活动进行音像记录，与询问笔录、勘验笔录相互印证。',
    basis: [
      ART47,
      PLAN_AV,
      basis(XZCFF, '第五十六条', '在收集证据时，可以采取抽样取证的方法；在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存。'),
    ],
  }),
  av('650109-YX-0003', {
    activity: 'COMPULSORY_MEASURE',
    name: '查封、扣押',
    stage: 'INVESTIGATION',
    description: '实施查封、扣押等行政强制措施时，对告知理由依据、听取陈述申辩、清点财物、制作现场笔录和清单、交付决定书的全过程进行音像记录。',
    basis: [
      PLAN_AV,
      basis(XZQZF, '第十八条', '实施行政强制措施应当出示执法身份证件，通知当事人到场，当场告知理由、依据及权利、救济途径，听取陈述和申辩，制作现场笔录。'),
      basis(XZQZF, '第二十四条', '制作并当场交付查封、扣押决定书和清单。'),
    ],
  }),
  av('650109-YX-0004', {
    activity: 'HEARING',
    name: '举行听证',
    // A hearing follows the rights notice and precedes legal review (FILED → … → HEARING → UNDER_REVIEW);
    // among the Art. 47 record stages it belongs with the pre-review part of the case, hence INVESTIGATION.
    stage: 'INVESTIGATION',
    description:
      '举行听证时，对调查人员提出违法事实、证据和处罚建议，当事人申辩和质证的全过程进行音像记录，与听证笔录一并归档。听证在告知之后、法制审核之前进行。',
    basis: [ART47, PLAN_AV, basis(XZCFF, '第六十四条', '听证应当制作笔录。笔录应当交当事人或者其代理人核对无误后签字或者盖章。')],
  }),
  av('650109-YX-0005', {
    activity: 'LODGED_SERVICE',
    name: '留置送达',
    stage: 'SERVICE',
    description: '受送达人拒绝签收执法文书的，对邀请见证人到场、说明情况、将文书留置在受送达人住所的过程进行音像记录。',
    basis: [
      ART47,
      PLAN_AV,
      basis(XZCFF, '第六十一条第一款', '当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。'),
    ],
  }),
  av('650109-YX-0006', {
    activity: 'ANNOUNCEMENT_SERVICE',
    name: '公告送达',
    stage: 'SERVICE',
    description: '受送达人下落不明或者用其他方式无法送达的，对在受送达人住所地、公告栏张贴公告的过程进行音像记录，并保存公告载体截图。',
    basis: [ART47, PLAN_AV, basis(XZCFF, '第六十一条第一款', '依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。')],
  }),
  av('650109-YX-0007', {
    activity: 'ENFORCEMENT',
    name: '强制执行',
    stage: 'EXECUTION',
    description: '实施行政强制执行（含强制拆除违法设施、代履行）时，对催告送达、公告、现场执行和物品清点移交的全过程进行音像记录。',
    basis: [
      ART47,
      basis(XZQZF, '第三十五条', '行政机关作出强制执行决定前，应当事先催告当事人履行义务。催告应当以书面形式作出。'),
      basis(XZQZF, '第四十四条', '对违法的建筑物、构筑物、设施等需要强制拆除的，应当由行政机关予以公告，限期当事人自行拆除。'),
    ],
  }),

  // --- review catalog ---
  reviewRule('650109-SH-0001', {
    description: '适用普通（一般）程序作出的行政处罚决定',
    basis: [
      PLAN_REVIEW,
      ART58('第（四）项', '法律、法规规定应当进行法制审核的其他情形。'),
      basis(XZCFF, '第五十八条第一款', '未经法制审核或者审核未通过的，不得作出决定。'),
    ],
    procedure: 'GENERAL',
    caseTypes: ['PENALTY'],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: null,
    flags: [],
    collectiveDiscussion: false,
  }),
  reviewRule('650109-SH-0002', {
    description: '经过听证程序作出的行政许可决定',
    basis: [
      PLAN_REVIEW,
      basis(
        XZXKF,
        '第四十六条',
        '法律、法规、规章规定实施行政许可应当听证的事项，或者行政机关认为需要听证的其他涉及公共利益的重大行政许可事项，行政机关应当向社会公告，并举行听证。',
      ),
      basis(
        XZXKF,
        '第四十七条',
        '行政许可直接涉及申请人与他人之间重大利益关系的，行政机关在作出行政许可决定前，应当告知申请人、利害关系人享有要求听证的权利。',
      ),
    ],
    procedure: null,
    caseTypes: ['LICENSING'],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: true,
    flags: [],
    collectiveDiscussion: false,
  }),
  reviewRule('650109-SH-0003', {
    description: '涉及重大公共利益的行政执法决定',
    basis: [ART58('第（一）项', '涉及重大公共利益的。'), PLAN_REVIEW],
    procedure: null,
    caseTypes: [],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: null,
    flags: ['MAJOR_PUBLIC_INTEREST'],
    collectiveDiscussion: false,
  }),
  reviewRule('650109-SH-0004', {
    description: '可能造成重大社会影响或者引发社会风险的行政执法决定',
    basis: [PLAN_REVIEW],
    procedure: null,
    caseTypes: [],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: null,
    flags: ['MAJOR_SOCIAL_IMPACT'],
    collectiveDiscussion: false,
  }),
  reviewRule('650109-SH-0005', {
    description: '直接关系当事人或者第三人重大权益，经过听证程序的行政执法决定',
    basis: [
      basis(XZCFF, '第五十七条第二款', '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。'),
      ART58('第（二）项', '直接关系当事人或者第三人重大权益，经过听证程序的。'),
      PLAN_REVIEW,
    ],
    procedure: null,
    caseTypes: [],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: true,
    flags: ['MAJOR_RIGHTS'],
    collectiveDiscussion: true,
  }),
  reviewRule('650109-SH-0006', {
    description: '案件情况疑难复杂、涉及多个法律关系的行政执法决定',
    basis: [
      basis(XZCFF, '第五十七条第二款', '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。'),
      ART58('第（三）项', '案件情况疑难复杂、涉及多个法律关系的。'),
      PLAN_REVIEW,
    ],
    procedure: null,
    caseTypes: [],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: null,
    flags: ['COMPLEX'],
    collectiveDiscussion: true,
  }),
  reviewRule('650109-SH-0007', {
    description: '违法行为涉嫌犯罪、拟移送司法机关的案件',
    basis: [
      basis(XZCFF, '第二十七条第一款', '违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任。'),
      basis(XZCFF, '第五十七条第一款第（四）项', '违法行为涉嫌犯罪的，移送司法机关。'),
      basis(PLAN, '二（三）4', '重点审核……违法行为是否涉嫌犯罪、需要移送司法机关等。'),
    ],
    procedure: null,
    caseTypes: [],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: null,
    flags: ['CRIMINAL_REFERRAL'],
    collectiveDiscussion: false,
  }),
  reviewRule('650109-SH-0008', {
    description: '罚款数额达到本机关确定标准的行政处罚决定：对公民（含个体工商户）处1万元以上、对法人或者其他组织处10万元以上罚款',
    basis: [
      ART58('第（四）项', '法律、法规规定应当进行法制审核的其他情形。'),
      basis(XZCFF, '第六十三条第一款第（一）项', '拟作出较大数额罚款的行政处罚决定，应当告知当事人有要求听证的权利。'),
      PLAN_REVIEW,
    ],
    procedure: null,
    caseTypes: ['PENALTY'],
    penaltyTypes: [],
    fineThresholds: [
      { partyKind: 'NATURAL_PERSON', amount: '10000' },
      { partyKind: 'INDIVIDUAL_BUSINESS', amount: '10000' },
      { partyKind: 'LEGAL_PERSON', amount: '100000' },
    ],
    hearingHeld: null,
    flags: [],
    collectiveDiscussion: false,
  }),
  reviewRule('650109-SH-0009', {
    description: '拟作出吊销许可证件、责令停产停业、责令关闭的行政处罚决定',
    basis: [
      basis(XZCFF, '第五十七条第二款', '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。'),
      basis(XZCFF, '第六十三条第一款第（三）项、第（四）项', '降低资质等级、吊销许可证件；责令停产停业、责令关闭、限制从业。'),
      PLAN_REVIEW,
    ],
    procedure: null,
    caseTypes: ['PENALTY'],
    penaltyTypes: ['REVOKE_LICENCE', 'ORDER_STOP_BUSINESS', 'ORDER_CLOSURE'],
    fineThresholds: [],
    hearingHeld: null,
    flags: [],
    collectiveDiscussion: true,
  }),

  // --- annual plan ---
  {
    kind: 'ANNUAL_ENFORCEMENT_PLAN',
    agencyKey: BUREAU,
    code: '650109-PLAN-2026',
    status: 'PUBLISHED',
    content: annualPlan,
  } satisfies SeedDocument<'ANNUAL_ENFORCEMENT_PLAN'>,
];
