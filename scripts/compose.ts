import { writeFileSync } from 'node:fs';
import { compose, readRegistry, SCHEMA_DIR } from '../gateway/compose.js';

// npm run compose: schema/<name>.graphql (per schema/subgraphs.json) -> schema/supergraph.graphql
const result = compose(readRegistry());
if (!result.ok) {
  console.error('组合失败 (composition failed):');
  for (const e of result.errors) console.error(`  - ${e}`);
  process.exit(1);
}
const out = new URL('supergraph.graphql', SCHEMA_DIR);
writeFileSync(out, result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`);
for (const h of result.hints) console.log(`hint: ${h}`);
console.log(`wrote ${out.pathname}`);
