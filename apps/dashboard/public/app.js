/* global document, window, localStorage, URLSearchParams, Blob */
// Reference dashboard (issue 7): plain browser JavaScript, no library, nothing from the internet.
// Only the public GraphQL endpoint /graphql with the user's token (and the CSV exports for analysts).
'use strict';

const TOKEN_KEY = 'sanxiang.dashboard.token';
const $ = (id) => document.getElementById(id);

const LABELS = {
  // case types, states, outcomes
  PENALTY: '行政处罚',
  LICENSING: '行政许可',
  COERCION: '行政强制',
  INSPECTION: '行政检查',
  OTHER: '其他',
  FILED: '立案',
  INVESTIGATING: '调查取证',
  NOTIFIED: '已告知',
  HEARING: '听证',
  UNDER_REVIEW: '法制审核',
  DECIDED: '已决定',
  SERVED: '已送达',
  EXECUTED: '已执行',
  CLOSED: '已结案',
  ARCHIVED: '已归档',
  NO_PENALTY_MINOR: '轻微不罚',
  NO_PENALTY_UNFOUNDED: '事实不成立',
  CRIMINAL_REFERRAL: '移送司法',
  LICENCE_GRANTED: '准予许可',
  LICENCE_REFUSED: '不予许可',
  SEAL_UP: '查封',
  IMPOUND: '扣押',
  APPROVED: '同意',
  ISSUES_FOUND: '存在问题',
  PENDING: '审核中',
  ALL: '全部',
  UNKNOWN: '未知',
};
const RESULT_CODES = {
  1: '1 未发现问题',
  A: 'A 发现问题待处理',
  E: 'E 已责令改正',
  F: 'F 未发现经营活动',
  7: '7 关闭或清算',
  8: '8 不配合检查',
  9: '9 已注销',
  10: '10 吊销执照',
  11: '11 撤销登记',
  12: '12 已迁出',
};

// The operation lives in dashboard.graphql (registered as this client's trusted document) and is sent as is.
const CLIENT_NAME = 'sanxiang-dashboard';
let QUERY = null;
const query = async () => (QUERY ??= await (await window.fetch('/dashboard/dashboard.graphql')).text());

let agencyNames = {};

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof window.Node ? c : document.createTextNode(String(c)));
  return e;
}
const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const label = (k) => LABELS[k] || RESULT_CODES[k] || agencyNames[k] || k;
const pct = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
const NOT_APPLICABLE = '—（本期无适用）';

/** Width of a label in px at 11px (CJK characters are about one em wide, others about half). */
const textWidth = (s) => [...String(s)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0);

/** A horizontal bar chart as inline SVG: [{ label, value, text }]. Labels are never cut: the label column fits the longest. */
function barChart(title, items, color) {
  const rowH = 22;
  const labelW = Math.max(60, Math.ceil(Math.max(0, ...items.map((i) => textWidth(i.label)))) + 8);
  const w = labelW + 300;
  const max = Math.max(1, ...items.map((i) => i.value));
  const h = Math.max(rowH, items.length * rowH) + 4;
  // Scales down with its box (viewBox), so a phone never scrolls sideways.
  const s = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': title });
  items.forEach((it, i) => {
    const y = i * rowH + 2;
    const bw = Math.round(((w - labelW - 110) * it.value) / max);
    s.append(svg('text', { x: 0, y: y + 14 }, it.label));
    s.append(svg('rect', { x: labelW, y, width: Math.max(bw, it.value > 0 ? 2 : 0), height: rowH - 6, fill: color || 'var(--bar)' }));
    s.append(svg('text', { x: labelW + bw + 4, y: y + 14 }, it.text ?? String(it.value)));
  });
  if (!items.length) s.append(svg('text', { x: 0, y: 14 }, '无数据'));
  return el('figure', { 'data-chart': title }, el('figcaption', {}, title), s);
}

/** The monthly trend: cases filed and decisions made per month of the period (zero months included). */
function trendChart(filed, decided) {
  const byMonth = new Map(decided.rows.map((r) => [r.values[0], r.count]));
  const months = filed.rows.map((r) => ({ month: r.values[0], label: r.labels[0], filed: r.count, decided: byMonth.get(r.values[0]) || 0 }));
  const w = 520;
  const h = 200;
  const max = Math.max(1, ...months.map((m) => Math.max(m.filed, m.decided)));
  const slot = (w - 30) / Math.max(1, months.length);
  const s = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': '按月趋势' });
  const bh = (v) => Math.round(((h - 50) * v) / max);
  months.forEach((m, i) => {
    const x = 24 + i * slot;
    s.append(
      svg('rect', { x: x + 1, y: h - 30 - bh(m.filed), width: Math.max(1, slot / 2 - 2), height: bh(m.filed), fill: 'var(--bar)', 'data-month': m.month }),
    );
    s.append(svg('rect', { x: x + slot / 2, y: h - 30 - bh(m.decided), width: Math.max(1, slot / 2 - 2), height: bh(m.decided), fill: 'var(--bar2)' }));
    if (m.filed) s.append(svg('text', { x: x + 1, y: h - 34 - bh(m.filed) }, m.filed));
    s.append(svg('text', { x: x + slot / 2, y: h - 14, 'text-anchor': 'middle' }, m.month.slice(5).replace(/^0/, '') + '月'));
  });
  s.append(svg('line', { x1: 20, y1: h - 30, x2: w - 4, y2: h - 30, stroke: '#999' }));
  return el('figure', { 'data-chart': '按月趋势' }, el('figcaption', {}, '按月趋势：立案（蓝）与决定（橙）'), s);
}

function countChart(title, ind) {
  const byKey = new Map();
  for (const c of ind.cells) byKey.set(c.key, (byKey.get(c.key) || 0) + c.count);
  const items = [...byKey.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => ({ label: label(k), value: v }));
  return barChart(`${title}（合计 ${ind.total}）`, items);
}
function rateChart(title, ind) {
  const items = ind.groups.map((g) => ({
    label: label(g.group),
    value: g.rate ?? 0,
    text: g.denominator === 0 ? NOT_APPLICABLE : `${pct(g.rate)}（${g.numerator}/${g.denominator}）`,
  }));
  return barChart(title, items, 'var(--bar2)');
}

function card(name, ind, kind) {
  if (!ind) return el('div', { class: 'card unavailable' }, el('div', { class: 'name' }, name), el('div', { class: 'value' }, '不可用'));
  if (kind === 'rate')
    return el(
      'div',
      { class: 'card', 'data-indicator': name },
      el('div', { class: 'name' }, name),
      // A rate over nothing reads as "not applicable in this period", never as 0/0 or 0%.
      el('div', { class: 'value' }, ind.denominator === 0 ? NOT_APPLICABLE : pct(ind.rate)),
      el(
        'div',
        { class: 'detail' },
        ind.denominator === 0
          ? `本期无适用的事项（分母为 0）${ind.excluded ? `；不计入 ${ind.excluded}` : ''}`
          : `分子 ${ind.numerator} / 分母 ${ind.denominator}${ind.excluded ? `；不计入 ${ind.excluded}` : ''}`,
      ),
    );
  if (kind === 'amount')
    return el(
      'div',
      { class: 'card', 'data-indicator': name },
      el('div', { class: 'name' }, name),
      el('div', { class: 'value' }, `${ind.amount} 元`),
      el('div', { class: 'detail' }, `涉及决定 ${ind.count} 件`),
    );
  if (kind === 'duration')
    return el(
      'div',
      { class: 'card', 'data-indicator': name },
      el('div', { class: 'name' }, name),
      el('div', { class: 'value' }, ind.average === null ? '—' : `${ind.average} 天`),
      el('div', { class: 'detail' }, `${ind.count} 件，最长 ${ind.max ?? '—'} 天`),
    );
  return el('div', { class: 'card', 'data-indicator': name }, el('div', { class: 'name' }, name), el('div', { class: 'value' }, ind.total));
}

function rateTable(name, ind, exportName) {
  return el(
    'details',
    {},
    el('summary', {}, `${name}：分组明细`, exportName ? csvButton(exportName) : null),
    el(
      'table',
      {},
      el('tr', {}, el('th', {}, '分组'), el('th', {}, '分子'), el('th', {}, '分母'), el('th', {}, '不计入'), el('th', {}, '比率')),
      ind.groups.map((g) =>
        el(
          'tr',
          {},
          el('td', {}, label(g.group)),
          el('td', {}, g.numerator),
          el('td', {}, g.denominator),
          el('td', {}, g.excluded),
          el('td', {}, g.denominator === 0 ? NOT_APPLICABLE : pct(g.rate)),
        ),
      ),
    ),
  );
}
function countTable(name, ind, exportName) {
  return el(
    'details',
    {},
    el('summary', {}, `${name}：分组明细`, exportName ? csvButton(exportName) : null),
    el(
      'table',
      {},
      el('tr', {}, el('th', {}, '分组'), el('th', {}, '项目'), el('th', {}, '数量')),
      ind.cells.map((c) => el('tr', {}, el('td', {}, label(c.group)), el('td', {}, label(c.key)), el('td', {}, c.count))),
    ),
  );
}

/** Issue 30: the supervision section — clues by problem model and each agency's 评议考核 scorecard (docs/supervision-models.md). */
function supervisionPanel(sup) {
  if (!sup) return panel('执法监督与评议考核', 'panel-supervision', el('p', { class: 'error' }, '执法监督数据暂不可用'));
  const score = (v) => (v === null ? NOT_APPLICABLE : pct(v));
  const components = sup.scorecards[0] ? sup.scorecards[0].components : [];
  return panel(
    '执法监督与评议考核',
    'panel-supervision',
    el(
      'table',
      { 'data-table': 'clues-by-model' },
      el('caption', {}, '线索（按问题模型，期间内提出）', csvButton('supervision-clues')),
      el('tr', {}, el('th', {}, '问题模型'), el('th', {}, '提出'), el('th', {}, '待处理'), el('th', {}, '采纳'), el('th', {}, '不予采纳')),
      sup.cluesByModel.map((c) =>
        el(
          'tr',
          { 'data-model': c.model.code },
          el('td', {}, c.model.name),
          el('td', {}, c.raised),
          el('td', {}, c.open),
          el('td', {}, c.accepted),
          el('td', {}, c.dismissed),
        ),
      ),
    ),
    el(
      'table',
      { 'data-table': 'scorecards' },
      el('caption', {}, '评议考核记分卡（总分百分制；无适用数据的项目不计入）'),
      el(
        'tr',
        {},
        el('th', {}, '执法主体'),
        el('th', {}, '总分'),
        components.map((c) => el('th', {}, `${c.name}（${c.weight}）`)),
      ),
      sup.scorecards.map((card) =>
        el(
          'tr',
          { 'data-agency': card.agencyId },
          el('td', {}, label(card.agencyId)),
          el('td', { class: 'total' }, card.total === null ? '—' : card.total.toFixed(2)),
          card.components.map((c) => el('td', {}, score(c.score))),
        ),
      ),
    ),
  );
}

function csvButton(name) {
  return el('button', { type: 'button', class: 'csv', onclick: (e) => (e.preventDefault(), downloadCsv(name)) }, '导出明细 CSV');
}
async function downloadCsv(name) {
  const f = currentFilter();
  const q = new URLSearchParams({ from: f.from, to: f.to, ...(f.agencyId ? { agencyId: f.agencyId } : {}) });
  const res = await window.fetch(`/exports/indicators/${name}.csv?${q}`, { headers: { authorization: `Bearer ${token()}` } });
  if (!res.ok) return setStatus('error', `导出失败（${res.status}）：仅分析人员、执法监督和管理员可导出`);
  const url = window.URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'text/csv' }));
  const a = el('a', { href: url, download: `${name}_${f.from}_${f.to}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
}

function panel(title, id, ...children) {
  return el('section', { class: 'panel', id }, el('h2', {}, title), ...children);
}

function render(st) {
  const main = $('content');
  main.replaceChildren();
  if (!st) return;
  const c = st.cases;
  const r = st.reviews;
  const ins = st.inspections;
  if (c) {
    main.append(
      panel(
        '案件与决定（全过程记录、事后公开）',
        'panel-cases',
        el(
          'div',
          { class: 'cards' },
          card('立案数', c.byType, 'count'),
          card('决定数', c.byOutcome, 'count'),
          card('罚款金额', c.fines, 'amount'),
          card('没收金额', c.confiscations, 'amount'),
          card('办案平均时长', c.caseDuration, 'duration'),
          card('超过九十日（R10）', c.beyond90Days, 'rate'),
          card('按期送达率（R11）', c.serviceTimeliness, 'rate'),
          card('按期公示率（R12）', c.publicationTimeliness, 'rate'),
          card('按期撤回率（R14）', c.withdrawalTimeliness, 'rate'),
          card('法制审核覆盖率（R5、R6）', c.reviewCoverage, 'rate'),
          card('归档率（R18）', c.recordCompleteness, 'rate'),
          card('纠错率（复议、诉讼）', c.correctionRate, 'rate'),
        ),
        el(
          'div',
          { class: 'charts' },
          c.trendFiled && c.trendDecided ? trendChart(c.trendFiled, c.trendDecided) : null,
          countChart('立案数按类型', c.byType),
          countChart('立案数按状态', c.byState),
          countChart('决定按结果', c.byOutcome),
          rateChart('按期公示率（分组）', c.publicationTimeliness),
        ),
        countTable('立案数按状态', c.byState, 'by-state'),
        rateTable('按期公示率', c.publicationTimeliness, 'publication-timeliness'),
        rateTable('超过九十日', c.beyond90Days, 'beyond-90-days'),
        rateTable('归档率', c.recordCompleteness, 'record-completeness'),
      ),
    );
  } else main.append(panel('案件与决定', 'panel-cases', el('p', { class: 'error' }, '案件服务暂不可用')));
  if (r) {
    main.append(
      panel(
        '重大执法决定法制审核',
        'panel-reviews',
        el(
          'div',
          { class: 'cards' },
          card('审核轮次', r.outcomes, 'count'),
          card('审核平均用时（工作日）', r.duration, 'duration'),
          card('超期审核率', r.overdue, 'rate'),
          card('审核人员资格合规率（R7）', r.qualificationCompliance, 'rate'),
        ),
        el('div', { class: 'charts' }, countChart('审核结论', r.outcomes)),
      ),
    );
  } else main.append(panel('重大执法决定法制审核', 'panel-reviews', el('p', { class: 'error' }, '审核服务暂不可用')));
  if (ins) {
    main.append(
      panel(
        '双随机、一公开',
        'panel-inspections',
        el(
          'div',
          { class: 'cards' },
          card('抽查覆盖率', ins.coverage, 'rate'),
          card('任务完成率', ins.completion, 'rate'),
          card('问题发现率', ins.problemRate, 'rate'),
          card('结果按期公示率（R19）', ins.publicationTimeliness, 'rate'),
        ),
        el('div', { class: 'charts' }, countChart('抽查结果（按结果代码）', ins.resultsByCode), rateChart('问题发现率（分组）', ins.problemRate)),
      ),
    );
  } else main.append(panel('双随机、一公开', 'panel-inspections', el('p', { class: 'error' }, '抽查服务暂不可用')));
  main.append(supervisionPanel(st.supervision));
}

function setStatus(state, text) {
  document.body.dataset.state = state;
  $('status').textContent = text;
}
const token = () => $('token').value.trim();
function currentFilter() {
  const groupBy = $('groupBy').value;
  return { from: $('from').value, to: $('to').value, agencyId: $('agency').value || null, groupBy: groupBy || null };
}

async function load() {
  if (!token()) return setStatus('error', '请输入访问令牌');
  localStorage.setItem(TOKEN_KEY, token());
  setStatus('loading', '加载中…');
  try {
    const res = await window.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}`, 'apollographql-client-name': CLIENT_NAME },
      body: JSON.stringify({ query: await query(), variables: { filter: currentFilter() } }),
    });
    const body = await res.json();
    const data = body.data || {};
    agencyNames = Object.fromEntries((data.agencies || []).map((a) => [a.id, a.name]));
    const select = $('agency');
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, '全部'), ...(data.agencies || []).map((a) => el('option', { value: a.id }, a.name)));
    select.value = chosen;
    render(data.statistics);
    const errors = body.errors || [];
    if (!data.statistics) return setStatus('error', errors.length ? errors.map((e) => e.message).join('；') : `加载失败（HTTP ${res.status}）`);
    const period = `${data.statistics.from} 至 ${data.statistics.to}`;
    if (errors.length) return setStatus('partial', `部分指标不可用：${errors.map((e) => e.message).join('；')}（${period}）`);
    setStatus('ready', `已加载：${period}，截至 ${data.statistics.asOf}`);
  } catch (err) {
    setStatus('error', `加载失败：${err.message}`);
  }
}

function init() {
  const params = new URLSearchParams(window.location.search);
  const given = params.get('token');
  $('token').value = given || localStorage.getItem(TOKEN_KEY) || '';
  if (given) {
    localStorage.setItem(TOKEN_KEY, given);
    // Keep the token out of the address bar and history once it is stored.
    params.delete('token');
    window.history.replaceState(null, '', `${window.location.pathname}${params.size ? `?${params}` : ''}`);
  }
  const today = new Date().toISOString().slice(0, 10);
  $('from').value = params.get('from') || `${today.slice(0, 4)}-01-01`;
  $('to').value = params.get('to') || today;
  if (params.has('groupBy')) $('groupBy').value = params.get('groupBy');
  if (params.get('agencyId')) $('agency').append(el('option', { value: params.get('agencyId'), selected: 'selected' }, params.get('agencyId')));
  $('controls').addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  if (token()) void load();
}

init();
