import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH } from '../kernel/schema/registry-file.js';
import { DEFAULT_TRUSTED_DOCUMENTS_DIR, loadTrustedDocuments, readClientDocuments, sha256 } from '../gateway/trusted-documents.js';

// npm run trusted-documents -- register <client> <file>…   registers a client's documents (replacing its list)
// npm run trusted-documents -- check                        every registered document still validates against the supergraph
//
// <file>: what the client's build emits — GraphQL Codegen's persisted-documents.json (client preset,
// `persistedDocuments: true`), an Apollo persisted query manifest, or .graphql files sent as they are.
// The list is written to TRUSTED_DOCUMENTS_DIR/<client>.json (default gateway/trusted-documents/) in
// Codegen's format (sha256 → text); the gateway reads it at start (docs/operations.md, "Trusted documents").

const dir = process.env.TRUSTED_DOCUMENTS_DIR || DEFAULT_TRUSTED_DOCUMENTS_DIR;
const [command, client, ...files] = process.argv.slice(2);

function apiSchema() {
  return Supergraph.build(readFileSync(process.env.SUPERGRAPH_PATH || DEFAULT_SUPERGRAPH_PATH, 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
}

/** Problems of each document against the API schema. */
function problems(docs: Map<string, string>): string[] {
  const schema = apiSchema();
  return [...docs].flatMap(([hash, text]) => validate(schema, parse(text)).map((e) => `${hash.slice(0, 12)}…: ${e.message}`));
}

if (command === 'register' && client && files.length) {
  if (!/^[A-Za-z0-9][\w.-]{0,63}$/.test(client)) throw new Error(`客户端名称 ${client} 只能含字母、数字、. _ -`);
  const docs = new Map<string, string>();
  for (const file of files) {
    if (file.endsWith('.json')) for (const [h, t] of readClientDocuments(file)) docs.set(h, t);
    else {
      const text = readFileSync(file, 'utf8');
      parse(text);
      docs.set(sha256(text), text);
    }
  }
  const bad = problems(docs);
  if (bad.length) {
    console.error(`文档与当前超图不符 (documents do not validate against the supergraph):\n${bad.join('\n')}`);
    process.exit(1);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${client}.json`), `${JSON.stringify(Object.fromEntries(docs), null, 2)}\n`);
  console.log(`registered ${docs.size} document(s) for ${client} in ${join(dir, `${client}.json`)}`);
} else if (command === 'check') {
  const trusted = loadTrustedDocuments({ mode: 'allow', dir });
  let failed = false;
  for (const [name, docs] of trusted.clients) {
    const bad = problems(new Map(docs));
    console.log(`${name}: ${docs.size} document(s)${bad.length ? `, ${bad.length} problem(s)` : ', ok'}`);
    for (const b of bad) console.log(`  ${b}`);
    failed ||= bad.length > 0;
  }
  process.exit(failed ? 1 : 0);
} else {
  console.error('usage: npm run trusted-documents -- register <client> <file>… | check');
  process.exit(2);
}
