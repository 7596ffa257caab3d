import { parseArgs } from 'node:util';
import { checkRegistry, formatCheckReport } from '../registry/check.js';
import { registryPathFrom, supergraphPathFrom } from '../kernel/schema/registry-file.js';
import { authorFrom, historyDirFor, listHistory } from '../kernel/schema/history.js';
import { composeProbedAndRecord, rollbackTo, type ReleaseResult } from '../registry/release.js';
import { usageDirFrom } from '../kernel/schema/usage-files.js';
import { windowStart } from '../registry/usage.js';
import { loadConfig } from '../kernel/config.js';
import { loadKeyMaterial } from '../kernel/identity.js';

// npm run compose [-- --approve "<reason>" | --reason "<text>"] [--allow-unreachable NAME ...] [--offline]
//   the registry's SDL files -> the supergraph file. Probes every registered subgraph first (tokens, GET, an ordinary
//   query, the served SDL; --offline skips that and the record says so), refuses a failed probe and an ownership-policy
//   breach outright, and a breaking change unless approved; records every file written in the history folder (beside
//   the supergraph, or SUPERGRAPH_HISTORY_DIR).
// npm run compose -- --check [--no-probe] [--allow-unreachable NAME ...] [--usage-days N]
//   writes nothing: composition, ownership policy, breaking changes and the clients they affect, token and SDL probes.
// npm run compose -- --rollback <id> [--approve "<reason>"]   an earlier supergraph from the history, recorded.
// npm run compose -- --history [--limit N]                      the latest records.
//   SUBGRAPH_REGISTRY, SUPERGRAPH_PATH, SUPERGRAPH_HISTORY_DIR, FIELD_USAGE_DIR, PORT and <NAME>_URL as for the gateway.

const usage = `用法 (usage):
  npm run compose [-- --approve "<理由>" | --reason "<说明>"] [--allow-unreachable NAME ...] [--offline]
  npm run compose -- --check [--no-probe] [--allow-unreachable NAME ...] [--usage-days N]
  npm run compose -- --rollback <记录 id> [--approve "<理由>"]
  npm run compose -- --history [--limit N]`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      check: { type: 'boolean' },
      'no-probe': { type: 'boolean' },
      offline: { type: 'boolean' },
      'allow-unreachable': { type: 'string', multiple: true },
      'usage-days': { type: 'string' },
      approve: { type: 'string' },
      reason: { type: 'string' },
      rollback: { type: 'string' },
      history: { type: 'boolean' },
      limit: { type: 'string' },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const modes = [values.check, values.rollback !== undefined, values.history].filter(Boolean).length;
// --approve and --reason record a write; with --check or --history they would suggest a pass they do not give.
if ((values.check || values.history) && (values.approve !== undefined || values.reason !== undefined)) {
  console.error(`--approve / --reason 只用于写入 (only when writing): npm run compose -- --approve "<理由>"\n${usage}`);
  process.exit(2);
}
// --no-probe belongs to --check; a write skips the probes only with --offline, which its record notes.
if ((values['no-probe'] && !values.check) || (values.offline && (values.check || values.rollback !== undefined || values.history))) {
  console.error(`--no-probe 只用于 --check；写入时跳过探测用 --offline（记录会注明）(--offline is for writes only)\n${usage}`);
  process.exit(2);
}
const usageDays = Number(values['usage-days'] ?? 30);
if (modes > 1 || !Number.isInteger(usageDays) || usageDays < 1 || (values.approve !== undefined && !values.approve.trim())) {
  console.error(`${values.approve !== undefined && !values.approve?.trim() ? '--approve 需要写明理由 (a reason is required)\n' : ''}${usage}`);
  process.exit(2);
}

const config = loadConfig();
const supergraphPath = supergraphPathFrom();
const now = new Date(); // the record's time and the end of the usage window
const usageWindow = { dir: usageDirFrom(process.env, config), days: usageDays, since: windowStart(now, usageDays) };

if (values.history) {
  const records = listHistory(historyDirFor(supergraphPath))
    .reverse()
    .slice(0, Number(values.limit ?? 20));
  if (!records.length) console.log(`历史为空 (no history yet): ${historyDirFor(supergraphPath)}`);
  for (const r of records) {
    console.log(`${r.id}  ${r.action}  ${r.author}  ${r.reason ?? ''}${r.restores ? `  (restores ${r.restores})` : ''}`);
    for (const c of r.changes.slice(0, 5)) console.log(`    - ${c}`);
  }
  process.exit(0);
}

if (values.check) {
  const probe = !values['no-probe'];
  const report = await checkRegistry({
    probe,
    config,
    keys: probe ? await loadKeyMaterial(config.keyDir) : null,
    allowUnreachable: values['allow-unreachable'] ?? [],
    usageDir: usageWindow.dir,
    usageDays,
    now,
  });
  for (const line of formatCheckReport(report)) console.log(line);
  process.exit(report.ok ? 0 : 1);
}

const ctx = { supergraphPath, author: authorFrom(), at: now, approve: values.approve ?? null, reason: values.reason ?? null, usage: usageWindow };
const result: ReleaseResult =
  values.rollback !== undefined
    ? rollbackTo({ ...ctx, id: values.rollback })
    : await composeProbedAndRecord({
        ...ctx,
        registryPath: registryPathFrom(),
        probe: values.offline
          ? { offline: true }
          : { offline: false, config, keys: await loadKeyMaterial(config.keyDir), allowUnreachable: values['allow-unreachable'] ?? [] },
      });
const out = result.status === 'written' || result.status === 'unchanged' ? console.log : console.error;
for (const line of result.messages) out(line);
process.exit(result.status === 'written' || result.status === 'unchanged' ? 0 : 1);
