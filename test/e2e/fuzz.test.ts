import fc from 'fast-check';
import {
  GraphQLInputObjectType,
  GraphQLNonNull,
  buildClientSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
  getIntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CASES_TODAY, seedCases } from '../../data/loader/index.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Malformed input across every mutation of the API schema (read from the running gateway by
// introspection), generated with fast-check: type-correct values with hostile leaves (over-long text,
// dates past 9999, impossible dates, extreme numbers, unknown ids, markup, control characters) so the
// requests get past GraphQL coercion into the resolvers, the domain rules and the database; plus
// values of the wrong type and garbled query text. Whatever comes back must be a client refusal or a
// result: never HTTP 500, never INTERNAL_SERVER_ERROR, no error-level log line, no input in the logs.

const RUNS = Number(process.env.FUZZ_RUNS ?? 1200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Put in generated text; must never show up in a log line (logs hold no client input or personal data). */
const MARKER = '张某某身份证650102199001011234';

let sys: TestSystem;
let schema: GraphQLSchema;
const ids: Record<string, string[]> = {};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sys = await startTestSystem({ today: SEED_CASES_TODAY });
  await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url });
  tokens.ADMIN = await sys.token('ADMIN', null, 'admin-zhao');
  tokens.OFFICER = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
  tokens.PRINCIPAL = await sys.token('PRINCIPAL', 'midong-cgj', 'principal-wang');
  tokens.REVIEWER = await sys.token('REVIEWER', 'midong-cgj', 'reviewer-zhang');
  tokens.SUPERVISOR = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  const intro = await sys.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, tokens.ADMIN);
  expect(intro.errors).toBeUndefined();
  schema = buildClientSchema(intro.data!);
  const known = await sys.gql(
    `{ cases(first: 50) { edges { node { id version } } } publications(first: 20) { edges { node { id } } } agencies { id officers(first: 20) { edges { node { id } } } } }`,
    {},
    tokens.SUPERVISOR,
  );
  expect(known.errors).toBeUndefined();
  ids.case = known.data!.cases.edges.map((e: any) => e.node.id);
  ids.publication = known.data!.publications.edges.map((e: any) => e.node.id);
  ids.agency = known.data!.agencies.map((a: any) => a.id);
  ids.officer = known.data!.agencies.flatMap((a: any) => a.officers.edges.map((e: any) => e.node.id));
  ids.bureau = [sys.agencyId('midong-cgj')];
  ids.bureauOfficers = [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
  ids.code = ['650109-CF-0001', '650109-CF-0002', '650109-CF-0006', '650109-XK-0001'];
  ids.uscc = ['91230500MA1B3N1N2M'];
}, 240_000);
afterAll(() => sys?.stop());

// ---- arbitraries ---------------------------------------------------------------------------------

/** Text longer than a column holds: VARCHAR(26/64/100/200/…) and TEXT (65,535 bytes; a CJK character is 3). */
const overLong = fc
  .tuple(fc.constantFrom(27, 65, 101, 201, 256, 501, 1001, 4001, 22_000, 65_536, 70_000), fc.constantFrom('x', '案', MARKER))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
const hostileText = fc.oneof(
  { weight: 3, arbitrary: overLong },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      MARKER,
      "'; DROP TABLE cases; --",
      '<script>alert(1)</script>',
      '\u0000\u0001\u001f',
      '\ud83d\ude00'.repeat(100),
      '\ud800',
      '10000-01-01',
      '9999-12-31',
      '-1',
      '1e309',
      'null',
      '{"$gt":""}',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 100, maxLength: 600 }) },
);
const plausibleText = fc.constantFrom('日常巡查发现违法行为。', '张某', '乌鲁木齐某某商贸有限公司', '米东区某路1号', '第一百一十八条', 'ok');
const dates = fc.oneof(
  fc.constantFrom(
    '9999-12-31',
    '10000-01-01',
    '0000-01-01',
    '0001-01-01',
    '2026-02-29',
    '2026-13-01',
    '2026-11-02',
    '2026-00-10',
    '99999-01-01',
    '+010000-01-01',
  ),
  fc.date({ min: new Date(-62_000_000_000_000), max: new Date(253_402_300_799_000), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  hostileText,
);
const dateTimes = fc.oneof(
  fc.constantFrom('9999-12-31T23:59:59.999Z', '10000-01-01T00:00:00Z', '2026-11-02T25:00:00Z', '1970-01-01T00:00:00Z'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  hostileText,
);
const decimals = fc.oneof(fc.constantFrom('0', '500', '99999999999999.99', '0.001', '-5', '1e5', '5000.5', '200'), hostileText);
const ints = fc.oneof(fc.constantFrom(0, 1, 2, -1, 2147483647, -2147483648, 100000), fc.integer({ min: -1000, max: 1000 }));
/** Ids that exist, the demo bureau's first (so requests get past the lookups to the rule or column that refuses). */
const idFor = (field: string): fc.Arbitrary<unknown> => {
  const [preferred, pool] = /agency/i.test(field)
    ? [ids.bureau!, ids.agency!]
    : /officer|reviewer|principal/i.test(field)
      ? [ids.bureauOfficers!, ids.officer!]
      : /publication/i.test(field)
        ? [ids.publication!, ids.publication!]
        : [ids.case!, ids.case!];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...preferred) },
    { weight: 1, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: hostileText },
  );
};

/** A well-formed value for `type` (ids that exist, short text, today's dates); optional fields half the time. */
function plausible(type: GraphQLInputType, field: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plausible(type.ofType, field, depth);
  if (isListType(type)) {
    if (/officerIds/.test(field)) return fc.constant(ids.bureauOfficers);
    return fc.array(plausible(type.ofType, field, depth + 1), { minLength: 1, maxLength: 2 });
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => depth < 4 || isNonNullType(f.type));
    const record = Object.fromEntries(fields.map((f) => [f.name, plausible(f.type, f.name, depth + 1)]));
    return fc.record(record, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  switch (getNamedType(type).name) {
    case 'String':
      if (/uscc/i.test(field)) return fc.constantFrom(...ids.uscc!);
      if (/code/i.test(field)) return fc.constantFrom(...ids.code!);
      if (/(^|[a-z])(date|On)$|^(from|to)$/.test(field)) return fc.constant('2026-11-02');
      return plausibleText;
    case 'ID':
      return idFor(field);
    case 'Int':
      return fc.integer({ min: 1, max: /version/i.test(field) ? 4 : 10 });
    case 'Float':
      return fc.constantFrom(1, 0.5);
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.constant('2026-11-02');
    case 'DateTime':
      return fc.constant('2026-11-02T03:00:00.000Z');
    case 'Decimal':
      return fc.constantFrom('500', '200', '5000');
    default:
      return plausibleText;
  }
}

/** A hostile value where a `type` belongs: extreme but well-typed most of the time, sometimes null or the wrong type. */
function hostile(type: GraphQLInputType, field: string): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.constant({ nested: MARKER }), fc.constant([1, 2]), hostileText);
  const named = getNamedType(type);
  let typed: fc.Arbitrary<unknown>;
  if (isListType(isNonNullType(type) ? type.ofType : type))
    typed = fc.oneof(fc.constant([]), fc.array(hostileText, { maxLength: 3 }), fc.array(fc.constant(ids.case![0]), { minLength: 30, maxLength: 200 }));
  else if (isInputObjectType(named)) typed = fc.oneof(fc.constant({}), fc.constant({ [`unknown_${field}`]: MARKER }));
  else if (isEnumType(named)) typed = hostileText;
  else {
    switch (named.name) {
      case 'ID':
        typed = fc.oneof(hostileText, fc.constantFrom(...ids.agency!, ...ids.officer!, ...ids.publication!));
        break;
      case 'Int':
        typed = ints;
        break;
      case 'Float':
        typed = fc.oneof(fc.double(), fc.constantFrom(1e308, -0, 0.1));
        break;
      case 'Boolean':
        typed = hostileText;
        break;
      case 'Date':
        typed = dates;
        break;
      case 'DateTime':
        typed = dateTimes;
        break;
      case 'Decimal':
        typed = decimals;
        break;
      default:
        typed = /(^|[a-z])(date|On)$|^(from|to)$/.test(field) ? dates : hostileText;
    }
  }
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: wrong });
}

interface Leaf {
  path: (string | number)[];
  type: GraphQLInputType;
  name: string;
}

/** Every place of a well-formed value a malformed one can go: each field (present or not) and each list item. */
function leaves(value: unknown, type: GraphQLInputType, name: string, path: (string | number)[] = []): Leaf[] {
  const here: Leaf = { path, type, name };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) return [here, ...value.flatMap((v, i) => leaves(v, inner.ofType, name, [...path, i]))];
  if (isInputObjectType(inner) && value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return [
      here,
      ...Object.values(inner.getFields()).flatMap((f) =>
        f.name in obj ? leaves(obj[f.name], f.type, f.name, [...path, f.name]) : [{ path: [...path, f.name], type: f.type, name: f.name }],
      ),
    ];
  }
  return [here];
}

function setPath(root: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') return copy; // an earlier change replaced the parent
    node = next as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

interface Case {
  mutation: string;
  role: string;
  body: unknown;
}

function mutationCase(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Case> {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `mutation Fuzz${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  const argsType = new GraphQLInputObjectType({ name: 'Args', fields: Object.fromEntries(field.args.map((a) => [a.name, { type: a.type }])) });
  // A well-formed request with one malformed place in it (one or two in a tenth of the cases).
  const variables = plausible(new GraphQLNonNull(argsType), 'args').chain((good) => {
    const spots = leaves(good, argsType, 'args').filter((l) => l.path.length > 0);
    if (spots.length === 0) return fc.constant(good as Record<string, unknown>);
    const one = (base: Record<string, unknown>) =>
      fc.nat({ max: spots.length - 1 }).chain((i) => hostile(spots[i]!.type, spots[i]!.name).map((bad) => setPath(base, spots[i]!.path, bad)));
    return fc.oneof({ weight: 9, arbitrary: one(good as Record<string, unknown>) }, { weight: 1, arbitrary: one(good as Record<string, unknown>).chain(one) });
  });
  return fc.record({
    mutation: fc.constant(field.name),
    role: fc.constantFrom('OFFICER', 'OFFICER', 'OFFICER', 'ADMIN', 'ADMIN', 'PRINCIPAL', 'REVIEWER', 'SUPERVISOR', 'PUBLIC'),
    body: variables.map((v) => ({ query, variables: v, operationName: 'Fuzz' })),
  });
}

/** Garbled requests: broken JSON, broken documents, unknown operation names, wrong shapes. */
const garbled: fc.Arbitrary<Case> = fc.record({
  mutation: fc.constant('(garbled)'),
  role: fc.constantFrom('ADMIN', 'PUBLIC'),
  body: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{"query": ', '[]', '{"query": 1}', '{"query": "mutation {", "variables": 5}', 'null'),
    fc.string({ maxLength: 300 }).map((q) => ({ query: `mutation X { ${q} }` })),
    fc.string({ maxLength: 30 }).map((name) => ({ query: 'mutation A { syncInspections { finishedAt } }', operationName: name })),
    fc.constant({ query: 'subscription S { x }' }),
    fc.constant({ query: '{ a: __typename b: __typename }', operationName: null, variables: [] as unknown as Record<string, unknown> }),
  ),
});

async function send(c: Case): Promise<GqlResult> {
  const token = c.role === 'PUBLIC' ? undefined : tokens[c.role];
  const res = await fetch(sys.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
  });
  const text = await res.text();
  let json: Partial<GqlResult> = {};
  try {
    json = JSON.parse(text) as Partial<GqlResult>;
  } catch {
    json = { errors: [{ message: `non-JSON: ${text.slice(0, 100)}`, extensions: { code: 'NON_JSON' } }] };
  }
  return { ...json, status: res.status, headers: res.headers };
}

describe('fuzzing the mutations', () => {
  it(`answers ${RUNS} generated malformed requests without a 500 or an internal error`, async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(20);
    const arbitrary = fc.oneof({ weight: 9, arbitrary: fc.oneof(...mutations.map(mutationCase)) }, { weight: 1, arbitrary: garbled });
    const cases = fc.sample(arbitrary, { numRuns: RUNS, seed: SEED });
    const logStart = sys.logLines.length;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    const covered = new Set<string>();
    for (const c of cases) {
      const r = await send(c);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      covered.add(c.mutation);
      for (const e of r.errors ?? []) {
        const code = String(e.extensions?.code);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code === 'INTERNAL_SERVER_ERROR' || code === 'NON_JSON' || code === 'undefined') {
          failures.push(`${c.mutation} as ${c.role}: ${code} ${e.message} ← ${JSON.stringify(c.body).slice(0, 300)}`);
        }
      }
      if (r.status >= 500) failures.push(`${c.mutation} as ${c.role}: HTTP ${r.status} ← ${JSON.stringify(c.body).slice(0, 300)}`);
    }
    console.info(
      `fuzz: ${cases.length} requests (seed ${SEED}), ${covered.size} mutations; statuses ${JSON.stringify(Object.fromEntries(statuses))}; codes ${JSON.stringify(Object.fromEntries(codes))}`,
    );
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect(covered.size).toBe(mutations.length + 1);
    // Client mistakes are not the operator's errors: nothing at error level, and no client input in any line.
    const lines = sys.logLines.slice(logStart);
    expect(lines.filter((l) => (l.level as number) >= 50).map((l) => `${l.service}: ${l.msg} ${JSON.stringify(l.err ?? '').slice(0, 300)}`)).toEqual([]);
    expect(lines.filter((l) => JSON.stringify(l).includes('650102199001011234'))).toEqual([]);
    // The refusals are specific: most say BAD_USER_INPUT (with the field) or name the rule that refused.
    expect(codes.get('BAD_USER_INPUT') ?? 0).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
