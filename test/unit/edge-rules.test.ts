import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildSchema, parse, validate, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH } from '../../kernel/schema/registry-file.js';
import { failedPaths } from '../../gateway/datasource.js';
import { PARSE_OPTIONS, QUERY_LIMITS, translateClientError } from '../../gateway/limits.js';
import { DEFAULT_TRUSTED_DOCUMENTS_DIR, loadTrustedDocuments, readClientDocuments, sha256 } from '../../gateway/trusted-documents.js';
import { clientErrorFor } from '../../kernel/errors.js';
import { redactSql, safeErrorSerializer } from '../../kernel/logger.js';
import { OperationNames } from '../../kernel/metrics.js';
import { ANNUAL_REPORT_CLIENT, ANNUAL_REPORT_QUERY } from '../../apps/annual-report/annual.js';

// The edge's pure rules, without a server: message translation of the real library errors, paths of a
// failed fetch, database errors for the client, log redaction, label bounding, the registered documents.

// Through SDL text: under vitest, federation-internals uses graphql's CommonJS build, the test its ES module build.
const cjsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const api = buildSchema(cjsGraphql.printSchema(Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema()));

describe('limit messages', () => {
  const armorErrors = (query: string) => {
    const { validationRules } = new ApolloArmor({ maxDepth: { n: QUERY_LIMITS.depth }, maxAliases: { n: 2 }, costLimit: { maxCost: 10 } }).protect();
    return validate(api, parse(query), validationRules);
  };
  const formatted = (message: string, code: string): GraphQLFormattedError => ({ message, extensions: { code } });

  it("turns graphql-armor's and graphql-js's English refusals into Chinese with the limit", () => {
    const errors = armorErrors('{ a: agencies { name } b: agencies { name } c: agencies { name } }');
    const translated = errors.map((e) => translateClientError(formatted(e.message, 'GRAPHQL_VALIDATION_FAILED')));
    expect(translated.map((t) => t?.extensions?.limit).sort()).toEqual(['aliases', 'cost']);
    expect(translated.every((t) => /[\u4e00-\u9fff]/.test(t!.message) && !t!.message.includes('Syntax Error'))).toBe(true);
    let parseError = '';
    try {
      parse(`{ ${'a '.repeat(QUERY_LIMITS.tokens + 10)}}`, PARSE_OPTIONS);
    } catch (err) {
      parseError = (err as Error).message;
    }
    expect(translateClientError(formatted(parseError, 'GRAPHQL_PARSE_FAILED'))).toMatchObject({
      extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens', max: 4000 },
    });
  });

  it('gives a variable error the field it is about', () => {
    const t = translateClientError(formatted('Variable "$input" got invalid value "x" at "input.party.name"; Expected type "String".', 'BAD_USER_INPUT'));
    expect(t?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.party.name' });
  });
});

describe('paths of a failed fetch', () => {
  it('names each field of each entity, and the root fields of a root fetch', () => {
    const entities = parse(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { creditRating { grade } r: abnormalOperationListStatus { listed } } } }`,
    );
    expect(failedPaths(entities, { representations: [{ __typename: 'Enterprise' }, { __typename: 'Enterprise' }] })).toEqual([
      ['_entities', 0, 'creditRating'],
      ['_entities', 0, 'r'],
      ['_entities', 1, 'creditRating'],
      ['_entities', 1, 'r'],
    ]);
    expect(failedPaths(parse('{ agencies { name } pi: powerItems { totalCount } __typename }'), {})).toEqual([['agencies'], ['pi']]);
  });
});

describe('database errors and logs', () => {
  const mysqlError = (code: string, sqlMessage: string) => Object.assign(new Error(sqlMessage), { code, sqlMessage });

  it('says which field a refused value was for, never the value', () => {
    const wrapped = new Error('Failed query: insert into `cases` … params: 张三', {
      cause: mysqlError('ER_DATA_TOO_LONG', "Data too long for column 'facts_summary' at row 1"),
    });
    expect(clientErrorFor(wrapped)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'factsSummary' });
    const date = mysqlError('ER_TRUNCATED_WRONG_VALUE', "Incorrect date value: '10000-01-01' for column `x`.`cases`.`filed_on` at row 1");
    expect(clientErrorFor(date)?.extensions.field).toBe('filedOn');
    expect(clientErrorFor(date)?.message).not.toContain('10000');
    expect(clientErrorFor(new Error('Cannot read properties of undefined'))).toBeNull();
  });

  it('calls an unreachable or busy database UPSTREAM_UNAVAILABLE', () => {
    for (const e of [
      mysqlError('ECONNREFUSED', 'connect ECONNREFUSED'),
      mysqlError('PROTOCOL_CONNECTION_LOST', 'lost'),
      new Error('Pool is closed.'),
      mysqlError('ER_LOCK_WAIT_TIMEOUT', 'x'),
    ]) {
      expect(clientErrorFor(e, 'cases')?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'cases' });
    }
  });

  it('logs errors without SQL parameter values or quoted values', () => {
    const err = new Error('Failed query: select … where `name` = ?\nparams: 张三,650102199001011234', {
      cause: Object.assign(new Error("Duplicate entry '650102199001011234' for key 'x'"), { code: 'ER_DUP_ENTRY', sql: "insert … '650102199001011234'" }),
    });
    const logged = JSON.stringify(safeErrorSerializer(err));
    expect(logged).not.toContain('650102199001011234');
    expect(logged).not.toContain('张三');
    expect(logged).toContain('ER_DUP_ENTRY');
    expect(redactSql("Incorrect date value: '10000-01-01' for column")).toBe("Incorrect date value: '[redacted]' for column");
  });
});

describe('metrics labels', () => {
  it('keeps client-chosen operation names bounded', () => {
    const names = new OperationNames(2);
    expect([names.label('A'), names.label('B'), names.label('C'), names.label('A')]).toEqual(['A', 'B', '__other', 'A']);
    expect([names.label(null), names.label(undefined), names.label('权责清单'), names.label('x'.repeat(200))]).toEqual([
      '__anonymous',
      '__unresolved',
      '__other',
      '__other',
    ]);
  });
});

describe('trusted documents', () => {
  it("registers the dashboard's operation exactly as the page sends it, valid against the supergraph", () => {
    const docs = loadTrustedDocuments({ mode: 'allow', dir: DEFAULT_TRUSTED_DOCUMENTS_DIR }).clients.get('sanxiang-dashboard');
    const sent = readFileSync(new URL('../../apps/dashboard/public/dashboard.graphql', import.meta.url), 'utf8');
    expect(docs?.get(sha256(sent))).toBe(sent);
    for (const text of docs!.values()) expect(validate(api, parse(text))).toEqual([]);
  });

  it("registers the annual report's operation exactly as the report sends it", () => {
    const docs = loadTrustedDocuments({ mode: 'allow', dir: DEFAULT_TRUSTED_DOCUMENTS_DIR }).clients.get(ANNUAL_REPORT_CLIENT);
    expect(docs?.get(sha256(ANNUAL_REPORT_QUERY))).toBe(ANNUAL_REPORT_QUERY);
    for (const text of docs!.values()) expect(validate(api, parse(text))).toEqual([]);
  });

  it('reads Apollo manifests and refuses an id that is not the hash of its document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanxiang-td-'));
    try {
      const body = 'query A { agencies { name } }';
      writeFileSync(
        join(dir, 'a.json'),
        JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256(body), name: 'A', type: 'query', body }] }),
      );
      expect([...readClientDocuments(join(dir, 'a.json')).values()]).toEqual([body]);
      writeFileSync(join(dir, 'b.json'), JSON.stringify({ ['0'.repeat(64)]: body }));
      expect(() => readClientDocuments(join(dir, 'b.json'))).toThrow(/sha256/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
