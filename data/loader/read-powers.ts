import type { DataFile, DataPath } from '../../kernel/data-file.js';
import { isBusinessDate } from '../../kernel/clock.js';
import {
  checkEntrustmentFacts,
  parseAnnualPlan,
  parseAgencyLeader,
  parseAvRecordingRule,
  parseCode,
  parseCredentialNumber,
  parseDiscretionTiers,
  parseEnforcementAreas,
  parseEntrustment,
  parseName,
  parsePolicy,
  parsePowerItem,
  parseRandomInspectionItem,
  parseReviewCatalogRule,
  parseUscc,
  parseValidity,
} from '../../subgraphs/powers/domain/validate.js';
import type {
  AgencyPolicyValue,
  CredentialStatus,
  EntrustmentValue,
  ExAnteContent,
  ExAnteKind,
  PowerItemContent,
  RandomInspectionItemContent,
} from '../../subgraphs/powers/domain/types.js';
import { agencyIdOf, officerIdOf } from './ids.js';
import {
  agenciesFile,
  agencyLeadersFile,
  annualPlansFile,
  avRulesFile,
  benchmarksFile,
  inspectionItemsFile,
  officersFile,
  powerItemsFile,
  reviewCatalogFile,
  type AgencyEntry,
  type OfficerEntry,
  DOCUMENT_STATUSES,
} from './schema.js';

// agencies.yaml, officers.yaml and the list documents, checked by the powers subgraph's validators (the ones
// its mutations run) and against each other (an officer's agency, a benchmark's power item, an entrustment).

export type AgencyData = Omit<AgencyEntry, 'policy' | 'entrustment'> & { id: string; policy: AgencyPolicyValue; entrustment: EntrustmentValue | null };
export type OfficerData = Omit<OfficerEntry, 'agency'> & { agency: string };
export interface DocumentData {
  kind: ExAnteKind;
  agency: string;
  code: string;
  status: (typeof DOCUMENT_STATUSES)[number];
  /** Oldest first; the last is the current version (with `status`), the earlier ones were published and retired. */
  versions: ExAnteContent[];
}
export interface PowersData {
  agencies: AgencyData[];
  officers: OfficerData[];
  documents: DocumentData[];
}

/** The files of the powers side, each already read (null when the folder has no such file). */
export interface PowersFiles {
  agencies: DataFile;
  officers: DataFile;
  powerItems: DataFile | null;
  benchmarks: DataFile | null;
  inspectionItems: DataFile | null;
  avRules: DataFile | null;
  reviewCatalog: DataFile | null;
  annualPlans: DataFile | null;
  agencyLeaders: DataFile | null;
}

function duplicates<T>(f: DataFile, listPath: DataPath, items: T[], keyOf: (t: T) => string, what: string) {
  const seen = new Set<string>();
  items.forEach((t, i) => {
    const k = keyOf(t);
    if (seen.has(k)) f.problem([...listPath, i], `${what} ${k} 重复`);
    seen.add(k);
  });
}

function readAgencies(f: DataFile): AgencyData[] {
  const file = f.shape(agenciesFile);
  if (!file) return [];
  duplicates(f, ['agencies'], file.agencies, (a) => a.key, '执法主体键');
  duplicates(f, ['agencies'], file.agencies, (a) => a.uscc, '统一社会信用代码');
  const out: AgencyData[] = [];
  file.agencies.forEach((a, i) => {
    const at = (field: string): DataPath => ['agencies', i, field];
    const name = f.check([], () => parseName(a.name, `agencies.${i}.name`, 200));
    const uscc = f.check(at('uscc'), () => parseUscc(a.uscc, ''));
    const region = f.check([], () => parseName(a.region, `agencies.${i}.region`));
    a.legalBasis.forEach((b, j) => {
      f.check([], () => parseName(b.law, `agencies.${i}.legalBasis.${j}.law`, 200));
      f.check([], () => parseName(b.article, `agencies.${i}.legalBasis.${j}.article`));
    });
    const policy = f.check(at('policy'), () => parsePolicy(a.policy));
    if (policy) f.unknownKeys(at('policy'), a.policy, policy);
    if (name === undefined || uscc === undefined || region === undefined || !policy) return;
    out.push({ ...a, id: agencyIdOf(a.key), name, uscc, region, policy, entrustment: null });
  });
  return out;
}

function readOfficers(f: DataFile, agencies: AgencyData[]): OfficerData[] {
  const file = f.shape(officersFile);
  if (!file) return [];
  duplicates(f, ['officers'], file.officers, (o) => o.key, '执法人员键');
  duplicates(f, ['officers'], file.officers, (o) => o.credentialNumber, '执法证号');
  const out: OfficerData[] = [];
  file.officers.forEach((o, i) => {
    const at = (...p: DataPath): DataPath => ['officers', i, ...p];
    const agency = o.agency ?? file.agency;
    if (!agency) return f.problem(at('agency'), '缺少 agency（或文件顶层的 agency）');
    if (!agencies.some((a) => a.key === agency)) f.problem(o.agency ? at('agency') : ['agency'], `执法主体 ${agency} 不在 agencies.yaml 中`);
    const ok = [
      f.check(at(), () => parseName(o.name, 'name')),
      f.check(at(), () => parseCredentialNumber(o.credentialNumber)),
      f.check(at(), () => (parseValidity(o.validFrom, o.validUntil), true)),
    ];
    const areas = f.check(at(), () => parseEnforcementAreas(o.enforcementAreas));
    // The current status is the last dated change: the file must not say two things about one credential.
    const changes = [{ status: 'VALID' as CredentialStatus, effectiveFrom: o.validFrom }, ...o.history];
    const latest = [...changes].sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? -1 : x.effectiveFrom > y.effectiveFrom ? 1 : 0)).at(-1)!;
    if (isBusinessDate(o.validFrom) && latest.status !== o.credentialStatus) {
      f.problem(at('credentialStatus'), `执法证状态 ${o.credentialStatus} 与状态历史不符（最近一次为 ${latest.effectiveFrom} 起 ${latest.status}）`);
    }
    if (o.firstTimeReviewer && !o.reviewQualified) f.problem(at('firstTimeReviewer'), '初次从事法制审核的人员须同时 reviewQualified: true');
    if (ok.includes(undefined) || !areas) return;
    out.push({ ...o, agency, name: o.name.trim(), credentialNumber: o.credentialNumber.trim(), enforcementAreas: areas });
  });
  return out;
}

type Parse = (content: Record<string, unknown>, path: DataPath, entry: Record<string, unknown>) => ExAnteContent | undefined;

/** One list file: each entry's own fields, its content through the kind's validator, misspelt fields refused. */
function readList(
  f: DataFile | null,
  schema: Parameters<DataFile['shape']>[0],
  listName: string,
  kind: ExAnteKind,
  agencies: AgencyData[],
  own: readonly string[],
  parse: Parse,
  codeOf: (e: Record<string, unknown>, content: ExAnteContent, agency: AgencyData) => string,
): DocumentData[] {
  if (!f) return [];
  const file = f.shape(schema) as ({ agency?: string } & Record<string, Record<string, unknown>[]>) | undefined;
  if (!file) return [];
  const out: DocumentData[] = [];
  file[listName]!.forEach((e, i) => {
    const at = (...p: DataPath): DataPath => [listName, i, ...p];
    const agencyKey = (e.agency as string | undefined) ?? file.agency;
    const agency = agencies.find((a) => a.key === agencyKey);
    if (!agencyKey) return f.problem(at('agency'), '缺少 agency（或文件顶层的 agency）');
    if (!agency) return f.problem(e.agency ? at('agency') : ['agency'], `执法主体 ${agencyKey} 不在 agencies.yaml 中`);
    const content = Object.fromEntries(Object.entries(e).filter(([k]) => !own.includes(k)));
    const earlier = (e.earlierVersions as Record<string, unknown>[] | undefined) ?? [];
    const versions = [...earlier.map((v, j) => ({ raw: v, path: at('earlierVersions', j) })), { raw: content, path: at() }].map(({ raw, path }) => {
      const parsed = parse(raw, path, e);
      if (parsed) f.unknownKeys(path, raw, parsed);
      return parsed;
    });
    if (versions.some((v) => v === undefined)) return;
    const code = f.check(at('code'), () => parseCode(codeOf(e, versions.at(-1)!, agency), ''));
    if (code === undefined) return;
    out.push({ kind, agency: agency.key, code, status: e.status as DocumentData['status'], versions: versions as ExAnteContent[] });
  });
  duplicates(f, [listName], out, (d) => d.code, '编码');
  return out;
}

const given = (e: Record<string, unknown>) => String(e.code ?? '');

/** Reads and checks the powers side; problems are left in the files (the caller throws them all at once). */
export function readPowers(files: PowersFiles): PowersData {
  const agencies = readAgencies(files.agencies);
  const officers = readOfficers(files.officers, agencies);
  const check =
    (f: DataFile | null, fn: (raw: unknown) => ExAnteContent): Parse =>
    (raw, path) =>
      f!.check(path, () => fn(raw));
  const { powerItems: pi, benchmarks: bm, inspectionItems: ii, avRules: av, reviewCatalog: rc, annualPlans: ap, agencyLeaders: al } = files;
  const items = readList(
    pi,
    powerItemsFile,
    'powerItems',
    'POWER_ITEM',
    agencies,
    ['code', 'agency', 'status', 'earlierVersions'],
    check(pi, (r) => parsePowerItem(r, '')),
    given,
  );
  const itemOf = (code: string) => items.find((d) => d.code === code);
  const benchmarks = readList(
    bm,
    benchmarksFile,
    'benchmarks',
    'DISCRETION_BENCHMARK',
    agencies,
    ['powerItem', 'agency', 'status'],
    (raw, path, e) => bm!.check([...path, 'tiers'], () => parseDiscretionTiers(raw.tiers, String(e.powerItem), '')),
    (e) => String(e.powerItem),
  );
  benchmarks.forEach((b, i) => {
    const item = itemOf(b.code);
    // As createDiscretionBenchmark: the item exists and belongs to the same agency.
    if (!item) bm!.problem(['benchmarks', i, 'powerItem'], `权力事项 ${b.code} 不存在`);
    else if (item.agency !== b.agency) bm!.problem(['benchmarks', i, 'powerItem'], `权力事项 ${b.code} 不属于该执法主体`);
  });
  const inspections = readList(
    ii,
    inspectionItemsFile,
    'items',
    'RANDOM_INSPECTION_ITEM',
    agencies,
    ['code', 'agency', 'status'],
    check(ii, (r) => parseRandomInspectionItem(r, '')),
    given,
  );
  inspections.forEach((d, i) => {
    const code = (d.versions.at(-1) as RandomInspectionItemContent).powerItemCode;
    if (code && !itemOf(code)) ii!.problem(['items', i, 'powerItemCode'], `权力事项 ${code} 不存在`);
  });
  const documents = [
    ...items,
    ...benchmarks,
    ...inspections,
    ...readList(
      av,
      avRulesFile,
      'rules',
      'AV_RECORDING_RULE',
      agencies,
      ['code', 'agency', 'status'],
      check(av, (r) => parseAvRecordingRule(r, '')),
      given,
    ),
    ...readList(
      rc,
      reviewCatalogFile,
      'rules',
      'REVIEW_CATALOG_RULE',
      agencies,
      ['code', 'agency', 'status'],
      check(rc, (r) => parseReviewCatalogRule(r, '')),
      given,
    ),
    // As createAnnualEnforcementPlan: the code is the agency's USCC and the year unless the file gives one.
    ...readList(
      ap,
      annualPlansFile,
      'plans',
      'ANNUAL_ENFORCEMENT_PLAN',
      agencies,
      ['code', 'agency', 'status'],
      check(ap, (r) => parseAnnualPlan(r, '')),
      (e, c, a) => (e.code ? String(e.code) : `${a.uscc}-PLAN-${(c as { year: number }).year}`),
    ),
  ];
  // Art. 57(2): the leaders' list names officers of the same agency by key (as createAgencyLeader checks).
  documents.push(
    ...readList(
      al,
      agencyLeadersFile,
      'leaders',
      'AGENCY_LEADER',
      agencies,
      ['code', 'agency', 'status', 'officer'],
      (raw, path, e) => {
        const o = officers.find((x) => x.key === e.officer);
        const agencyKey = (e.agency as string | undefined) ?? (al!.raw as { agency?: string }).agency;
        if (!o || o.agency !== agencyKey) {
          al!.problem([...path, 'officer'], `执法人员 ${String(e.officer)} 不在 officers.yaml 中或不属于该执法主体`);
          return undefined;
        }
        return al!.check(path, () => parseAgencyLeader({ ...(raw as object), officerId: officerIdOf(o.key), name: o.name }, ''));
      },
      given,
    ),
  );
  readEntrustments(files.agencies, agencies, items);
  return { agencies, officers, documents };
}

/** Art. 20 entrustments, checked once the entrusting agency's power items are known. */
function readEntrustments(f: DataFile, agencies: AgencyData[], items: DocumentData[]) {
  const raw = (f.raw as { agencies?: { entrustment?: Record<string, unknown> }[] } | undefined)?.agencies ?? [];
  agencies.forEach((a) => {
    const i = raw.findIndex((r) => (r as { key?: string }).key === a.key);
    const given = raw[i]?.entrustment as
      { entrustingAgency: string; documentNumber: string; powerItemCodes: string[]; validFrom: string; validUntil: string } | undefined;
    if (!given) {
      if (a.kind === 'ENTRUSTED') f.problem(['agencies', i, 'kind'], '受委托组织（ENTRUSTED）须载明委托书（entrustment）');
      return;
    }
    const entrusting = agencies.find((x) => x.key === given.entrustingAgency);
    const { entrustingAgency, ...rest } = given;
    const renamed = { entrustingAgencyId: 'entrustingAgency' };
    const e = f.check(['agencies', i], () => parseEntrustment({ ...rest, entrustingAgencyId: entrusting?.id ?? entrustingAgency }), renamed);
    if (!e) return;
    const checked = f.check(
      ['agencies', i],
      () =>
        checkEntrustmentFacts(a.kind, e, a.id, {
          entrusting: entrusting ?? null,
          latestItem: (code) => {
            const d = items.find((x) => x.code === code);
            return d ? { agencyId: agencyIdOf(d.agency), category: (d.versions.at(-1) as PowerItemContent).category } : null;
          },
        }),
      renamed,
    );
    if (checked) a.entrustment = checked;
  });
}
