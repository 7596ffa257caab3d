import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import * as prettier from 'prettier';
import codegenConfig from '../../codegen.js';
import { compose } from '../../registry/compose.js';
import { readRegistry, SCHEMA_DIR } from '../../kernel/schema/registry-file.js';

// Generated files are committed; these tests fail when someone edits a schema and forgets to regenerate.

describe('committed generated files are fresh', () => {
  it('schema/supergraph.graphql matches `npm run compose`', () => {
    const result = compose(readRegistry());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const committed = readFileSync(new URL('supergraph.graphql', SCHEMA_DIR), 'utf8');
    expect(committed.trimEnd(), 'run `npm run compose` and commit schema/supergraph.graphql').toBe(result.supergraphSdl.trimEnd());
  });

  it('resolver types match `npm run codegen`', async () => {
    const outputs = (await generate({ ...codegenConfig, cwd: process.cwd() }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    const options = (await prettier.resolveConfig('codegen.ts')) ?? {};
    for (const out of outputs) {
      const expected = await prettier.format(out.content, { ...options, filepath: out.filename });
      const committed = readFileSync(out.filename, 'utf8');
      expect(committed, `run \`npm run codegen\` and commit ${out.filename}`).toBe(expected);
    }
  }, 60_000);
});
