import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { clientsAffected } from '../../registry/check.js';
import { DEFAULT_SUPERGRAPH_PATH } from '../../kernel/schema/registry-file.js';
import { apiSchemaOf, impactsOf } from '../../registry/schema-diff.js';
import { clientNameOf, coordinatesOf, UsageCounter, UNIDENTIFIED_CLIENT } from '../../gateway/usage.js';
import { readUsage, windowStart } from '../../registry/usage.js';

// Field usage per client (gateway/usage.ts) and what a breaking change takes away (schema-diff impactsOf):
// pure functions and a counter writing to a temp folder. The gateway wiring is in test/e2e/partners.test.ts.

// The API schema is built by graphql's CommonJS copy (through federation-internals): parse and build with it.
const { parse, buildSchema, getOperationAST } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

let api: GraphQLSchema;
let dir: string;
beforeAll(() => {
  api = apiSchemaOf(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-usage-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const coords = (query: string, operationName?: string) => {
  const doc = parse(query);
  return coordinatesOf(api, doc, getOperationAST(doc, operationName)!).sort();
};

describe('what an operation uses', () => {
  it('records fields on the type they are selected on, arguments given, and the types returned', () => {
    expect(coords('{ agencies { id name } powerItems(first: 2) { totalCount } }')).toEqual([
      'Agency',
      'Agency.id',
      'Agency.name',
      'PowerItemConnection',
      'PowerItemConnection.totalCount',
      'Query.agencies',
      'Query.powerItems',
      'Query.powerItems(first:)',
    ]);
  });

  it('follows fragments the operation spreads, not those of another operation in the document, and skips introspection', () => {
    const doc = `
      query A { agencies { ...Names __typename } }
      query B { agencies { ...Ids } }
      fragment Names on Agency { name }
      fragment Ids on Agency { id }`;
    expect(coords(doc, 'A')).toEqual(['Agency', 'Agency.name', 'Query.agencies']);
    expect(coords(doc, 'B')).toEqual(['Agency', 'Agency.id', 'Query.agencies']);
  });

  it('names the client from the one header apollographql-client-name, and neutralises hostile names', () => {
    const h = (headers: Record<string, string>) => clientNameOf((k) => headers[k]);
    expect(h({ 'apollographql-client-name': 'duty-app', 'x-client-name': 'other' })).toBe('duty-app');
    expect(h({ 'apollographql-client-name': '执法终端 2.1' })).toBe('执法终端 2.1');
    expect(h({ 'x-client-name': 'duty-app' })).toBe(UNIDENTIFIED_CLIENT); // one documented header, the same as trusted documents
    expect(h({})).toBe(UNIDENTIFIED_CLIENT);
    expect(h({ 'apollographql-client-name': '"}<script>' })).toBe('(invalid-name)');
    expect(h({ 'apollographql-client-name': 'x'.repeat(65) })).toBe('(invalid-name)');
  });
});

describe('the usage counter and its file', () => {
  it('merges flushes into one file per gateway, keeps days within retention, and caps the number of clients', async () => {
    let now = new Date('2026-11-20T10:00:00Z');
    const counter = new UsageCounter(join(dir, 'merge'), 'gw-a', () => now, 90);
    counter.add('duty-app', ['Query.agencies', 'Agency.name']);
    counter.add('duty-app', ['Query.agencies']);
    await counter.flush();
    counter.add('duty-app', ['Query.agencies']);
    await counter.flush();
    const file = JSON.parse(readFileSync(counter.file, 'utf8')) as { days: Record<string, Record<string, Record<string, number>>> };
    expect(file.days).toEqual({ '2026-11-20': { 'duty-app': { 'Query.agencies': 3, 'Agency.name': 1 } } });

    now = new Date('2027-03-01T10:00:00Z'); // 101 days later: the November day is past retention
    for (let i = 0; i < 205; i++) counter.add(`client-${i}`, ['Query.agencies']);
    await counter.flush();
    const later = JSON.parse(readFileSync(counter.file, 'utf8')) as { days: Record<string, Record<string, Record<string, number>>> };
    expect(Object.keys(later.days)).toEqual(['2027-03-01']);
    expect(Object.keys(later.days['2027-03-01']!)).toHaveLength(201);
    expect(later.days['2027-03-01']!['(other)']).toEqual({ 'Query.agencies': 5 });
  });

  it('reads every gateway file in the folder within the window and says who used what a change removes', async () => {
    const usageDir = join(dir, 'window');
    const a = new UsageCounter(usageDir, 'gw-a', () => new Date('2026-11-19T08:00:00Z'));
    const b = new UsageCounter(usageDir, 'gw-b', () => new Date('2026-10-01T08:00:00Z'));
    a.add('duty-app', ['Query.exAnteWorkQueue', 'Query.powerItems(first:)']);
    a.add('portal', ['Query.powerItems(first:)', 'CredentialStatus']);
    b.add('old-app', ['Query.exAnteWorkQueue']);
    await Promise.all([a.flush(), b.flush()]);
    const since = windowStart(new Date('2026-11-20T12:00:00Z'), 30);
    expect(since).toBe('2026-10-22');
    expect(readUsage(usageDir, since).get('Query.exAnteWorkQueue')).toEqual([{ client: 'duty-app', count: 1, lastDay: '2026-11-19' }]);
    expect(
      readUsage(usageDir, '2026-09-01')
        .get('Query.exAnteWorkQueue')!
        .map((u) => u.client),
    ).toEqual(['duty-app', 'old-app']);

    const affected = clientsAffected(
      [
        { coordinate: 'Query.exAnteWorkQueue', change: '删除了字段' },
        { coordinate: 'Query.powerItems(first:)', change: '参数收窄' },
        { coordinate: 'CredentialStatus', change: '删除了枚举值' },
        { coordinate: 'Query.agencies', change: '删除了字段' },
      ],
      { dir: usageDir, days: 30, since },
    );
    expect(affected.map((x) => [x.coordinate, x.clients.map((c) => c.client)])).toEqual([
      ['Query.exAnteWorkQueue', ['duty-app']],
      ['Query.powerItems(first:)', ['duty-app', 'portal']],
      ['CredentialStatus', ['portal']],
      ['Query.agencies', []],
    ]);
  });
});

describe('what a change takes away (the coordinates usage is matched against)', () => {
  const schema = (sdl: string) => buildSchema(sdl);
  const base = `
    enum Kind { A B }
    input Filter { kind: Kind, q: String }
    type Item { id: ID! name: String! tags: [String!]! }
    type Query { items(filter: Filter, first: Int): [Item!]! item(id: ID!): Item legacy: String }`;

  it('lists removed and narrowed fields, removed and narrowed arguments, required arguments added', () => {
    const after = schema(`
      enum Kind { A B }
      input Filter { kind: Kind, q: String }
      type Item { id: ID! name: String tags: [String!]! }
      type Query { items(filter: Filter, first: Int!, region: String!): [Item!]! item: Item }`);
    expect(impactsOf(schema(base), after)).toEqual([
      { coordinate: 'Item.name', change: '字段类型由 String! 改为 String (field narrowed)' },
      { coordinate: 'Query.items(first:)', change: '参数类型由 Int 改为 Int! (argument narrowed)' },
      { coordinate: 'Query.items', change: '新增了必填参数 region (required argument added)' },
      { coordinate: 'Query.item(id:)', change: '删除了参数 (argument removed)' },
      { coordinate: 'Query.legacy', change: '删除了字段 (field removed)' },
    ]);
  });

  it('traces a removed enum value and a new required input field to the arguments that carry them', () => {
    const after = schema(`
      enum Kind { A }
      input Filter { kind: Kind, q: String, region: String! }
      type Item { id: ID! name: String! tags: [String!]! }
      type Query { items(filter: Filter, first: Int): [Item!]! item(id: ID!): Item legacy: String }`);
    expect(impactsOf(schema(base), after)).toEqual([
      { coordinate: 'Kind', change: '枚举 Kind 删除了值 B (enum value removed)' },
      { coordinate: 'Query.items(filter:)', change: '枚举 Kind 删除了值 B (enum value removed)' },
      { coordinate: 'Query.items(filter:)', change: '输入类型 Filter：新增了必填输入字段 region' },
    ]);
  });

  it('finds nothing in a change that only adds', () => {
    const after = schema(`${base.replace('legacy: String', 'legacy: String fresh: Int')}\n type Extra { a: Int }`);
    expect(impactsOf(schema(base), after)).toEqual([]);
  });
});
