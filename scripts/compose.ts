import { checkRegistry, formatCheckReport } from '../gateway/check.js';
import { composeRegistry, loadRegistry, registryPathFrom, supergraphPathFrom, writeSupergraphFile } from '../gateway/compose.js';
import { loadConfig } from '../subgraphs/shared/config.js';

// npm run compose: the registry's SDL files -> the supergraph file.
//   SUBGRAPH_REGISTRY (default schema/subgraphs.json) and SUPERGRAPH_PATH (default schema/supergraph.graphql)
//   point at other files, e.g. a test or staging configuration with a partner subgraph.
// npm run compose -- --check [--no-probe]: writes nothing; reports composition errors, breaking changes against
//   the supergraph file, and subgraphs that answer a tokenless request with anything but 401. Exit 1 on any.

const args = process.argv.slice(2);
const unknown = args.filter((a) => !['--check', '--no-probe'].includes(a));
if (unknown.length) {
  console.error(`未知参数 (unknown arguments): ${unknown.join(' ')}\n用法: npm run compose [-- --check [--no-probe]]`);
  process.exit(2);
}

if (args.includes('--check')) {
  const report = await checkRegistry({ probe: !args.includes('--no-probe'), config: loadConfig() });
  for (const line of formatCheckReport(report)) console.log(line);
  process.exit(report.ok ? 0 : 1);
}

let result;
try {
  result = composeRegistry(loadRegistry(registryPathFrom()));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
if (!result.ok) {
  console.error('组合失败 (composition failed):');
  for (const e of result.errors) console.error(`  - ${e}`);
  process.exit(1);
}
const out = supergraphPathFrom();
writeSupergraphFile(out, result.supergraphSdl);
for (const h of result.hints) console.log(`hint: ${h}`);
console.log(`wrote ${out}`);
