import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exAnteDocuments, type ExAnteRow } from '../../subgraphs/powers/db/schema.js';
import { docFact } from '../../subgraphs/powers/integrity/facts.js';
import { appendPowersEntry } from '../../subgraphs/powers/integrity/log.js';
import { demoDocumentRows } from '../../data/loader/index.js';
import { newId } from '../../kernel/ids.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
import * as jose from 'jose';
import { loadKeyMaterial, signInternalToken, USER_AUDIENCE, USER_ISSUER } from '../../kernel/identity.js';

// Cross-cutting behaviour of the foundation: identity, health, explorer, request ids, cost shape.

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys?.stop());

describe('identity', () => {
  it('answers 401 to a subgraph request without a valid internal token, and serves one with it', async () => {
    const bare = await sys.subgraph(sys.powers.url, '{ agencies { id } }');
    expect(bare.status).toBe(401);
    expect(bare.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const entities = await sys.subgraph(sys.powers.url, '{ _entities(representations: [{ __typename: "Officer", id: "x" }]) { __typename } }');
    expect(entities.status).toBe(401);
    const forged = await fetch(sys.powers.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await sys.token('ADMIN')}` }, // a user token is not an internal token
      body: JSON.stringify({ query: '{ agencies { id } }' }),
    });
    expect(forged.status).toBe(401);
    const ok = await sys.subgraph(sys.powers.url, '{ agencies { id } }', {}, { subject: 't', role: 'PUBLIC', agencyId: null, officerId: null });
    expect(ok.status).toBe(200);
    expect(ok.data!.agencies.length).toBeGreaterThan(0);
  });

  it('refuses an internal token minted for another subgraph, and a verify-only service cannot mint one', async () => {
    const supervisor = { subject: 's', role: 'SUPERVISOR' as const, agencyId: null, officerId: null };
    const forPowers = await signInternalToken(sys.keys, supervisor, 'replay', 'powers');
    const send = (url: string, token: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await send(sys.powers.url, forPowers)).status).toBe(200);
    // A partner (or anyone) holding a token meant for one subgraph cannot replay it against cases.
    expect((await send(sys.cases.url, forPowers)).status).toBe(401);
    const partnerKeys = await loadKeyMaterial(sys.config.keyDir, { verifyOnly: true });
    expect(partnerKeys.internalSigningKey).toBeNull();
    await expect(signInternalToken(partnerKeys, supervisor, 'x', 'cases')).rejects.toThrow(/verify-only/);
  });

  it('refuses a user token without an expiry', async () => {
    const key = await jose.importJWK(sys.keys.devPrivateJwk, 'ES256');
    const eternal = await new jose.SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(USER_ISSUER)
      .setAudience(USER_AUDIENCE)
      .setSubject('x')
      .sign(key);
    expect((await sys.gql('{ agencies { name } }', {}, eternal)).status).toBe(401);
  });

  it('treats callers without a token as PUBLIC and refuses a bad token with 401', async () => {
    const anon = await sys.gql('{ agencies { name } }');
    expect(anon.status).toBe(200);
    const bad = await sys.gql('{ agencies { name } }', {}, 'not-a-jwt');
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tampered = (await sys.token('ADMIN')).slice(0, -4) + 'AAAA';
    expect((await sys.gql('{ agencies { name } }', {}, tampered)).status).toBe(401);
  });

  it('enforces access in __resolveReference too (restricted fields through _entities)', async () => {
    const q = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Officer { name legalProfessionCertificate } } }`;
    const reps = [{ __typename: 'Officer', id: sys.officerId('reviewer-li') }];
    const pub = await sys.subgraph(sys.powers.url, q, { reps }, { subject: 'p', role: 'PUBLIC', agencyId: null, officerId: null });
    expect(pub.data!._entities[0]).toEqual({ name: expect.any(String), legalProfessionCertificate: null });
    const staff = await sys.subgraph(sys.powers.url, q, { reps }, { subject: 's', role: 'REVIEWER', agencyId: sys.agencyId('midong-cgj'), officerId: null });
    expect(staff.data!._entities[0].legalProfessionCertificate).toBe('A20186501090123');
    const draft = await sys.subgraph(
      sys.powers.url,
      `{ _entities(representations: [{ __typename: "PowerItem", code: "650109-CF-0006" }]) { ... on PowerItem { code status } } }`,
      {},
      {
        subject: 'p',
        role: 'PUBLIC',
        agencyId: null,
        officerId: null,
      },
    );
    expect(draft.data!._entities[0]).toBeNull();
  });
});

describe('operations', () => {
  it('exposes /health and /ready on the gateway and the subgraph without a token', async () => {
    for (const base of [sys.gateway.url, sys.powers.url].map((u) => u.replace('/graphql', ''))) {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(200);
    }
  });

  it('serves an explorer that loads nothing from outside the machine', async () => {
    const res = await fetch(sys.gateway.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    // Without a schema token the Docs pane explains how to get one instead of only "Error fetching schema".
    expect(html).toContain('graphiql-doc-explorer-error');
    expect(html).toContain('npm run token -- --role SCHEMA_READER');
    const refused = await sys.gql('{ __schema { queryType { name } } }');
    expect(refused.status).toBe(403);
    expect(refused.errors![0]!.message).toContain('npm run token -- --role SCHEMA_READER');
    // No external scripts, styles or fonts: every src/href is inline, relative or data:.
    const external = [...html.matchAll(/<(?:script|link|img|iframe)[^>]+(?:src|href)=["']([^"']+)["']/gi)]
      .map((m) => m[1]!)
      .filter((u) => /^(https?:)?\/\//i.test(u));
    expect(external).toEqual([]);
    expect(html).not.toMatch(/@import\s+url\(["']?https?:/i);
  });

  it('carries the request id from the gateway to the subgraph logs', async () => {
    const rid = `test-${Date.now()}`;
    const r = await sys.gql('{ agencies { name } }', {}, undefined, { 'x-request-id': rid });
    expect(r.headers.get('x-request-id')).toBe(rid);
    const lines = sys.logLines.filter((l) => l.reqId === rid);
    expect(lines.some((l) => l.service === 'gateway')).toBe(true);
    expect(lines.some((l) => l.service === 'powers')).toBe(true);
  });

  it('masks internal errors and refuses over-deep queries', async () => {
    const deep = `{ agencies { officers { edges { node { agency { officers { edges { node { agency { officers { edges { node { agency { name } } } } } } } } } } } } } }`;
    const r = await sys.gql(deep);
    expect(r.errors?.[0]?.message).toMatch(/depth/i);
    const suggestion = await sys.gql('{ agencie { name } }');
    expect(JSON.stringify(suggestion.errors)).not.toContain('Did you mean');
  });
});

describe('cost shape', () => {
  it('lists 10 and 100 power items with agency and benchmarks in the same number of SQL statements', async () => {
    // Add 120 published power items with benchmarks, copies of the demo ones under new codes.
    const template = demoDocumentRows().filter((r) => r.status === 'PUBLISHED' && (r.kind === 'POWER_ITEM' || r.kind === 'DISCRETION_BENCHMARK'));
    const item = template.find((r) => r.kind === 'POWER_ITEM')!;
    const bench = template.find((r) => r.kind === 'DISCRETION_BENCHMARK')!;
    const rows: ExAnteRow[] = [];
    for (let i = 0; i < 120; i++) {
      const code = `ZZ-LOAD-${String(i).padStart(4, '0')}`;
      rows.push({ ...item, id: newId(), code });
      rows.push({ ...bench, id: newId(), code, powerItemCode: code, content: { ...bench.content, powerItemCode: code } });
    }
    // Published as the workflow publishes: the row and its entry in the powers log (issue 25), in one transaction.
    await sys.powersDb.orm.transaction(async (tx) => {
      await tx.insert(exAnteDocuments).values(rows);
      for (const r of rows) await appendPowersEntry(tx, r.id, 'PUBLISHED', docFact(r), 'test', r.publishedAt ?? new Date());
    });

    const q = `query($n: Int!) { powerItems(first: $n, filter: { category: PENALTY }) {
      edges { node { code agency { name uscc } discretionBenchmark { tiers { tier fineMin fineMax } } } } } }`;
    const cost = async (n: number) => {
      const before = sys.powersDb.stats.statements;
      const r = await sys.gql(q, { n });
      expect(r.errors).toBeUndefined();
      expect(r.data!.powerItems.edges.length).toBe(n);
      expect(r.data!.powerItems.edges.every((e: any) => e.node.agency && e.node.discretionBenchmark)).toBe(true);
      return sys.powersDb.stats.statements - before;
    };
    const ten = await cost(10);
    const hundred = await cost(100);
    expect(hundred).toBe(ten);
    // Page, agencies, benchmarks, and one batched read of the powers log that verifies what is served (issue 25).
    expect(ten).toBeLessThanOrEqual(4);
  });

  it('resolves many entity references in one SQL statement per type', async () => {
    const reps = [
      ...['reviewer-li', 'reviewer-zhang', 'officer-sun', 'officer-chen', 'squad-he'].map((k) => ({ __typename: 'Officer', id: sys.officerId(k) })),
      ...['650109-CF-0001', '650109-CF-0002', '650109-CF-0003'].map((code) => ({ __typename: 'PowerItem', code })),
    ];
    const before = sys.powersDb.stats.statements;
    const r = await sys.subgraph(
      sys.powers.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Officer { name } ... on PowerItem { name } } }`,
      { reps },
      {
        subject: 'p',
        role: 'PUBLIC',
        agencyId: null,
        officerId: null,
      },
    );
    expect(r.data!._entities.every((e: any) => e?.name)).toBe(true);
    // One per type, and one batched read of the powers log verifying the power items served (issue 25).
    expect(sys.powersDb.stats.statements - before).toBe(3);
  });
});
