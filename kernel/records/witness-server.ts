import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { reanchorMessage, type RemoteHead } from './remote-witness.js';

/**
 * The append-only witness service (issue 25, `npm run witness`): its own process and its own storage (a JSON-lines
 * file in WITNESS_DIR, only ever appended to). It accepts a head only if it moves forward (checkpointSeq greater than
 * the last one for that database); a head at or behind the last is refused with 409 and kept as an alarm line, so a
 * restored database cannot push the witness back. Re-anchoring (accepting a lower head, after a deliberate reset)
 * needs the key holder's explicit approval: an Ed25519 signature over reanchorMessage by the approver key
 * (WITNESS_APPROVER_PUBLIC_KEY_FILE); without that key configured, no re-anchoring is possible at all.
 */

interface Line {
  type: 'HEAD' | 'REFUSED' | 'REANCHOR';
  dbName: string;
  checkpointSeq: number;
  globalSeq: number;
  headHash: string;
  signature?: string | null;
  reason?: string;
  at: string;
}

export interface WitnessServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const DB_RE = /^[A-Za-z0-9_]{1,64}$/;

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 16_384) throw new Error('too large');
  }
  return JSON.parse(text || '{}') as Record<string, unknown>;
}

const isHead = (b: Record<string, unknown>) =>
  Number.isInteger(b.checkpointSeq) && Number.isInteger(b.globalSeq) && typeof b.headHash === 'string' && /^[0-9a-f]{64}$/.test(b.headHash);

export async function startWitnessServer(opts: { dir: string; port?: number; host?: string; approverKey?: KeyObject | null }): Promise<WitnessServer> {
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const file = join(opts.dir, 'heads.jsonl');
  const latest = new Map<string, Line>();
  let existing = '';
  try {
    existing = readFileSync(file, 'utf8');
  } catch {
    /* first start */
  }
  for (const l of existing.split('\n').filter(Boolean)) {
    const line = JSON.parse(l) as Line;
    if (line.type !== 'REFUSED') latest.set(line.dbName, line);
  }
  const append = (line: Line) => {
    appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    if (line.type !== 'REFUSED') latest.set(line.dbName, line);
  };
  const server = createServer(async (req, res) => {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    try {
      const m = /^\/(heads|reanchor)\/([^/]+)$/.exec(req.url ?? '');
      const dbName = m ? decodeURIComponent(m[2]!) : '';
      if (!m || !DB_RE.test(dbName)) return send(404, { error: 'not found' });
      const last = latest.get(dbName) ?? null;
      if (req.method === 'GET' && m[1] === 'heads') {
        return last
          ? send(200, { dbName, checkpointSeq: last.checkpointSeq, globalSeq: last.globalSeq, headHash: last.headHash, postedAt: last.at } satisfies RemoteHead)
          : send(404, { error: 'no head' });
      }
      if (req.method !== 'POST') return send(405, { error: 'method not allowed' });
      const b = await body(req);
      if (!isHead(b)) return send(400, { error: 'checkpointSeq, globalSeq, headHash (64 hex) required' });
      const head = { dbName, checkpointSeq: b.checkpointSeq as number, globalSeq: b.globalSeq as number, headHash: b.headHash as string };
      const at = new Date().toISOString();
      if (m[1] === 'heads') {
        if (last && head.checkpointSeq < last.checkpointSeq) {
          append({ type: 'REFUSED', ...head, at, reason: `behind #${last.checkpointSeq}` });
          return send(409, { error: `见证已记载 #${last.checkpointSeq}，拒绝回退到 #${head.checkpointSeq}` });
        }
        if (last && head.checkpointSeq === last.checkpointSeq) {
          if (head.headHash === last.headHash) return send(200, { ok: true, unchanged: true });
          append({ type: 'REFUSED', ...head, at, reason: 'same seq, different head' });
          return send(409, { error: `检查点 #${head.checkpointSeq} 的链头与见证记载不同` });
        }
        append({ type: 'HEAD', ...head, signature: typeof b.signature === 'string' ? b.signature : null, at });
        return send(200, { ok: true });
      }
      // Re-anchoring: only with the key holder's signature over exactly this head and reason.
      const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
      if (!opts.approverKey) return send(403, { error: '未配置批准人公钥：不能重新锚定 (no approver key configured)' });
      if (!reason || typeof b.approval !== 'string') return send(400, { error: 'reason and approval (base64 Ed25519 signature) required' });
      let approved = false;
      try {
        approved = verify(null, Buffer.from(reanchorMessage(dbName, head, reason), 'utf8'), opts.approverKey, Buffer.from(b.approval, 'base64'));
      } catch {
        approved = false;
      }
      if (!approved) return send(403, { error: '批准签名无效 (approval signature invalid)' });
      append({ type: 'REANCHOR', ...head, reason, at });
      return send(200, { ok: true, reanchored: true });
    } catch (err) {
      return send(400, { error: (err as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { server, url: `http://${opts.host ?? '127.0.0.1'}:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export function loadApproverKey(path: string | undefined): KeyObject | null {
  return path ? createPublicKey(readFileSync(path, 'utf8')) : null;
}
