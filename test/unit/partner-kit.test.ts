import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as jose from 'jose';
import { DEFAULT_REGISTRY_PATH } from '../../kernel/schema/registry-file.js';
import { formatPartnerKit, partnerKit } from '../../registry/partner-kit.js';
import { SDL_PATH as MC_SDL } from '../../examples/market-credit/server.js';
import { loadKeyMaterial, signInternalToken, type KeyMaterial } from '../../kernel/identity.js';

// `npm run partner:kit`: what a partner gets must be enough to verify the gateway's token, and nothing more.

let dir: string;
let keys: KeyMaterial;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-kit-'));
  keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kitFor = (name: string, more: Partial<Parameters<typeof partnerKit>[0]> = {}) =>
  partnerKit({ name, keys, config: { port: 5200 }, registryPath: DEFAULT_REGISTRY_PATH, env: {}, ...more });

describe('the partner kit', () => {
  it('gives the public key that verifies a real internal token for that partner — and no private part', async () => {
    const kit = kitFor('market-credit', { sdlPath: MC_SDL, url: 'http://credit.example:4020/graphql' });
    expect(Object.keys(kit.publicJwk).sort()).toEqual(['crv', 'kty', 'x']);
    const token = await signInternalToken(keys, { subject: 's', role: 'PARTNER', agencyId: null, officerId: null }, 'rid-1', 'market-credit');
    const { payload } = await jose.jwtVerify(token, await jose.importJWK(kit.publicJwk, 'EdDSA'), { issuer: kit.token.issuer, audience: kit.token.audience });
    // Every claim the token carries is documented in the kit, `rid` included.
    expect(Object.keys(payload).filter((c) => !(c in kit.token.claims))).toEqual([]);
    expect(payload.rid).toBe('rid-1');
    expect(kit.registryEntry).toEqual({
      name: 'market-credit',
      sdl: '../examples/market-credit/schema.graphql',
      url: 'http://credit.example:4020/graphql',
      grants: ['Enterprise.creditRating', 'Enterprise.abnormalOperationListStatus'],
    });
    expect(kit.checkCommand).toBe('PORT=5200 MARKET_CREDIT_URL=http://credit.example:4020/graphql npm run compose -- --check');
    expect(kit.gatewayUrl).toBe('http://localhost:5200/graphql');
    const text = formatPartnerKit(kit).join('\n');
    expect(text).toContain(`INTERNAL_TOKEN_PUBLIC_KEY='${JSON.stringify(kit.publicJwk)}'`);
    expect(text).toMatch(/rid\s+网关的请求 id/);
    // How a client of the gateway names itself (one header) and registers its operations for TRUSTED_DOCUMENTS=enforce.
    expect(text).toContain('请求头 apollographql-client-name');
    expect(text).toContain('npm run trusted-documents -- register <客户端名>');
  });

  it('lists what no grant can fix in a partner SDL, and refuses core or malformed names', () => {
    const hijack = join(dir, 'hijack.graphql');
    writeFileSync(
      hijack,
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
       type Agency @key(fields: "id") { id: ID! name: String! @override(from: "powers") note: String }`,
    );
    const kit = kitFor('rogue', { sdlPath: hijack });
    expect(kit.registryEntry.grants).toEqual(['Agency.note']);
    expect(kit.policyProblems).toEqual([expect.stringMatching(/Agency\.name.*\[规则 override-unowned\]/)]);
    expect(formatPartnerKit(kit).join('\n')).toContain('你的 SDL 违反归属策略');
    expect(() => kitFor('powers')).toThrow(/核心子图/);
    expect(() => kitFor('Bad_Name')).toThrow(/bad name/);
    expect(() => kitFor('rogue', { sdlPath: join(dir, 'missing.graphql') })).toThrow(/无法读取/);
  });
});
