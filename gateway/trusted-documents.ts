import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPGraphQLRequest } from '@apollo/server';
import { parse } from 'graphql';
import { HttpError } from '../kernel/http.js';

// Trusted documents (persisted-document allow-lists), one file per client in TRUSTED_DOCUMENTS_DIR
// (default gateway/trusted-documents/), named `<client>.json`, in either format a client build emits:
//   - GraphQL Codegen's client preset (`persistedDocuments: true`): { "<sha256 hex>": "<document>" }
//   - Apollo's persisted query manifest: { "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }
// A request names its client with the `apollographql-client-name` header, or its token's `azp` claim
// (which wins: an app's service account cannot pose as another client). It may send `documentId`
// ("sha256:<hex>" or "<hex>") instead of `query`.
// TRUSTED_DOCUMENTS=off | allow (default: ids resolve, any document runs) | enforce (every request runs only
// registered documents: a named client only its own list, a request naming no client only documents some
// client registered; an unknown client name is refused).

export type TrustedMode = 'off' | 'allow' | 'enforce';

export const DEFAULT_TRUSTED_DOCUMENTS_DIR = fileURLToPath(new URL('./trusted-documents/', import.meta.url));

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function trustedMode(env: NodeJS.ProcessEnv = process.env): TrustedMode {
  const mode = env.TRUSTED_DOCUMENTS || 'allow';
  if (mode !== 'off' && mode !== 'allow' && mode !== 'enforce') throw new Error(`TRUSTED_DOCUMENTS=${mode} 应为 off、allow 或 enforce`);
  return mode;
}

/** Documents of one client file, by sha256 of their text, after checking each parses and matches its id. */
export function readClientDocuments(path: string): Map<string, string> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const entries: [string, string][] =
    raw && typeof raw === 'object' && (raw as { format?: unknown }).format === 'apollo-persisted-query-manifest'
      ? ((raw as { operations?: { id: string; body: string }[] }).operations ?? []).map((o) => [o.id, o.body])
      : Object.entries(raw as Record<string, string>);
  const docs = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof body !== 'string') throw new Error(`${path}: ${id} 不是文档文本 (not a document)`);
    parse(body); // throws with the location of a syntax error
    const hash = sha256(body);
    if (/^[0-9a-f]{64}$/.test(id) && id !== hash) throw new Error(`${path}: ${id} 与文档内容的 sha256 不符 (id does not match the document)`);
    docs.set(hash, body);
  }
  return docs;
}

export interface TrustedDocuments {
  readonly mode: TrustedMode;
  readonly clients: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /**
   * Resolves `documentId` to its text and, in enforce mode, refuses a named client's unregistered document.
   * Returns the client label for metrics. Throws HttpError (400 unknown id, 403 refused).
   */
  apply(request: HTTPGraphQLRequest, client: string | null): string;
}

export function loadTrustedDocuments(opts: { mode?: TrustedMode; dir?: string; env?: NodeJS.ProcessEnv } = {}): TrustedDocuments {
  const env = opts.env ?? process.env;
  const mode = opts.mode ?? trustedMode(env);
  const dir = opts.dir ?? (env.TRUSTED_DOCUMENTS_DIR || DEFAULT_TRUSTED_DOCUMENTS_DIR);
  const clients = new Map<string, Map<string, string>>();
  const all = new Map<string, string>();
  if (mode !== 'off' && existsSync(dir)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const docs = readClientDocuments(join(dir, file));
      clients.set(basename(file, '.json'), docs);
      for (const [h, d] of docs) all.set(h, d);
    }
  }
  return {
    mode,
    clients,
    apply(request, client) {
      if (mode === 'off') return '__none';
      const body = (request.body && typeof request.body === 'object' ? request.body : null) as Record<string, unknown> | null;
      const params = new URLSearchParams(request.search);
      const documentId = (body ? body.documentId : params.get('documentId')) ?? undefined;
      const own = client ? clients.get(client) : undefined;
      const label = client ? (own ? client : '__unregistered') : '__anonymous';
      if (mode === 'enforce' && client && !own) {
        throw new HttpError(403, `无权操作：客户端 ${client.slice(0, 64)} 未登记可信文档 (unknown client; trusted documents enforced)`, 'FORBIDDEN');
      }
      let text: string | undefined;
      if (documentId !== undefined) {
        const hash = typeof documentId === 'string' ? documentId.replace(/^sha256:/, '') : '';
        text = own?.get(hash) ?? (mode === 'enforce' && own ? undefined : all.get(hash));
        if (text === undefined)
          throw new HttpError(400, `未找到已登记的文档 ${String(documentId).slice(0, 80)} (unknown documentId)`, 'PERSISTED_QUERY_NOT_FOUND');
        if (body) {
          body.query = text;
          delete body.documentId;
        } else {
          params.set('query', text);
          params.delete('documentId');
          request.search = `?${params.toString()}`;
        }
      }
      const apqHash = (body?.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
      if (body && body.query === undefined && typeof apqHash === 'string' && own?.has(apqHash)) body.query = own.get(apqHash); // APQ of a registered document
      if (body && body.query === undefined && typeof apqHash === 'string' && !client && all.has(apqHash)) body.query = all.get(apqHash);
      if (mode === 'enforce') {
        // Every request, named or not: a named client its own list, an unnamed request any registered document.
        const query = body ? body.query : params.get('query');
        const allowed = own ?? all;
        if (typeof query !== 'string' || !allowed.has(sha256(query))) {
          // Covers APQ too: a hash-only request (or a registration) of a document not on the list.
          throw new HttpError(
            403,
            own
              ? `无权操作：客户端 ${client} 只能执行已登记的操作 (operation not in the client's trusted documents)`
              : `无权操作：只能执行已登记的操作；请用 apollographql-client-name 请求头指明客户端并登记其文档 (trusted documents enforced: register the operation, name the client)`,
            'FORBIDDEN',
          );
        }
      }
      return label;
    },
  };
}
