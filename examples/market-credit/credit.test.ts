import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSupergraphs } from '../../registry/check.js';
import { compose } from '../../registry/compose.js';
import { DEFAULT_SUPERGRAPH_PATH, loadRegistry } from '../../kernel/schema/registry-file.js';
import { checkOwnership } from '../../registry/ownership.js';
import { loadConfig } from '../../kernel/config.js';
import { loadKeyMaterial, signDevUserToken, signInternalToken, type KeyMaterial, type Role } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import type { RunningService } from '../../kernel/server.js';
import { GRANTS, SDL_PATH, startMarketCredit, SUBGRAPH_NAME } from './server.js';

// The example partner subgraph on its own: token check, access per role, input validation, and that it
// composes with the project's subgraphs by adding fields only.

const DEMO_USCC = '91230500MA1B3N1N2M';
let keys: KeyMaterial;
let credit: RunningService;

beforeAll(async () => {
  keys = await loadKeyMaterial(loadConfig().keyDir);
  credit = await startMarketCredit({ keys, log: createLogger('market-credit-test', 'silent') });
});
afterAll(() => credit?.close());

interface Gql {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function ask(query: string, variables: Record<string, unknown>, role: Role | null): Promise<Gql> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (role)
    headers.authorization = `Bearer ${await signInternalToken(keys, { subject: 't', role, agencyId: null, officerId: null }, 'credit-test', 'market-credit')}`;
  const res = await fetch(credit.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as Omit<Gql, 'status'>) };
}

const LOOKUP = `query($uscc: String!) { enterpriseCredit(uscc: $uscc) {
  uscc creditRating { grade ratedOn ratedBy } abnormalOperationListStatus { listed reason listedOn removedOn decidedBy } } }`;

describe('market-credit partner subgraph', () => {
  it('answers 401 without the internal token, also to a user token, like every subgraph built on startSubgraph', async () => {
    const bare = await ask('{ __typename }', {}, null);
    expect(bare.status).toBe(401);
    expect(bare.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const userToken = await signDevUserToken(keys, { role: 'ADMIN', agencyId: null, officerId: null });
    const res = await fetch(credit.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${userToken}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
    expect((await ask('{ __typename }', {}, 'PUBLIC')).status).toBe(200);
  });

  it('shows the rating to a PARTNER and the abnormal-operation list status to everyone', async () => {
    const partner = await ask(LOOKUP, { uscc: DEMO_USCC }, 'PARTNER');
    expect(partner.errors).toBeUndefined();
    expect(partner.data!.enterpriseCredit).toEqual({
      uscc: DEMO_USCC,
      creditRating: { grade: 'C', ratedOn: '2026-06-30', ratedBy: '乌鲁木齐市米东区市场监督管理局' },
      abnormalOperationListStatus: {
        listed: true,
        reason: '通过登记的住所或者经营场所无法联系',
        listedOn: '2026-03-02',
        removedOn: null,
        decidedBy: '乌鲁木齐市米东区市场监督管理局',
      },
    });
    const pub = await ask(LOOKUP, { uscc: DEMO_USCC }, 'PUBLIC');
    expect(pub.data!.enterpriseCredit).toMatchObject({ creditRating: null, abnormalOperationListStatus: { listed: true } });
  });

  it('applies the same rules to _entities (anyone reaching the subgraph can send any key)', async () => {
    const q = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Enterprise { uscc creditRating { grade } abnormalOperationListStatus { listed removedOn } } } }`;
    const reps = [
      { __typename: 'Enterprise', uscc: DEMO_USCC },
      { __typename: 'Enterprise', uscc: '91650109MA78XKQ10X' },
      { __typename: 'Enterprise', uscc: 'not-a-uscc' },
    ];
    const pub = await ask(q, { reps }, 'PUBLIC');
    expect(pub.data!._entities).toEqual([
      { uscc: DEMO_USCC, creditRating: null, abnormalOperationListStatus: { listed: true, removedOn: null } },
      { uscc: '91650109MA78XKQ10X', creditRating: null, abnormalOperationListStatus: { listed: false, removedOn: '2025-09-15' } },
      { uscc: 'not-a-uscc', creditRating: null, abnormalOperationListStatus: null },
    ]);
    const analyst = await ask(q, { reps }, 'ANALYST');
    expect((analyst.data!._entities as { creditRating: { grade: string } | null }[]).map((e) => e.creditRating?.grade ?? null)).toEqual(['C', 'A', null]);
  });

  it('normalises a typed-in USCC, refuses an invalid one with BAD_USER_INPUT, and answers null for one it has no record of', async () => {
    const typed = await ask(LOOKUP, { uscc: ' 91230500ma1b3n1n2m ' }, 'PARTNER');
    expect((typed.data!.enterpriseCredit as { uscc: string }).uscc).toBe(DEMO_USCC);
    const bad = await ask(LOOKUP, { uscc: '91230500MA1B3N1N2X' }, 'PARTNER');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc' });
    expect(bad.errors?.[0]?.message).toMatch(/^输入有误：uscc/);
    const registeredWithoutRecords = await ask(LOOKUP, { uscc: '92650109MA7C2LRJ0J' }, 'OFFICER');
    expect(registeredWithoutRecords.data!.enterpriseCredit).toMatchObject({ creditRating: null, abnormalOperationListStatus: { listed: false, reason: null } });
    const unknown = await ask(LOOKUP, { uscc: '91650100MA77T5PM0U' }, 'PARTNER');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.enterpriseCredit).toBeNull();
  });

  it('composes with the committed subgraphs by adding fields and types only', () => {
    const registry = loadRegistry();
    const result = compose(
      [
        ...registry.subgraphs.map((s) => ({ ...s, sdl: join(registry.dir, s.sdl) })),
        { name: SUBGRAPH_NAME, sdl: SDL_PATH, url: 'http://localhost:4020/graphql' },
      ],
      registry.dir,
    );
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const diff = diffSupergraphs(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'), result.supergraphSdl);
    expect(diff.breaking).toEqual([]);
    expect(diff.added).toEqual(
      expect.arrayContaining(['Enterprise.creditRating', 'Enterprise.abnormalOperationListStatus', 'Query.enterpriseCredit', 'MarketCreditRating']),
    );
    // Its two fields on Enterprise are exactly the grants its registry entry needs; nothing else breaks the policy.
    const withPartner = {
      ...registry,
      subgraphs: [...registry.subgraphs, { name: SUBGRAPH_NAME, sdl: SDL_PATH, url: 'http://localhost:4020/graphql', grants: GRANTS }],
    };
    expect(checkOwnership(withPartner).violations).toEqual([]);
    // Nothing it declares on a shared entity other than the key was already there.
    expect(diff.added.filter((f) => f.startsWith('Enterprise.')).sort()).toEqual(['Enterprise.abnormalOperationListStatus', 'Enterprise.creditRating']);
  });
});
