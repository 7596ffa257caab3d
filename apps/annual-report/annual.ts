import { readFileSync } from 'node:fs';
import { csvLine } from '../../kernel/statistics.js';
import { CLIENT_NAME_HEADER } from '../../kernel/bearer.js';
import { pdfRenderer } from './pdf.js';

// The annual enforcement statistics report (行政执法统计年报, issue 17; 国办发〔2018〕118号 “加强全过程记录数据统计分析”,
// 政府信息公开工作年度报告的行政处罚、行政许可情况). ONE federated statistics request (annual.graphql) gives every
// figure; the report model built from it renders to HTML (tables with Chinese headings, inline SVG charts, the notes
// on definitions), to CSV (one line per figure) and, through headless Chromium, to PDF. Every figure cell carries
// `data-figure="<id>"` so a test can check each one against the database. Aggregates only: no person appears.

export const ANNUAL_REPORT_QUERY = readFileSync(new URL('./annual.graphql', import.meta.url), 'utf8');
export const ANNUAL_REPORT_CLIENT = 'sanxiang-annual-report';

/** Debian's Chromium, as the dashboard test uses it (scripts/ensure-browser.sh installs it). */

interface Row {
  values: string[];
  labels: string[];
  count: number;
  amount: string | null;
}
interface Table {
  total: number;
  amount: string | null;
  rows: Row[];
}
interface Rate {
  numerator: number;
  denominator: number;
  excluded: number;
  rate: number | null;
}
/** The data of annual.graphql (the shape the gateway returns). */
export interface AnnualData {
  agencies: { id: string; name: string }[];
  statistics: {
    agencyId: string | null;
    from: string;
    to: string;
    asOf: string;
    staff:
      | {
          agency: { id: string; name: string };
          asOf: string;
          officers: number;
          validCredentials: number;
          reviewStaff: number;
          reviewStaffWithLegalCertificate: number;
        }[]
      | null;
    cases: {
      filedByCategory: Table;
      filedByMonth: Table;
      decisionsByOutcome: Table;
      decisionsByMonth: Table;
      decisionTypes: Table;
      hearings: { requested: number; held: number };
      reliefReceived: Table;
      reliefConcluded: Table;
      correctionRate: Rate;
      reviewCoverage: Rate;
      publicationTimeliness: Rate;
      withdrawalTimeliness: Rate;
      beyond90Days: Rate;
      recordCompleteness: Rate;
      caseDuration: { count: number; totalDays: number; average: number | null; max: number | null };
    } | null;
    reviews: {
      outcomes: { total: number; cells: { key: string; count: number }[] };
      duration: { count: number; average: number | null; max: number | null };
      overdue: Rate;
      qualificationCompliance: Rate;
    } | null;
    inspections: { completion: Rate; problemRate: Rate; publicationTimeliness: Rate } | null;
    /** Issue 30: clues by problem model and the 评议考核 scorecards (docs/supervision-models.md). */
    supervision: {
      cluesByModel: { model: { code: string; name: string }; raised: number; open: number; accepted: number; dismissed: number }[];
      scorecards: { agencyId: string; total: number | null; components: { code: string; name: string; weight: number; score: number | null }[] }[];
    } | null;
  };
}

export interface Figure {
  id: string;
  value: string;
}
export interface ReportRow {
  label: string;
  cells: Figure[];
}
export interface ReportSection {
  title: string;
  columns: string[];
  rows: ReportRow[];
  note?: string;
}
export interface AnnualReport {
  year: number;
  agencyName: string;
  from: string;
  to: string;
  asOf: string;
  sections: ReportSection[];
  /** Monthly trend: month label, cases filed, decisions made. */
  trend: { month: string; filed: number; decided: number }[];
  /** Data the charts draw (also in the tables). */
  decisionTypes: { label: string; count: number }[];
  correction: Rate | null;
}

export class ReportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** A rate over nothing (denominator 0) is not 0/0 or 0%: nothing in the period was subject to it. */
export const NOT_APPLICABLE = '—（本期无适用）';
const pct = (r: Rate | null | undefined) => (!r ? '—' : r.denominator === 0 ? NOT_APPLICABLE : r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
const UNAVAILABLE = '（该部分数据暂不可用）';

/** The report's variables: the calendar year, one agency or all. */
export const annualFilter = (year: number, agencyId: string | null) => ({ agencyId, from: `${year}-01-01`, to: `${year}-12-31` });

export function validYear(raw: string | undefined): number {
  if (!raw || !/^\d{4}$/.test(raw)) throw new ReportError('年份须为四位数字，如 2026', 'BAD_USER_INPUT');
  const y = Number(raw);
  if (y < 2000 || y > 2100) throw new ReportError('年份须在 2000 至 2100 之间', 'BAD_USER_INPUT');
  return y;
}

/** Build the report model from the one request's data. */
export function buildAnnualReport(year: number, data: AnnualData): AnnualReport {
  const s = data.statistics;
  const agencyName = s.agencyId ? (data.agencies.find((a) => a.id === s.agencyId)?.name ?? s.agencyId) : '全部执法主体';
  const sections: ReportSection[] = [];
  const c = s.cases;
  const rate = (id: string, label: string, r: Rate): ReportRow => ({
    label,
    cells: [
      { id: `${id}.numerator`, value: n(r.numerator) },
      { id: `${id}.denominator`, value: n(r.denominator) },
      { id: `${id}.rate`, value: pct(r) },
    ],
  });
  if (c) {
    const filed = new Map(c.filedByCategory.rows.map((r) => [r.values[0]!, r]));
    const decided = new Map<string, number>();
    for (const r of c.decisionsByOutcome.rows) decided.set(r.values[0]!, (decided.get(r.values[0]!) ?? 0) + r.count);
    const categories = ['PENALTY', 'LICENSING', 'COERCION', 'INSPECTION', 'OTHER'];
    const catLabel: Record<string, string> = { PENALTY: '行政处罚', LICENSING: '行政许可', COERCION: '行政强制', INSPECTION: '行政检查', OTHER: '其他' };
    sections.push({
      title: '一、执法案件总体情况',
      columns: ['执法类别', '立案（件）', '作出决定（件）'],
      rows: [
        ...categories.map((k) => ({
          label: catLabel[k]!,
          cells: [
            { id: `filed.${k}`, value: n(filed.get(k)?.count ?? 0) },
            { id: `decided.${k}`, value: n(decided.get(k) ?? 0) },
          ],
        })),
        {
          label: '合计',
          cells: [
            { id: 'filed.total', value: n(c.filedByCategory.total) },
            { id: 'decided.total', value: n(c.decisionsByOutcome.total) },
          ],
        },
      ],
      note: '立案按立案日期、决定按决定日期计入本年度。',
    });
    sections.push({
      title: '二、行政处罚决定按处罚种类',
      columns: ['处罚种类', '决定（件）', '金额（元）'],
      rows: [
        ...c.decisionTypes.rows.map((r) => ({
          label: r.labels[0]!,
          cells: [
            { id: `decisionTypes.${r.values[0]}.count`, value: n(r.count) },
            { id: `decisionTypes.${r.values[0]}.amount`, value: r.values[0] === 'FINE' || r.values[0]!.startsWith('CONFISCATE') ? (r.amount ?? '0.00') : '—' },
          ],
        })),
        {
          label: '合计（人次）',
          cells: [
            { id: 'decisionTypes.total', value: n(c.decisionTypes.total) },
            { id: 'decisionTypes.amount', value: c.decisionTypes.amount ?? '0.00' },
          ],
        },
      ],
      note: '一份决定并处多种处罚的，每种各计一次；罚款计罚款金额，没收计没收违法所得、非法财物的金额（同一决定并处两种没收的，金额计入没收违法所得一次）。',
    });
    const outcomeRows = (category: string, id: string) =>
      c.decisionsByOutcome.rows
        .filter((r) => r.values[0] === category)
        .map((r) => ({ label: r.labels[1]!, cells: [{ id: `${id}.${r.values[1]}`, value: n(r.count) }] }));
    const referrals = c.decisionsByOutcome.rows.filter((r) => r.values[1] === 'CRIMINAL_REFERRAL').reduce((sum, r) => sum + r.count, 0);
    sections.push({
      title: '三、行政许可、行政强制、听证与移送',
      columns: ['项目', '件数'],
      rows: [
        ...outcomeRows('LICENSING', 'licensing').map((r) => ({ ...r, label: `行政许可：${r.label}` })),
        ...outcomeRows('COERCION', 'coercion').map((r) => ({ ...r, label: `行政强制措施：${r.label}` })),
        { label: '当事人要求听证', cells: [{ id: 'hearings.requested', value: n(c.hearings.requested) }] },
        { label: '举行听证', cells: [{ id: 'hearings.held', value: n(c.hearings.held) }] },
        { label: '移送司法机关', cells: [{ id: 'transfers', value: n(referrals) }] },
      ],
      note: '听证按本年度作出的决定统计；移送司法机关为决定结果为“移送司法机关”的案件。',
    });
    const concluded = (kind: string, outcome: string) => c.reliefConcluded.rows.find((r) => r.values[0] === kind && r.values[1] === outcome)?.count ?? 0;
    const received = (kind: string) => c.reliefReceived.rows.find((r) => r.values[0] === kind)?.count ?? 0;
    const OUTCOMES: [string, string][] = [
      ['UPHELD', '维持'],
      ['CHANGED', '变更'],
      ['REVOKED', '撤销'],
      ['CONFIRMED_ILLEGAL', '确认违法'],
      ['CONFIRMED_VOID', '确认无效'],
      ['SETTLED', '调解、和解'],
      ['WITHDRAWN', '撤回、终止'],
    ];
    sections.push({
      title: '四、行政复议和行政诉讼',
      columns: ['项目', '行政复议', '行政诉讼'],
      rows: [
        {
          label: '收到申请（起诉）',
          cells: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'].map((k) => ({ id: `relief.received.${k}`, value: n(received(k)) })),
        },
        ...OUTCOMES.map(([o, label]) => ({
          label: `审结：${label}`,
          cells: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'].map((k) => ({ id: `relief.concluded.${k}.${o}`, value: n(concluded(k, o)) })),
        })),
      ],
      note: '收到按收到申请书（起诉状）副本的日期、审结按复议决定（裁判）日期计入本年度。',
    });
    sections.push({
      title: '五、执法质量',
      columns: ['指标', '分子', '分母', '比率'],
      rows: [
        rate('correctionRate', '纠错率（复议、诉讼中被变更、撤销、确认违法或无效）', c.correctionRate),
        rate('reviewCoverage', '法制审核覆盖率（须审核的决定）', c.reviewCoverage),
        rate('publicationTimeliness', '按期公示率', c.publicationTimeliness),
        rate('withdrawalTimeliness', '按期撤回率', c.withdrawalTimeliness),
        rate('beyond90Days', '超过九十日作出决定或超期未决定', c.beyond90Days),
        rate('recordCompleteness', '归档率', c.recordCompleteness),
      ],
      note: '比率的分母为 0 时记为“—”；超过九十日一项比率越低越好。',
    });
    sections.push({
      title: '六、办案时长',
      columns: ['项目', '数值'],
      rows: [
        { label: '作出决定（件）', cells: [{ id: 'caseDuration.count', value: n(c.caseDuration.count) }] },
        { label: '立案至决定平均（自然日）', cells: [{ id: 'caseDuration.average', value: n(c.caseDuration.average) }] },
        { label: '最长（自然日）', cells: [{ id: 'caseDuration.max', value: n(c.caseDuration.max) }] },
      ],
      note: '按决定日期计入本年度；简易程序当场作出的决定为 0 日。',
    });
  } else sections.push({ title: '一至六、案件部分', columns: ['说明'], rows: [{ label: UNAVAILABLE, cells: [] }] });
  if (s.staff) {
    sections.push({
      title: '七、执法人员和法制审核人员',
      columns: ['执法主体', '执法人员', '持有效执法证件', '法制审核人员', '其中具有法律职业资格'],
      rows: s.staff.map((f) => ({
        label: f.agency.name,
        cells: [
          { id: `staff.${f.agency.id}.officers`, value: n(f.officers) },
          { id: `staff.${f.agency.id}.validCredentials`, value: n(f.validCredentials) },
          { id: `staff.${f.agency.id}.reviewStaff`, value: n(f.reviewStaff) },
          { id: `staff.${f.agency.id}.reviewStaffWithLegalCertificate`, value: n(f.reviewStaffWithLegalCertificate) },
        ],
      })),
      note: `人数为 ${s.staff[0]?.asOf ?? s.to} 的情况：证件在该日状态有效且在有效期内。`,
    });
  } else sections.push({ title: '七、执法人员和法制审核人员', columns: ['说明'], rows: [{ label: UNAVAILABLE, cells: [] }] });
  const r = s.reviews;
  if (r) {
    const by = (k: string) => r.outcomes.cells.filter((x) => x.key === k).reduce((sum, x) => sum + x.count, 0);
    sections.push({
      title: '八、重大执法决定法制审核',
      columns: ['项目', '数值'],
      rows: [
        { label: '送审轮次', cells: [{ id: 'reviews.rounds', value: n(r.outcomes.total) }] },
        { label: '其中：同意', cells: [{ id: 'reviews.APPROVED', value: n(by('APPROVED')) }] },
        { label: '其中：存在问题退回', cells: [{ id: 'reviews.ISSUES_FOUND', value: n(by('ISSUES_FOUND')) }] },
        { label: '其中：审核中', cells: [{ id: 'reviews.PENDING', value: n(by('PENDING')) }] },
        { label: '出具意见平均用时（工作日）', cells: [{ id: 'reviews.duration.average', value: n(r.duration.average) }] },
        { label: '超期审核率', cells: [{ id: 'reviews.overdue.rate', value: pct(r.overdue) }] },
        { label: '审核人员资格合规率', cells: [{ id: 'reviews.qualificationCompliance.rate', value: pct(r.qualificationCompliance) }] },
      ],
      note: '送审轮次按送审日期计入本年度。',
    });
  } else sections.push({ title: '八、重大执法决定法制审核', columns: ['说明'], rows: [{ label: UNAVAILABLE, cells: [] }] });
  const i = s.inspections;
  if (i)
    sections.push({
      title: '九、“双随机、一公开”监管',
      columns: ['指标', '分子', '分母', '比率'],
      rows: [
        rate('inspections.completion', '抽查任务完成率', i.completion),
        rate('inspections.problemRate', '发现问题率', i.problemRate),
        rate('inspections.publicationTimeliness', '抽查结果按期公示率', i.publicationTimeliness),
      ],
    });
  else sections.push({ title: '九、“双随机、一公开”监管', columns: ['说明'], rows: [{ label: UNAVAILABLE, cells: [] }] });
  sections.push(...supervisionSections(s.supervision, data.agencies));

  const decidedByMonth = new Map((c?.decisionsByMonth.rows ?? []).map((x) => [x.values[0]!, x.count]));
  return {
    year,
    agencyName,
    from: s.from,
    to: s.to,
    asOf: s.asOf,
    sections,
    trend: (c?.filedByMonth.rows ?? []).map((x) => ({ month: x.labels[0]!, filed: x.count, decided: decidedByMonth.get(x.values[0]!) ?? 0 })),
    decisionTypes: (c?.decisionTypes.rows ?? []).map((x) => ({ label: x.labels[0]!, count: x.count })),
    correction: c?.correctionRate ?? null,
  };
}

/** Issue 30: 十、执法监督线索 (clues by problem model) and 十一、评议考核 (the scorecard of each agency). */
function supervisionSections(sup: AnnualData['statistics']['supervision'], agencies: AnnualData['agencies']): ReportSection[] {
  if (!sup)
    return [
      { title: '十、执法监督线索', columns: ['说明'], rows: [{ label: UNAVAILABLE, cells: [] }] },
      { title: '十一、评议考核', columns: ['说明'], rows: [{ label: UNAVAILABLE, cells: [] }] },
    ];
  const score = (v: number | null) => (v === null ? NOT_APPLICABLE : `${(v * 100).toFixed(1)}%`);
  const name = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  return [
    {
      title: '十、执法监督线索（问题模型）',
      columns: ['问题模型', '提出（件）', '待处理', '采纳', '不予采纳'],
      rows: sup.cluesByModel.map((c) => ({
        label: c.model.name,
        cells: (['raised', 'open', 'accepted', 'dismissed'] as const).map((k) => ({ id: `clues.${c.model.code}.${k}`, value: n(c[k]) })),
      })),
      note: '线索按提出日期计入本年度；模型定义、法律依据与参数见 docs/supervision-models.md。',
    },
    {
      title: '十一、评议考核',
      columns: ['执法主体及指标', '权重', '得分'],
      rows: sup.scorecards.length
        ? sup.scorecards.flatMap((card) => [
            {
              label: `${name(card.agencyId)}：总分（百分制）`,
              cells: [
                { id: `scorecard.${card.agencyId}.weights`, value: '100' },
                { id: `scorecard.${card.agencyId}.total`, value: card.total === null ? '—' : card.total.toFixed(2) },
              ],
            },
            ...card.components.map((c) => ({
              label: `${name(card.agencyId)}：${c.name}`,
              cells: [
                { id: `scorecard.${card.agencyId}.${c.code}.weight`, value: n(c.weight) },
                { id: `scorecard.${card.agencyId}.${c.code}.score`, value: score(c.score) },
              ],
            })),
          ])
        : [{ label: '本期无评议考核数据', cells: [] }],
      note: '各项得分为比率；本期无适用数据的项目不计入总分，其权重按比例分配给其他项目。',
    },
  ];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function trendChart(trend: AnnualReport['trend']): string {
  const w = 640;
  const h = 220;
  const max = Math.max(1, ...trend.map((t) => Math.max(t.filed, t.decided)));
  const slot = (w - 40) / Math.max(1, trend.length);
  const bars = trend
    .map((t, k) => {
      const x = 30 + k * slot;
      const bh = (v: number) => Math.round(((h - 50) * v) / max);
      return `<rect x="${x + 2}" y="${h - 30 - bh(t.filed)}" width="${slot / 2 - 3}" height="${bh(t.filed)}" fill="#2f6fab"><title>${esc(t.month)} 立案 ${t.filed}</title></rect>
<rect x="${x + slot / 2}" y="${h - 30 - bh(t.decided)}" width="${slot / 2 - 3}" height="${bh(t.decided)}" fill="#e39b2d"><title>${esc(t.month)} 决定 ${t.decided}</title></rect>
<text x="${x + slot / 2}" y="${h - 14}" font-size="10" text-anchor="middle">${esc(t.month.replace(/^\d+年/, ''))}</text>`;
    })
    .join('\n');
  return `<figure data-chart="trend"><figcaption>按月立案与决定数（蓝：立案；橙：决定）</figcaption><svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="按月趋势">${bars}<line x1="28" y1="${h - 30}" x2="${w - 8}" y2="${h - 30}" stroke="#666"/></svg></figure>`;
}

function barChart(title: string, items: { label: string; count: number }[]): string {
  const rowH = 22;
  const w = 640;
  const max = Math.max(1, ...items.map((x) => x.count));
  const body = items
    .map((x, k) => {
      const bw = Math.round((360 * x.count) / max);
      return `<text x="0" y="${k * rowH + 15}" font-size="12">${esc(x.label)}</text><rect x="200" y="${k * rowH + 3}" width="${Math.max(bw, x.count ? 2 : 0)}" height="${rowH - 8}" fill="#2f6fab"/><text x="${206 + bw}" y="${k * rowH + 15}" font-size="12">${x.count}</text>`;
    })
    .join('');
  return `<figure data-chart="${esc(title)}"><figcaption>${esc(title)}</figcaption><svg width="${w}" height="${Math.max(rowH, items.length * rowH) + 4}" role="img" aria-label="${esc(title)}">${body || '<text x="0" y="15" font-size="12">无数据</text>'}</svg></figure>`;
}

function correctionChart(r: Rate | null): string {
  if (!r) return '';
  const w = 640;
  const corrected = r.denominator ? Math.round((560 * r.numerator) / r.denominator) : 0;
  return `<figure data-chart="correction"><figcaption>纠错率：审结 ${r.denominator} 件，纠错 ${r.numerator} 件（${pct(r)}）</figcaption><svg width="${w}" height="34" role="img" aria-label="纠错率"><rect x="0" y="4" width="560" height="22" fill="#d9e4ef"/><rect x="0" y="4" width="${corrected}" height="22" fill="#c0392b"/></svg></figure>`;
}

/** The report as one self-contained HTML page (no external resource; prints to A4). */
export function renderAnnualHtml(rep: AnnualReport): string {
  const title = `${rep.agencyName}${rep.year}年度行政执法统计年报`;
  const sections = rep.sections
    .map(
      (s) => `<section><h2>${esc(s.title)}</h2>
<table><thead><tr>${s.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>
${s.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${r.cells.map((c) => `<td data-figure="${esc(c.id)}">${esc(c.value)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>${s.note ? `<p class="note">${esc(s.note)}</p>` : ''}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", sans-serif; color: #222; font-size: 12px; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center; page-break-after: always; }
.cover h1 { font-size: 28px; margin: 0 0 16px; }
.cover p { font-size: 15px; margin: 4px; }
h2 { font-size: 16px; border-bottom: 2px solid #2f6fab; padding-bottom: 4px; margin-top: 22px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 4px 6px; }
thead th { background: #eef3f8; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tbody th { text-align: left; font-weight: normal; }
.note { color: #555; font-size: 11px; }
figure { margin: 10px 0; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 4px; }
</style></head><body>
<div class="cover"><h1>${esc(title)}</h1><p>统计期间：${esc(rep.from)} 至 ${esc(rep.to)}</p><p>数据截至：${esc(rep.asOf)}</p><p>（依据国办发〔2018〕118号“加强全过程记录数据统计分析”编制）</p></div>
<section><h2>图表</h2>${trendChart(rep.trend)}${barChart('处罚种类（件）', rep.decisionTypes)}${correctionChart(rep.correction)}</section>
${sections}
<section><h2>指标说明</h2><ol class="note">
<li>统计期间为公历年度（北京时间），每项指标按其基准日期（立案、决定、收到、审结、送审日期等）计入；定义见 docs/indicators.md。</li>
<li>纠错率 = 审结的行政复议、行政诉讼中，原决定被变更、撤销或确认违法的件数 ÷ 审结件数（含维持、调解和解、撤回终止）。</li>
<li>比率的分母为 0 时记为“—”；“不计入”为尚未到期、尚不能判断的事项。</li>
<li>本报告只含汇总数字，不含当事人个人信息。</li>
</ol></section>
</body></html>
`;
}

/** The report's figures as CSV: UTF-8 with BOM, CRLF, every cell quoted and formula-safe. */
export function renderAnnualCsv(rep: AnnualReport): string {
  let out = '\uFEFF' + csvLine(['部分', '项目', '栏目', '数值', '指标代码']);
  for (const s of rep.sections) for (const r of s.rows) r.cells.forEach((c, k) => (out += csvLine([s.title, r.label, s.columns[k + 1] ?? '', c.value, c.id])));
  return out;
}

/** Render the HTML to PDF: the process's one renderer (one browser, reused; one render at a time; pdf.ts). */
export function renderAnnualPdf(html: string): Promise<Buffer> {
  return pdfRenderer.render(html);
}

/** Run the one request against a gateway with a bearer token. */
export async function fetchAnnualData(gatewayUrl: string, token: string, year: number, agencyId: string | null): Promise<AnnualData> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    // Registered as a trusted-documents client (gateway/trusted-documents/sanxiang-annual-report.json): under
    // TRUSTED_DOCUMENTS=enforce the gateway runs only registered documents.
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [CLIENT_NAME_HEADER]: ANNUAL_REPORT_CLIENT },
    body: JSON.stringify({ query: ANNUAL_REPORT_QUERY, variables: { filter: annualFilter(year, agencyId) } }),
  });
  const body = (await res.json().catch(() => ({}))) as { data?: AnnualData | null; errors?: { message: string; extensions?: { code?: string } }[] };
  const first = body.errors?.[0];
  if (!body.data?.statistics) throw new ReportError(first?.message ?? `统计请求失败（HTTP ${res.status}）`, first?.extensions?.code ?? 'UPSTREAM_UNAVAILABLE');
  return body.data;
}

export type ReportFormat = 'pdf' | 'html' | 'csv';

export async function renderAnnual(rep: AnnualReport, format: ReportFormat): Promise<{ body: Buffer; contentType: string }> {
  const html = renderAnnualHtml(rep);
  if (format === 'html') return { body: Buffer.from(html, 'utf8'), contentType: 'text/html; charset=utf-8' };
  if (format === 'csv') return { body: Buffer.from(renderAnnualCsv(rep), 'utf8'), contentType: 'text/csv; charset=utf-8' };
  return { body: await renderAnnualPdf(html), contentType: 'application/pdf' };
}
