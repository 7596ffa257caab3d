import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifiedBureauCase } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 29: TLS between the gateway and the subgraphs as settings (TLS_CERT/TLS_KEY on the services, TLS_CA on the
// clients), with a CA made here by openssl. Every service of the system serves HTTPS; the gateway's calls and the
// subgraphs' calls to each other go over it; a client that does not trust the CA, or speaks plain HTTP, gets nothing.

const dir = mkdtempSync(join(tmpdir(), 'sanxiang-tls-'));
const at = (f: string) => join(dir, f);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
let sys: TestSystem;

beforeAll(async () => {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=sanxiang test CA',
  );
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  writeFileSync(at('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  );
  Object.assign(process.env, { TLS_CERT: at('server.pem'), TLS_KEY: at('server.key'), TLS_CA: at('ca.pem') });
  sys = await startTestSystem({ today: '2026-11-20' });
}, 300_000);

afterAll(async () => {
  await sys?.stop();
  for (const k of ['TLS_CERT', 'TLS_KEY', 'TLS_CA']) delete process.env[k];
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS between the services (issue 29)', () => {
  it('every service serves HTTPS; queries and subgraph-to-subgraph calls go over it', async () => {
    for (const s of [sys.gateway, sys.powers, sys.cases, sys.reviews, sys.inspections]) expect(s.url).toMatch(/^https:\/\/localhost:\d+\/graphql$/);
    const items = await sys.gql(`{ powerItems(first: 3) { edges { node { code } } } }`);
    expect(items.errors).toBeUndefined();
    expect((items.data as { powerItems: { edges: unknown[] } }).powerItems.edges.length).toBeGreaterThan(0);
    // Filing, proposing and notifying a case: cases calls powers (agency, officers' credentials) and reviews.
    const c = await notifiedBureauCase(sys);
    expect(c.caseNumber).toBeTruthy();
    expect(c.version).toBeGreaterThan(1);
  });

  it('a client that does not trust the CA, or speaks plain HTTP, is refused', async () => {
    const port = new URL(sys.powers.url).port;
    const untrusting = new Agent();
    const err = await request(`https://localhost:${port}/health`, { dispatcher: untrusting }).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(err?.code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/);
    await untrusting.close();
    const plain = await request(`http://localhost:${port}/health`).then(
      (r) => r.statusCode,
      () => 'refused',
    );
    expect(plain).not.toBe(200);
    const trusted = await fetch(`https://localhost:${port}/health`);
    expect(trusted.status).toBe(200);
  });
});
