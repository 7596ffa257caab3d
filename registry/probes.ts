import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { buildSubgraph, valueToString, type Directive, type NamedType } from '@apollo/federation-internals';
import * as jose from 'jose';
import { INTERNAL_ISSUER, internalAudience, signInternalToken, type KeyMaterial } from '../kernel/identity.js';
import { canonicalNamer } from './declarations.js';

// `npm run compose` (before it writes) and `npm run compose -- --check` probe every registered subgraph the way an
// attacker and the gateway would: no token, an unsigned token, a token signed with another key, an expired token,
// one addressed to another subgraph and one addressed to each other registered subgraph or a partner not
// registered at all, a GET without a token, and an ordinary query (not only `_service`) without a token and with
// a forged one must all be refused (HTTP 401; 405 for a GET a subgraph does not serve); the gateway's valid token
// must get an answer, and the SDL served under it (`_service { sdl }`) must be the one registered, or the
// supergraph describes a service that does not exist.

export type ProbeKind =
  'none' | 'unsigned' | 'wrong-key' | 'expired' | 'misaddressed' | 'other-audience' | 'get-none' | 'ordinary-none' | 'ordinary-wrong-key' | 'valid';

export const PROBE_LABELS: Record<ProbeKind, string> = {
  none: '无令牌 (no token)',
  unsigned: '未签名令牌 alg=none (unsigned token)',
  'wrong-key': '他人密钥签名的令牌 (token signed with a wrong key)',
  expired: '过期令牌 (expired token)',
  misaddressed: '发给其他子图的令牌 (token addressed to another subgraph)',
  'other-audience': '发给另一合作方的令牌 (token addressed to another partner)',
  'get-none': '无令牌的 GET 请求 (GET without a token)',
  'ordinary-none': '无令牌的普通查询 (ordinary query without a token)',
  'ordinary-wrong-key': '他人密钥签名令牌的普通查询 (ordinary query with a forged token)',
  valid: '网关的有效令牌 (valid gateway token)',
};

/** A refusal probe: the token it carries and how it is sent. */
interface BadProbe {
  kind: Exclude<ProbeKind, 'valid'>;
  /** null: no Authorization header. */
  token: string | null;
  /** `service`: POST `_service { sdl }`; `ordinary`: POST an ordinary named query; `get`: GET `?query=…`. */
  send: 'service' | 'ordinary' | 'get';
  /** What the step's note adds to the label (the audience tried). */
  detail?: string;
}

/** An audience no registered subgraph has: a partner that accepts it accepts any `sanxiang:*` it does not know. */
export const UNREGISTERED_AUDIENCE_NAME = 'unregistered-partner-probe';

export interface ProbeStep {
  kind: ProbeKind;
  status?: number;
  ok: boolean;
  note: string;
}

export interface SdlComparison {
  equal: boolean;
  /** Canonical lines (see canonicalSdl) present only in what the subgraph serves / only in the registered file. */
  onlyServed: string[];
  onlyRegistered: string[];
}

export interface SubgraphProbe {
  name: string;
  url: string;
  /** passed: every probe as required; failed: see problems; unreachable: no connection (a failure unless allowed). */
  outcome: 'passed' | 'failed' | 'unreachable' | 'allowed-unreachable';
  steps: ProbeStep[];
  sdl: SdlComparison | null;
  /** Why it failed, one line each, naming the probe. */
  problems: string[];
}

export interface ProbeOptions {
  /** The internal-token key pair (the signing half is needed for the expired, misaddressed and valid probes). */
  keys: KeyMaterial | null;
  /** Subgraph names allowed to be unreachable (`--allow-unreachable NAME`); reported, never silently passed. */
  allowUnreachable?: string[];
  /**
   * How long one probe waits for an answer (default PROBE_TIMEOUT_MS, else 5 s). A probe that times out is sent
   * once more with three times the limit: a busy machine or a subgraph's first, cold request is slow, not down
   * (issue 23). A refused connection is not retried.
   */
  timeoutMs?: number;
}

export function probeTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.PROBE_TIMEOUT_MS || 5000);
  return Number.isFinite(ms) && ms > 0 ? ms : 5000;
}

const PROBE_QUERY = JSON.stringify({ query: '{ _service { sdl } }' });
/** A query like any client's, not the federation one: a subgraph strict only for `_service` lets it through. */
const ORDINARY_QUERY = 'query ComposeProbe { __typename }';

/** Federation machinery both sides carry in different spellings; not part of what a subgraph declares. */
const isMachinery = (t: NamedType, machinery: Set<string>) => t.isBuiltIn || machinery.has(t.name) || t.name.includes('__') || t.name.startsWith('_');

/**
 * An SDL as a sorted list of lines, one per type header, field, argument list, enum value or union member,
 * with directive names resolved through @link imports. Formatting, order, descriptions and the printed
 * federation definitions drop out; a different type, field, argument, default or directive does not.
 */
export function canonicalSdl(name: string, sdl: string): string[] {
  const subgraph = buildSubgraph(name, 'http://canonical.invalid', sdl, true);
  const metadata = subgraph.metadata();
  const canonical = canonicalNamer(metadata);
  const machinery = new Set(metadata.allFederationTypes().map((t) => t.name));
  const dirs = (ds: readonly Directive<never>[]) =>
    ds
      .map((d) => {
        const args = Object.entries(d.arguments() as Record<string, unknown>)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}: ${k === 'fields' && typeof v === 'string' ? JSON.stringify(v.replace(/[\s,]+/g, ' ').trim()) : valueToString(v)}`);
        return `@${canonical(d)}${args.length ? `(${args.join(', ')})` : ''}`;
      })
      .sort()
      .join(' ');
  const lines: string[] = [];
  for (const type of subgraph.schema.types()) {
    if (isMachinery(type, machinery)) continue;
    const head = `${type.kind} ${type.name}`;
    lines.push(`${head} ${dirs(type.appliedDirectives as Directive<never>[])}`.trimEnd());
    if (type.kind === 'ObjectType' || type.kind === 'InterfaceType') {
      if (type.interfaces().length)
        lines.push(
          `${type.name} implements ${type
            .interfaces()
            .map((i) => i.name)
            .sort()
            .join(' & ')}`,
        );
      for (const f of type.fields()) {
        if (f.name === '_service' || f.name === '_entities') continue;
        const args = f
          .arguments()
          .map((a) =>
            `${a.name}: ${a.type!.toString()}${a.defaultValue !== undefined ? ` = ${valueToString(a.defaultValue, a.type)}` : ''} ${dirs(a.appliedDirectives as Directive<never>[])}`.trimEnd(),
          )
          .sort();
        lines.push(
          `${type.name}.${f.name}${args.length ? `(${args.join(', ')})` : ''}: ${f.type!.toString()} ${dirs(f.appliedDirectives as Directive<never>[])}`.trimEnd(),
        );
      }
    } else if (type.kind === 'InputObjectType') {
      for (const f of type.fields()) {
        lines.push(
          `${type.name}.${f.name}: ${f.type!.toString()}${f.defaultValue !== undefined ? ` = ${valueToString(f.defaultValue, f.type)}` : ''} ${dirs(f.appliedDirectives as Directive<never>[])}`.trimEnd(),
        );
      }
    } else if (type.kind === 'EnumType') {
      for (const v of type.values) lines.push(`${type.name}.${v.name} ${dirs(v.appliedDirectives as Directive<never>[])}`.trimEnd());
    } else if (type.kind === 'UnionType') {
      lines.push(
        `${type.name} = ${type
          .types()
          .map((t) => t.name)
          .sort()
          .join(' | ')}`,
      );
    }
  }
  return lines.sort();
}

export function compareSdl(name: string, registered: string, served: string): SdlComparison {
  const a = canonicalSdl(name, registered);
  const b = canonicalSdl(name, served);
  const inA = new Set(a);
  const inB = new Set(b);
  const onlyServed = b.filter((l) => !inA.has(l));
  const onlyRegistered = a.filter((l) => !inB.has(l));
  return { equal: onlyServed.length === 0 && onlyRegistered.length === 0, onlyServed, onlyRegistered };
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** The refusal probes, in order; each token claims ADMIN, the role a forger would want. A null token of a kind that needs one: no signing key here. */
async function badProbes(
  keys: KeyMaterial | null,
  name: string,
  otherSubgraphs: string[],
): Promise<{ probes: (BadProbe | { kind: BadProbe['kind']; token: null; missingKey: true })[]; valid: string | null }> {
  const t = await badTokens(keys, name, otherSubgraphs[0] ?? `not-${name}`);
  const signing = keys?.internalSigningKey ?? null;
  const now = Math.floor(Date.now() / 1000); // timing: token lifetimes, not a business date
  const addressedTo = async (audience: string) =>
    signing
      ? new jose.SignJWT({
          role: 'ADMIN',
          rid: `compose-check-${randomUUID()}`,
          sub: 'compose-check',
          iss: INTERNAL_ISSUER,
          aud: internalAudience(audience),
          iat: now,
          exp: now + 60,
        })
          .setProtectedHeader({ alg: 'EdDSA' })
          .sign(signing)
      : null;
  const needsKey = (kind: BadProbe['kind'], token: string | null, rest: Omit<BadProbe, 'kind' | 'token'>) =>
    token === null ? { kind, token: null, missingKey: true as const } : { kind, token, ...rest };
  // Every other registered subgraph (partners included: a partner must not take a token meant for another partner)
  // beyond the first, and an audience nobody registered.
  const others = [...otherSubgraphs.slice(1), UNREGISTERED_AUDIENCE_NAME];
  return {
    probes: [
      { kind: 'none', token: null, send: 'service' },
      { kind: 'unsigned', token: t.unsigned, send: 'service' },
      { kind: 'wrong-key', token: t['wrong-key'], send: 'service' },
      needsKey('expired', t.expired, { send: 'service' }),
      needsKey('misaddressed', t.misaddressed, { send: 'service', detail: `aud=${internalAudience(otherSubgraphs[0] ?? `not-${name}`)}` }),
      ...(await Promise.all(
        others.map(async (o) => needsKey('other-audience', await addressedTo(o), { send: 'service', detail: `aud=${internalAudience(o)}` })),
      )),
      { kind: 'get-none', token: null, send: 'get' },
      { kind: 'ordinary-none', token: null, send: 'ordinary' },
      { kind: 'ordinary-wrong-key', token: t['wrong-key'], send: 'ordinary' },
    ],
    valid: t.valid,
  };
}

async function badTokens(
  keys: KeyMaterial | null,
  name: string,
  otherSubgraph: string,
): Promise<Record<'unsigned' | 'wrong-key' | 'expired' | 'misaddressed' | 'valid', string | null>> {
  const rid = `compose-check-${randomUUID()}`;
  const now = Math.floor(Date.now() / 1000); // timing: token lifetimes, not a business date
  const claims = { role: 'ADMIN', rid, sub: 'compose-check', iss: INTERNAL_ISSUER, aud: internalAudience(name), iat: now, exp: now + 60 };
  const stranger = generateKeyPairSync('ed25519').privateKey;
  const sign = (payload: jose.JWTPayload, key: Parameters<jose.SignJWT['sign']>[0]) => new jose.SignJWT(payload).setProtectedHeader({ alg: 'EdDSA' }).sign(key);
  const signing = keys?.internalSigningKey ?? null;
  return {
    unsigned: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    'wrong-key': await sign(claims, stranger),
    expired: signing ? await sign({ ...claims, iat: now - 3600, exp: now - 3540 }, signing) : null,
    misaddressed: signing ? await sign({ ...claims, aud: internalAudience(otherSubgraph) }, signing) : null,
    valid: signing
      ? await signInternalToken(keys!, { subject: 'compose-check', role: 'PUBLIC', agencyId: null, officerId: null }, `compose-check-${randomUUID()}`, name)
      : null,
  };
}

type Send = BadProbe['send'];

async function post(
  url: string,
  token: string | null,
  timeoutMs: number,
  send: Send = 'service',
): Promise<{ status: number; body: unknown } | { error: string }> {
  const first = await postOnce(url, token, timeoutMs, send);
  return 'error' in first && first.error === 'TimeoutError' ? postOnce(url, token, timeoutMs * 3, send) : first;
}

async function postOnce(url: string, token: string | null, timeoutMs: number, send: Send): Promise<{ status: number; body: unknown } | { error: string }> {
  const auth: Record<string, string> = token !== null ? { authorization: `Bearer ${token}` } : {};
  try {
    const res =
      send === 'get'
        ? await fetch(`${url}${url.includes('?') ? '&' : '?'}query=${encodeURIComponent(ORDINARY_QUERY)}`, {
            headers: { accept: 'application/json', ...auth },
            signal: AbortSignal.timeout(timeoutMs),
          })
        : await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...auth },
            body: send === 'service' ? PROBE_QUERY : JSON.stringify({ query: ORDINARY_QUERY, operationName: 'ComposeProbe' }),
            signal: AbortSignal.timeout(timeoutMs),
          });
    const text = await res.text().catch(() => '');
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: judged by the status alone */
    }
    return { status: res.status, body };
  } catch (err) {
    return { error: (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name };
  }
}

/** Probes one subgraph; `registeredSdl` is the text of its registered file (null: unreadable, the SDL comparison fails). */
export async function probeSubgraph(
  target: { name: string; url: string; registeredSdl: string | null; otherSubgraphs: string[] },
  opts: ProbeOptions,
): Promise<SubgraphProbe> {
  const { name, url } = target;
  const timeoutMs = opts.timeoutMs ?? probeTimeoutFromEnv();
  const result: SubgraphProbe = { name, url, outcome: 'passed', steps: [], sdl: null, problems: [] };
  const { probes, valid } = await badProbes(opts.keys, name, target.otherSubgraphs);
  for (const probe of probes) {
    const { kind } = probe;
    const label = `${PROBE_LABELS[kind]}${'detail' in probe && probe.detail ? ` ${probe.detail}` : ''}`;
    if ('missingKey' in probe) {
      result.steps.push({ kind, ok: false, note: `${label}：未发送，本机没有内部令牌的签名私钥 (no signing key here)` });
      result.problems.push(`子图 ${name}：无法发送「${label}」探测——检查须在持有 INTERNAL_TOKEN_PRIVATE_KEY 的环境运行`);
      continue;
    }
    const answer = await post(url, probe.token, timeoutMs, probe.send);
    if ('error' in answer) {
      if (kind === 'none') {
        const allowed = opts.allowUnreachable?.includes(name) ?? false;
        result.outcome = allowed ? 'allowed-unreachable' : 'unreachable';
        result.problems.push(
          allowed
            ? `子图 ${name} (${url}) 无法连接 (${answer.error})，已按 --allow-unreachable ${name} 放行：其令牌校验与 SDL 均未验证 (NOT verified)`
            : `子图 ${name} (${url}) 无法连接 (${answer.error})：无法验证它拒绝伪造令牌、提供登记的 SDL；确属计划内停机请加 --allow-unreachable ${name} (unreachable)`,
        );
        return result;
      }
      result.steps.push({ kind, ok: false, note: `${label}：请求失败 (${answer.error})` });
      result.problems.push(`子图 ${name} 对「${label}」没有应答 (${answer.error})，应返回 HTTP 401`);
      continue;
    }
    // A GET the subgraph does not serve at all (405) is refused too.
    const ok = answer.status === 401 || (probe.send === 'get' && answer.status === 405);
    const accepted = answer.status >= 200 && answer.status < 300;
    const note = ok
      ? `${label}：HTTP ${answer.status} ✓`
      : accepted
        ? `${label}：HTTP ${answer.status}，请求被接受 (ACCEPTED)`
        : `${label}：HTTP ${answer.status}，应为 401`;
    result.steps.push({ kind, status: answer.status, ok, note });
    if (!ok) {
      result.problems.push(
        accepted
          ? `子图 ${name} 接受了${label}（HTTP ${answer.status}）：任何人绕过网关即可${probe.token === null ? '直接' : '冒充 ADMIN '}读取它的数据——它没有正确校验内部令牌（EdDSA 签名、iss、aud=${internalAudience(name)}、exp；每个请求、每种方法）`
          : `子图 ${name} 对${label}返回 HTTP ${answer.status}，约定为 401`,
      );
    }
  }
  if (valid === null) {
    result.steps.push({ kind: 'valid', ok: false, note: `${PROBE_LABELS.valid}：未发送 (no signing key here)` });
  } else {
    const answer = await post(url, valid, timeoutMs);
    if ('error' in answer) {
      result.steps.push({ kind: 'valid', ok: false, note: `${PROBE_LABELS.valid}：请求失败 (${answer.error})` });
      result.problems.push(`子图 ${name} 对网关的有效令牌没有应答 (${answer.error})`);
    } else {
      const served = (answer.body as { data?: { _service?: { sdl?: unknown } } } | null)?.data?._service?.sdl;
      const ok = answer.status === 200 && typeof served === 'string';
      result.steps.push({ kind: 'valid', status: answer.status, ok, note: `${PROBE_LABELS.valid}：HTTP ${answer.status}${ok ? ' ✓' : ''}` });
      if (!ok) {
        result.problems.push(
          answer.status === 401
            ? `子图 ${name} 拒绝了网关的有效令牌（HTTP 401）：检查它的 INTERNAL_TOKEN_PUBLIC_KEY 与期望的 aud=${internalAudience(name)}（npm run partner:kit -- --name ${name}）`
            : `子图 ${name} 对网关的有效令牌没有返回 _service { sdl }（HTTP ${answer.status}）：它不是可组合的联邦子图`,
        );
      } else if (target.registeredSdl === null) {
        result.problems.push(`子图 ${name} 的登记 SDL 文件无法读取，无法与其实际提供的 SDL 对比`);
      } else {
        try {
          result.sdl = compareSdl(name, target.registeredSdl, served);
        } catch (err) {
          result.problems.push(`子图 ${name} 提供的 SDL 无法解析 (served SDL does not build): ${(err as Error).message}`);
        }
        if (result.sdl && !result.sdl.equal) {
          const show = (ls: string[]) => ls.slice(0, 8).join('; ') + (ls.length > 8 ? ` …（共 ${ls.length} 处）` : '');
          result.problems.push(
            `子图 ${name} 实际提供的 SDL 与登记的文件不同 (served SDL differs from the registered file)` +
              (result.sdl.onlyServed.length ? `；只在实际提供中: ${show(result.sdl.onlyServed)}` : '') +
              (result.sdl.onlyRegistered.length ? `；只在登记文件中: ${show(result.sdl.onlyRegistered)}` : ''),
          );
        }
      }
    }
  }
  result.outcome = result.problems.length ? 'failed' : 'passed';
  return result;
}

/** Probes every target concurrently (each subgraph's probes in sequence). */
export async function probeSubgraphs(targets: { name: string; url: string; registeredSdl: string | null }[], opts: ProbeOptions): Promise<SubgraphProbe[]> {
  const names = targets.map((t) => t.name);
  return Promise.all(targets.map((t) => probeSubgraph({ ...t, otherSubgraphs: names.filter((n) => n !== t.name) }, opts)));
}
