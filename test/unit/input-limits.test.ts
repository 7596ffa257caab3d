import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkArgumentLimits, DEFAULT_TEXT_LIMIT, LONG_TEXT_LIMIT, textInputCoordinates, type InputLimits } from '../../kernel/input-limits.js';
import { CASES_INPUT_LIMITS } from '../../subgraphs/cases/input-limits.js';
import { POWERS_INPUT_LIMITS } from '../../subgraphs/powers/input-limits.js';
import { REVIEWS_INPUT_LIMITS } from '../../subgraphs/reviews/input-limits.js';

// Every text input of the core subgraphs is bounded before it reaches a column (issue 29): by its subgraph's table
// or DEFAULT_TEXT_LIMIT. A new String input is bounded by construction; these tests hold the bounds below what the
// columns take (TEXT and the record log's payload: 65,535 bytes) and the tables free of stale names.

const subgraphs: [string, InputLimits][] = [
  ['cases', CASES_INPUT_LIMITS],
  ['powers', POWERS_INPUT_LIMITS],
  ['reviews', REVIEWS_INPUT_LIMITS],
  ['inspections', {}],
];
const schemaOf = (name: string) => buildSubgraphSchema([{ typeDefs: parse(readFileSync(`schema/${name}.graphql`, 'utf8')) }]);
const maxBytes = (l: { chars?: number; bytes?: number }) => Math.min(l.bytes ?? Infinity, (l.chars ?? Infinity) * 4);
const CJK = '执'; // 3 bytes in UTF-8

function refusal(fn: () => void): GraphQLError {
  try {
    fn();
  } catch (err) {
    return err as GraphQLError;
  }
  throw new Error('not refused');
}

describe('input limits (kernel/input-limits.ts)', () => {
  it.each(subgraphs)('%s: every text input has a bound that fits a TEXT column, and the table names only real inputs', (name, limits) => {
    const coordinates = textInputCoordinates(schemaOf(name));
    expect(coordinates.length).toBeGreaterThan(0);
    for (const key of Object.keys(limits)) expect(coordinates, `${name}: ${key} is a text input`).toContain(key);
    for (const c of coordinates) expect(maxBytes(limits[c] ?? DEFAULT_TEXT_LIMIT), c).toBeLessThanOrEqual(65_535);
    // Short texts stay short enough that the several of one record-log entry fit its payload together.
    expect(maxBytes(DEFAULT_TEXT_LIMIT) * 8).toBeLessThan(65_535);
  });

  it('refuses 30,000 CJK characters in a note, a location or a source reference as BAD_USER_INPUT naming the field', () => {
    const cases = schemaOf('cases');
    const mutation = cases.getMutationType()!.getFields();
    const long = CJK.repeat(30_000); // 90,000 bytes: over the record log's 65,535-byte payload
    for (const [field, input, path] of [
      ['recordEvent', { caseId: 'x', version: 1, kind: 'ON_SITE_CHECK', note: long }, 'input.note'],
      ['recordEvent', { caseId: 'x', version: 1, kind: 'ON_SITE_CHECK', location: long }, 'input.location'],
      ['fileCase', { source: { kind: 'COMPLAINT', reference: long } }, 'input.source.reference'],
      ['recordText', { caseId: 'x', content: long }, 'input.content'],
    ] as const) {
      const err = refusal(() => checkArgumentLimits('Mutation', field, mutation[field]!.args, { input }, CASES_INPUT_LIMITS));
      expect(err.extensions.code).toBe('BAD_USER_INPUT');
      expect(err.extensions.field).toBe(path);
      expect(err.message).not.toContain(CJK.repeat(10)); // never echoes the value
    }
    // At the bound it passes: 2,000 characters of a note, 20,000 CJK characters (60,000 bytes) of a record's text.
    const note = { input: { caseId: 'x', version: 1, kind: 'ON_SITE_CHECK', note: CJK.repeat(DEFAULT_TEXT_LIMIT.chars!) } };
    expect(() => checkArgumentLimits('Mutation', 'recordEvent', mutation.recordEvent!.args, note, CASES_INPUT_LIMITS)).not.toThrow();
    const text = { input: { caseId: 'x', content: CJK.repeat(LONG_TEXT_LIMIT.bytes! / 3) } };
    expect(() => checkArgumentLimits('Mutation', 'recordText', mutation.recordText!.args, text, CASES_INPUT_LIMITS)).not.toThrow();
  });

  it('names every over-long field, in lists too', () => {
    const powers = schemaOf('powers');
    const m = powers.getMutationType()!.getFields();
    const withList = Object.values(m).find((f) => f.name === 'createPowerItem')!;
    const err = refusal(() =>
      checkArgumentLimits(
        'Mutation',
        'createPowerItem',
        withList.args,
        { input: { code: 'x'.repeat(2_001), item: { name: 'n', establishingBasis: [{ law: 'l', article: 'a', excerpt: 'e'.repeat(60_001) }] } } },
        POWERS_INPUT_LIMITS,
      ),
    );
    expect((err.extensions.problems as { field: string }[]).map((p) => p.field).sort()).toEqual(['input.code', 'input.item.establishingBasis.0.excerpt']);
  });
});
