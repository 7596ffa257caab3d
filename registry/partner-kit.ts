import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { JWK } from 'jose';
import { CLIENT_NAME_HEADER } from '../kernel/bearer.js';
import type { Config } from '../kernel/config.js';
import { INTERNAL_ISSUER, INTERNAL_TTL_SECONDS, internalAudience, ROLES, type KeyMaterial } from '../kernel/identity.js';
import { DEFAULT_REGISTRY_PATH, loadRegistry, urlEnvName, type RegisteredSubgraph } from '../kernel/schema/registry-file.js';
import { checkOwnership } from './ownership.js';

// What a partner department needs to join, in one place (`npm run partner:kit -- --name NAME`): the public half
// of the internal-token key, the exact token it must accept and everything it must refuse, where the gateway
// and the check will reach it, and the registry entry to propose, with the grants its SDL needs.

export const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** The internal token's claims, as `signInternalToken` (kernel/identity.ts) writes them. */
export const INTERNAL_TOKEN_CLAIMS: Record<string, string> = {
  iss: `签发者，恒为 "${INTERNAL_ISSUER}" (issuer)`,
  aud: '受众，恒为 "sanxiang:<子图名>"：发给别的子图的令牌必须拒绝 (audience: this subgraph only)',
  sub: '调用者标识 (caller subject)',
  role: `调用者角色，取值 ${ROLES.join(' | ')}（SERVICE 为核心子图间调用）(caller role)`,
  agency: '调用者所属执法机关 id，可缺省 (agency id, optional)',
  officer: '调用者的执法人员 id，可缺省 (officer id, optional)',
  rid: '网关的请求 id（首次签发该令牌的请求；令牌在有效期内按调用方和子服务复用，每个请求自己的 id 在 x-request-id 头中），写入日志以便跨服务追踪 (request id the token was first minted for; the per-request id is the x-request-id header)',
  iat: '签发时间（秒）；早于 65 秒前的令牌必须拒绝 (issued at)',
  exp: `过期时间（秒）；有效期 ${INTERNAL_TTL_SECONDS} 秒 (expiry)`,
};

export interface PartnerKit {
  name: string;
  /** INTERNAL_TOKEN_PUBLIC_KEY: verify with it, never expect the private half. */
  publicJwk: JWK;
  token: {
    alg: 'EdDSA';
    issuer: string;
    audience: string;
    lifetimeSeconds: number;
    maxAgeSeconds: number;
    header: string;
    claims: Record<string, string>;
  };
  /** What the check sends and what must happen. */
  probes: string[];
  gatewayUrl: string;
  /** Where the gateway and `--check` reach the partner (`<NAME>_URL` overrides the registry's url). */
  partnerUrl: string;
  urlEnv: string;
  registryPath: string;
  registryEntry: RegisteredSubgraph;
  /** The SDL's problems that no grant can fix (collisions, takeovers); empty when none or no SDL given. */
  policyProblems: string[];
  checkCommand: string;
  composeCommand: string;
}

export function partnerKit(opts: {
  name: string;
  keys: Pick<KeyMaterial, 'internalVerifyKey'>;
  config: Pick<Config, 'port'>;
  registryPath: string;
  env?: NodeJS.ProcessEnv;
  /** The partner's SDL file (any path): the entry's grants are computed from it. */
  sdlPath?: string;
  /** The partner's GraphQL URL as the gateway will reach it. */
  url?: string;
}): PartnerKit {
  const env = opts.env ?? process.env;
  if (!SUBGRAPH_NAME.test(opts.name)) throw new Error(`子图名 ${opts.name} 须为小写字母开头的字母、数字或连字符 (bad name)`);
  const registry = loadRegistry(opts.registryPath);
  if (registry.subgraphs.some((s) => s.name === opts.name && s.core)) throw new Error(`${opts.name} 是核心子图，不是合作方 (a core subgraph)`);
  const urlEnv = urlEnvName(opts.name);
  const partnerUrl = env[urlEnv] || opts.url || registry.subgraphs.find((s) => s.name === opts.name)?.url || `http://<合作方主机>:<端口>/graphql`;
  const sdl = opts.sdlPath ? resolve(opts.sdlPath) : null;
  const entry: RegisteredSubgraph = {
    name: opts.name,
    sdl: sdl ? (isAbsolute(relative(registry.dir, sdl)) ? sdl : relative(registry.dir, sdl)) : '<相对注册表目录的 SDL 文件路径>',
    url: partnerUrl,
    grants: [],
  };
  const policyProblems: string[] = [];
  if (sdl) {
    try {
      readFileSync(sdl, 'utf8'); // a missing file is an error here, not a silent empty kit
    } catch {
      throw new Error(`SDL 文件 ${sdl} 无法读取 (cannot read the SDL)`);
    }
    // The partner alone with the core subgraphs: every ungranted new field becomes a grant to propose.
    const candidate = { ...registry, subgraphs: [...registry.subgraphs.filter((s) => s.name !== opts.name), { ...entry, sdl }] };
    const report = checkOwnership(candidate);
    if (report.skipped.includes(opts.name))
      policyProblems.push(`SDL 文件 ${sdl} 不是可构建的 Federation 2 子图 SDL（npm run compose -- --check 会给出组合错误）`);
    for (const v of report.violations) {
      if (v.subgraph !== opts.name) continue;
      if (v.rule === 'field-not-granted') entry.grants!.push(v.coordinate);
      else policyProblems.push(v.message);
    }
  }
  const gatewayUrl = env.GATEWAY_URL || `http://localhost:${opts.config.port}/graphql`;
  const registryArg = registry.path === DEFAULT_REGISTRY_PATH ? '' : `SUBGRAPH_REGISTRY=${registry.path} `;
  return {
    name: opts.name,
    publicJwk: opts.keys.internalVerifyKey.export({ format: 'jwk' }) as JWK,
    token: {
      alg: 'EdDSA',
      issuer: INTERNAL_ISSUER,
      audience: internalAudience(opts.name),
      lifetimeSeconds: INTERNAL_TTL_SECONDS,
      maxAgeSeconds: INTERNAL_TTL_SECONDS + 5,
      header: 'Authorization: Bearer <token>',
      claims: INTERNAL_TOKEN_CLAIMS,
    },
    probes: [
      '无令牌 → 必须 HTTP 401',
      '未签名令牌（alg: none）→ 必须 HTTP 401',
      '用其他密钥签名的令牌 → 必须 HTTP 401',
      '过期令牌（exp 已过）→ 必须 HTTP 401',
      `发给其他子图的令牌（aud 不是 ${internalAudience(opts.name)}）→ 必须 HTTP 401`,
      '网关的有效令牌（role PUBLIC）→ HTTP 200，且 { _service { sdl } } 与登记的 SDL 文件一致（忽略格式、顺序与描述）',
    ],
    gatewayUrl,
    partnerUrl,
    urlEnv,
    registryPath: registry.path,
    registryEntry: entry,
    policyProblems,
    checkCommand: `PORT=${opts.config.port} ${registryArg}${urlEnv}=${partnerUrl} npm run compose -- --check`,
    composeCommand: `PORT=${opts.config.port} ${registryArg}npm run compose -- --reason "接入合作方 ${opts.name}"`,
  };
}

/** The kit for a terminal. */
export function formatPartnerKit(kit: PartnerKit): string[] {
  return [
    `合作方接入资料 (partner kit): ${kit.name}`,
    '',
    '1. 内部令牌公钥 (internal-token public key, Ed25519 JWK) — 只用于验签，合作方永远拿不到私钥:',
    `   INTERNAL_TOKEN_PUBLIC_KEY='${JSON.stringify(kit.publicJwk)}'`,
    '',
    '2. 每个 GraphQL 请求必须带网关签发的令牌，校验全部以下各项，否则回 HTTP 401:',
    `   请求头 ${kit.token.header}`,
    `   alg=${kit.token.alg}  iss=${kit.token.issuer}  aud=${kit.token.audience}`,
    `   有效期 ${kit.token.lifetimeSeconds} 秒；iat 早于 ${kit.token.maxAgeSeconds} 秒前的令牌拒绝；必须有 exp 与 iat`,
    '   声明 (claims):',
    ...Object.entries(kit.token.claims).map(([k, v]) => `     ${k.padEnd(8)} ${v}`),
    '',
    '3. 检查 (npm run compose -- --check) 对你的子图发送:',
    ...kit.probes.map((p) => `   - ${p}`),
    '',
    `4. 网关 (gateway): ${kit.gatewayUrl}   （接入后经它联查）`,
    `   网关与检查访问你的地址: ${kit.partnerUrl}   （运行时可用 ${kit.urlEnv} 覆盖）`,
    `   查询网关的客户端用请求头 ${CLIENT_NAME_HEADER}: <客户端名> 指明自己（只认这一个请求头），并登记其操作（可信文档）：`,
    '   网关以 TRUSTED_DOCUMENTS=enforce 运行时只执行已登记的操作，未登记的客户端名或操作回 HTTP 403。',
    `   登记 (register, by the agency): npm run trusted-documents -- register <客户端名> <persisted-documents.json 或 .graphql 文件>…`,
    '   （GraphQL Codegen client preset 的 persistedDocuments 或 Apollo 的 persisted query manifest 均可；见 docs/partners.md 接入步骤 6）',
    '',
    `5. 注册表条目（加入 ${kit.registryPath} 的 subgraphs 数组，经审核合入）:`,
    ...JSON.stringify(kit.registryEntry, null, 2)
      .split('\n')
      .map((l) => `   ${l}`),
    ...(kit.registryEntry.grants?.length ? [`   grants 是你的 SDL 在他人实体上新增的字段，须经项目审核授予: ${kit.registryEntry.grants.join(', ')}`] : []),
    ...(kit.policyProblems.length ? ['', '✗ 你的 SDL 违反归属策略，授予也无法放行，请先修改:', ...kit.policyProblems.map((p) => `   - ${p}`)] : []),
    '',
    '6. 检查与写入 (check, then write the supergraph):',
    `   ${kit.checkCommand}`,
    `   ${kit.composeCommand}`,
  ];
}
