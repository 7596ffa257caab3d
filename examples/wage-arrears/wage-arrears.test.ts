import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as jose from 'jose';
import { loadRegistry } from '../../kernel/schema/registry-file.js';
import { checkOwnership } from '../../registry/ownership.js';
import { loadConfig } from '../../kernel/config.js';
import { loadKeyMaterial, signDevUserToken, signInternalToken, type KeyMaterial, type Role } from '../../kernel/identity.js';
import { canonicalUscc, GRANTS, SDL_PATH, startWageArrears, SUBGRAPH_NAME, type RunningPartner } from './server.js';

// The yoga + jose example partner on its own: its token check refuses what the check's probes send, access per
// role (also through _entities), input errors in the project's format, and that it joins by configuration only
// (no import from the project; its SDL keeps to the ownership policy with the one grant the kit computes).

const DEMO_USCC = '91230500MA1B3N1N2M';
let keys: KeyMaterial;
let partner: RunningPartner;
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  keys = await loadKeyMaterial(loadConfig().keyDir);
  partner = await startWageArrears({
    publicJwk: keys.internalVerifyKey.export({ format: 'jwk' }) as jose.JWK,
    log: (l) => void logged.push(l as Record<string, unknown>),
  });
});
afterAll(() => partner?.close());

interface Gql {
  status: number;
  // Response bodies are asserted by shape below (toEqual / toMatchObject), not used as typed values.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(query: string, variables: Record<string, unknown>, token: string | null): Promise<Gql> {
  const res = await fetch(partner.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<Gql, 'status'>) };
}
const as = (role: Role, audience = SUBGRAPH_NAME) =>
  signInternalToken(keys, { subject: 't', role, agencyId: null, officerId: null }, 'wage-test-rid', audience);
const LOOKUP = `query($uscc: String!) { wageArrearsByUscc(uscc: $uscc) { uscc wageArrearsListing { listed reason listedOn removedOn decidedBy arrearsAmount workersAffected } } }`;

describe('wage-arrears partner subgraph (graphql-yoga + @apollo/subgraph + jose)', () => {
  it('answers 401 to no token, a user token, an unsigned, foreign-key, expired or misaddressed token, and 200 to the gateway token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { role: 'ADMIN', sub: 'x', iss: 'sanxiang-internal', aud: 'sanxiang:wage-arrears', iat: now, exp: now + 60 };
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const refused = {
      none: null,
      user: await signDevUserToken(keys, { role: 'ADMIN', agencyId: null, officerId: null }),
      unsigned: `${b64({ alg: 'none' })}.${b64(claims)}.`,
      foreign: await new jose.SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).sign(generateKeyPairSync('ed25519').privateKey),
      expired: await new jose.SignJWT({ ...claims, iat: now - 600, exp: now - 540 }).setProtectedHeader({ alg: 'EdDSA' }).sign(keys.internalSigningKey!),
      misaddressed: await as('ADMIN', 'cases'),
    };
    for (const [kind, token] of Object.entries(refused)) {
      const r = await post('{ __typename }', {}, token);
      expect([kind, r.status, r.errors?.[0]?.extensions?.code]).toEqual([kind, 401, 'UNAUTHENTICATED']);
    }
    const ok = await post('{ _service { sdl } }', {}, await as('PUBLIC'));
    expect(ok.status).toBe(200);
    expect(ok.data!._service.sdl).toContain('wageArrearsListing');
    // The gateway's request id reaches the partner's log.
    expect(logged.some((l) => l.rid === 'wage-test-rid')).toBe(true);
  });

  it('shows the listing to everyone and the amounts to staff and partner departments only', async () => {
    const partnerView = await post(LOOKUP, { uscc: DEMO_USCC }, await as('PARTNER'));
    expect(partnerView.data!.wageArrearsByUscc).toEqual({
      uscc: DEMO_USCC,
      wageArrearsListing: {
        listed: true,
        reason: '拖欠农民工工资，经责令限期支付逾期未支付',
        listedOn: '2026-05-18',
        removedOn: null,
        decidedBy: '乌鲁木齐市米东区人力资源和社会保障局',
        arrearsAmount: '386500.00',
        workersAffected: 27,
      },
    });
    const pub = await post(LOOKUP, { uscc: DEMO_USCC }, await as('PUBLIC'));
    expect(pub.data!.wageArrearsByUscc.wageArrearsListing).toMatchObject({ listed: true, arrearsAmount: null, workersAffected: null });
  });

  it('applies the same rules to _entities, whatever key is sent', async () => {
    const q = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Enterprise { uscc wageArrearsListing { listed arrearsAmount } } } }`;
    const reps = [
      { __typename: 'Enterprise', uscc: DEMO_USCC },
      { __typename: 'Enterprise', uscc: '91650109MA78XKQ10X' },
      { __typename: 'Enterprise', uscc: 'not-a-uscc' },
    ];
    const pub = await post(q, { reps }, await as('PUBLIC'));
    expect(pub.data!._entities).toEqual([
      { uscc: DEMO_USCC, wageArrearsListing: { listed: true, arrearsAmount: null } },
      { uscc: '91650109MA78XKQ10X', wageArrearsListing: { listed: false, arrearsAmount: null } },
      { uscc: 'not-a-uscc', wageArrearsListing: null },
    ]);
    const analyst = await post(q, { reps }, await as('ANALYST'));
    expect(analyst.data!._entities.map((e: { wageArrearsListing: { arrearsAmount: string } | null }) => e.wageArrearsListing?.arrearsAmount ?? null)).toEqual([
      '386500.00',
      '42000.00',
      null,
    ]);
  });

  it('normalises a typed USCC, refuses a bad one with BAD_USER_INPUT naming the field, and answers null for one it has no record of', async () => {
    expect(canonicalUscc(' 91230500ma1b3n1n2m ')).toBe(DEMO_USCC);
    expect(canonicalUscc('91230500MA1B3N1N2X')).toBeNull(); // check character
    const typed = await post(LOOKUP, { uscc: ' 91230500ma1b3n1n2m ' }, await as('PUBLIC'));
    expect(typed.data!.wageArrearsByUscc.uscc).toBe(DEMO_USCC);
    const bad = await post(LOOKUP, { uscc: '91230500MA1B3N1N2X' }, await as('PUBLIC'));
    expect(bad.errors?.[0]).toMatchObject({ message: '输入有误：uscc 不是有效的统一社会信用代码', extensions: { code: 'BAD_USER_INPUT', field: 'uscc' } });
    const unknown = await post(LOOKUP, { uscc: '92650109MA7C2LRJ0J' }, await as('PUBLIC'));
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.wageArrearsByUscc).toBeNull();
  });

  it('joins by configuration only: imports nothing of the project, and its SDL keeps to the policy with its one grant', () => {
    for (const f of ['server.ts', 'main.ts']) {
      const source = readFileSync(join(import.meta.dirname, f), 'utf8');
      const imports = [...source.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]!);
      expect(imports.length, f).toBeGreaterThan(0);
      expect(
        imports.filter((i) => i.startsWith('.') && i !== './server.js'),
        f,
      ).toEqual([]);
    }
    const registry = loadRegistry();
    const withPartner = {
      ...registry,
      subgraphs: [...registry.subgraphs, { name: SUBGRAPH_NAME, sdl: SDL_PATH, url: 'http://localhost:4021/graphql', grants: GRANTS }],
    };
    expect(checkOwnership(withPartner).violations).toEqual([]);
    const ungranted = { ...registry, subgraphs: [...registry.subgraphs, { name: SUBGRAPH_NAME, sdl: SDL_PATH, url: 'http://localhost:4021/graphql' }] };
    expect(checkOwnership(ungranted).violations.map((v) => `${v.rule} ${v.coordinate}`)).toEqual(['field-not-granted Enterprise.wageArrearsListing']);
  });

  it('refuses to start without the public key, saying where to get it', async () => {
    const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/wage-arrears/main.ts'], { env: { PATH: process.env.PATH } }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('npm run partner:kit -- --name wage-arrears');
  });
});
