import { pdfRenderer } from '../apps/annual-report/pdf.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ReportError,
  buildAnnualReport,
  fetchAnnualData,
  renderAnnualCsv,
  renderAnnualHtml,
  renderAnnualPdf,
  validYear,
} from '../apps/annual-report/annual.js';
import { demoAgencyId } from '../data/loader/ids.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { loadKeyMaterial, signDevUserToken } from '../kernel/identity.js';

// npm run report -- --year 2026 [--agency ID|demo-key] [--out DIR] [--token JWT]
// The annual enforcement statistics report (行政执法统计年报) from ONE federated statistics request to the running
// gateway (GATEWAY_URL, default http://localhost:<PORT>/graphql): writes <DIR>/annual-<year>[-<agency>].pdf, .html, .csv.
// Without --token it signs a short-lived ANALYST development token with the local key (like `npm run token`).
const usage = 'usage: npm run report -- --year YYYY [--agency ID|demo-key] [--out DIR] [--token JWT]';
const { values } = parseArgs({
  options: { year: { type: 'string' }, agency: { type: 'string' }, out: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const config = loadConfigOrExit();
try {
  const year = validYear(values.year);
  const raw = values.agency?.trim() || null;
  // A demo key (midong-cgj) or an agency id.
  const agencyId = raw && /^[a-z]+(-[a-z0-9]+)+$/.test(raw) ? demoAgencyId(raw) : raw;
  const gateway = process.env.GATEWAY_URL ?? `http://localhost:${config.port}/graphql`;
  const token = values.token ?? (await signDevUserToken(await loadKeyMaterial(config.keyDir), { role: 'ANALYST', agencyId: null, officerId: null }, '10m'));
  const report = buildAnnualReport(year, await fetchAnnualData(gateway, token, year, agencyId));
  const dir = resolve(values.out ?? 'reports');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `annual-${year}${agencyId ? `-${agencyId}` : ''}`);
  const html = renderAnnualHtml(report);
  writeFileSync(`${base}.html`, html);
  writeFileSync(`${base}.csv`, renderAnnualCsv(report));
  try {
    writeFileSync(`${base}.pdf`, await renderAnnualPdf(html));
  } finally {
    await pdfRenderer.close(); // the renderer keeps its browser for the next render; a script has none
  }
  console.log(`${report.agencyName}${year}年度行政执法统计年报 → ${base}.pdf (.html, .csv)`);
} catch (err) {
  if (err instanceof ReportError) {
    console.error(`${err.message} (${err.code})\n${usage}`);
    process.exit(err.code === 'BAD_USER_INPUT' ? 2 : 1);
  }
  console.error(
    err instanceof Error && 'cause' in err && (err.cause as { code?: string })?.code === 'ECONNREFUSED' ? `网关不可达：请先 npm start (${String(err)})` : err,
  );
  process.exit(1);
}
