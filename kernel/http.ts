import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';

// The node:http <-> Apollo Server glue shared by the gateway and every subgraph (no web framework needed).
export const MAX_BODY_BYTES = 1_000_000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BAD_REQUEST',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const tooLarge = () => new HttpError(413, `请求体过大，上限 ${MAX_BODY_BYTES} 字节 (request body too large)`, 'PAYLOAD_TOO_LARGE');

export async function readBody(req: IncomingMessage): Promise<string> {
  // A declared length over the limit is refused before a byte of it is read.
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Body of an HTTP-level refusal, shaped like a GraphQL error so clients handle one format. */
export const httpErrorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * Answers an HttpError. After a 413 the rest of the body was never read: the connection is closed (and
 * the client told so) instead of being left to a keep-alive client that would wait on it.
 */
export function sendHttpError(req: IncomingMessage, res: ServerResponse, err: HttpError, extraHeaders: Record<string, string> = {}) {
  const unreadBody = !req.complete;
  // Node's server ends the socket after a response that says `connection: close`.
  sendJson(res, err.status, httpErrorBody(err.code, err.message), { ...extraHeaders, ...err.headers, ...(unreadBody ? { connection: 'close' } : {}) });
}

export async function toGraphQLRequest(req: IncomingMessage): Promise<HTTPGraphQLRequest> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  let body: unknown = undefined;
  if (method === 'POST') {
    const text = await readBody(req);
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new HttpError(400, '请求体不是合法的 JSON (malformed JSON body)');
    }
  }
  return { method, headers: headerMap(req), search: url.search, body };
}

export async function sendGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse, extraHeaders: Record<string, string> = {}): Promise<void> {
  const headers: Record<string, string> = { ...extraHeaders };
  for (const [k, v] of response.headers) headers[k] = v;
  res.writeHead(response.status ?? 200, headers);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

export async function respondGraphQL<C extends BaseContext>(
  server: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<C>,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const httpGraphQLRequest = await toGraphQLRequest(req);
  const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
  await sendGraphQLResponse(res, response, extraHeaders);
}
