import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Caller } from '../kernel/identity.js';

// Requests per minute per token subject and per anonymous client IP (rate-limiter-flexible, in memory:
// each gateway instance counts its own; behind N instances the effective limit is N times this —
// RateLimiterRedis takes the same options when a shared count is needed). A refusal is HTTP 429 with
// Retry-After. Configuration (docs/operations.md):
//   RATE_LIMIT_ANONYMOUS (default 600/min per IP), RATE_LIMIT_USER (default 3000/min per subject), 0 = no limit
//   RATE_LIMIT=off, TRUST_PROXY_HOPS (default 0: the client IP is the socket's; N: the Nth address from the
//   right of X-Forwarded-For, as written by N trusted proxies in front of the gateway)

export interface RateLimitConfig {
  anonymousPerMinute: number;
  userPerMinute: number;
  trustProxyHops: number;
}

function perMinute(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${key}=${raw} 应为每分钟请求数（非负整数）(requests per minute)`);
  return n;
}

export function rateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig | null {
  if (env.RATE_LIMIT === 'off') return null;
  return {
    anonymousPerMinute: perMinute(env, 'RATE_LIMIT_ANONYMOUS', 600),
    userPerMinute: perMinute(env, 'RATE_LIMIT_USER', 3000),
    trustProxyHops: perMinute(env, 'TRUST_PROXY_HOPS', 0),
  };
}

/** The client's address: the socket's, or the one the trusted proxies in front of the gateway recorded. */
export function clientIp(req: IncomingMessage, trustProxyHops: number): string {
  const socketIp = req.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return socketIp;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxyHops] ?? forwarded[0] ?? socketIp;
}

export interface RateLimiter {
  /** Null when the request may go on, else the seconds to wait (Retry-After). */
  check(req: IncomingMessage, caller: Caller | null): Promise<{ retryAfterSeconds: number; kind: 'anonymous' | 'user' } | null>;
}

export function createRateLimiter(config: RateLimitConfig): RateLimiter {
  const anonymous = config.anonymousPerMinute > 0 ? new RateLimiterMemory({ points: config.anonymousPerMinute, duration: 60 }) : null;
  const users = config.userPerMinute > 0 ? new RateLimiterMemory({ points: config.userPerMinute, duration: 60 }) : null;
  return {
    async check(req, caller) {
      // No verified caller (anonymous, or a token that failed verification): counted by address.
      const isUser = caller !== null && caller.role !== 'PUBLIC';
      const limiter = isUser ? users : anonymous;
      if (!limiter) return null;
      const key = isUser ? `sub:${caller.subject}` : `ip:${clientIp(req, config.trustProxyHops)}`;
      try {
        await limiter.consume(key);
        return null;
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        return { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), kind: isUser ? 'user' : 'anonymous' };
      }
    },
  };
}
