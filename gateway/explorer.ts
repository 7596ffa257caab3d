import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

// The explorer: GraphiQL with every asset inlined (intranet browsers cannot reach a CDN). The page is
// ~9 MB of script, so it is compressed once (brotli and gzip, in the background at start) and served
// with an ETag: a browser revalidates with one small request and gets 304.

/** An operation name must be ASCII (GraphQL names); the description is in the comments. */
export const DEFAULT_QUERY = `# 权责清单：前五项事项及其执法主体和行政处罚裁量基准（公众可直接查询）。
# 工作人员：在下方 Headers 中加入 {"Authorization": "Bearer <npm run token 生成的令牌>"}。
# 查看 schema 文档（内省）需要 ADMIN 或 SCHEMA_READER 令牌：npm run token -- --role SCHEMA_READER
query PowerItems {
  powerItems(first: 5) {
    totalCount
    edges { node { code name category agency { name } discretionBenchmark { tiers { tier fineMin fineMax } } } }
  }
}
`;

/**
 * GraphiQL's Docs pane says only "Error fetching schema" when introspection is refused (anyone without an ADMIN or
 * SCHEMA_READER token): this inline script replaces that line with how to get such a token (issue 29).
 */
export const SCHEMA_TOKEN_HINT =
  '无法读取 schema 文档：内省（introspection）需要 ADMIN 或 SCHEMA_READER 令牌。在终端运行 npm run token -- --role SCHEMA_READER，' +
  '把输出的令牌填入下方 Headers：{"Authorization": "Bearer <令牌>"}，再点左侧的“重新获取 schema”按钮。' +
  ' (The schema docs need an ADMIN or SCHEMA_READER token: run `npm run token -- --role SCHEMA_READER` and add it in Headers.)';
const HINT_SCRIPT = `<script>
new MutationObserver(function () {
  document.querySelectorAll('.graphiql-doc-explorer-error').forEach(function (el) {
    if (el.getAttribute('data-sanxiang-hint')) return;
    el.setAttribute('data-sanxiang-hint', '1');
    el.style.whiteSpace = 'normal';
    el.textContent = ${JSON.stringify(SCHEMA_TOKEN_HINT).replace(/</g, '\u003c')};
  });
}).observe(document.documentElement, { childList: true, subtree: true });
</script>`;

interface Variant {
  encoding: 'br' | 'gzip' | null;
  body: Buffer;
}

export interface Explorer {
  /** True when the request is for the page (GET /graphql from a browser, no query in it). */
  wants(req: IncomingMessage, url: URL): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

// Rendered and compressed once per process, on first use (brotli quality 5: ~0.5 s for 9 MB → 1.9 MB).
let page: { html: Buffer; etag: string; br?: Promise<Variant>; gzip?: Promise<Variant> } | null = null;
function thePage() {
  if (!page) {
    const rendered = renderGraphiQL({ title: 'sanxiang · 行政执法三项制度 GraphQL', endpoint: '/graphql', defaultQuery: DEFAULT_QUERY });
    const end = rendered.lastIndexOf('</body>'); // the last one: the bundle's own text contains the string too
    const html = Buffer.from(end >= 0 ? rendered.slice(0, end) + HINT_SCRIPT + rendered.slice(end) : rendered + HINT_SCRIPT, 'utf8');
    page = { html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
  }
  return page;
}
const compressed = (encoding: 'br' | 'gzip'): Promise<Variant> => {
  const p = thePage();
  if (encoding === 'br') {
    return (p.br ??= promisify(brotliCompress)(p.html, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: p.html.length },
    }).then((body) => ({ encoding, body })));
  }
  return (p.gzip ??= promisify(gzip)(p.html, { level: 6 }).then((body) => ({ encoding, body })));
};

export function createExplorer(): Explorer {
  return {
    wants(req, url) {
      return (
        (req.method === 'GET' || req.method === 'HEAD') &&
        String(req.headers.accept ?? '').includes('text/html') &&
        !url.searchParams.has('query') &&
        !url.searchParams.has('documentId') &&
        !url.searchParams.has('extensions')
      );
    },
    async serve(req, res) {
      const { html, etag } = thePage();
      const headers: Record<string, string> = {
        'content-type': 'text/html; charset=utf-8',
        etag,
        // An hour without asking, then a revalidation (304) — a new release changes the ETag.
        'cache-control': 'public, max-age=3600',
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const accepted = String(req.headers['accept-encoding'] ?? '');
      const variant: Variant = /\bbr\b/.test(accepted)
        ? await compressed('br')
        : /\bgzip\b/.test(accepted)
          ? await compressed('gzip')
          : { encoding: null, body: html };
      if (variant.encoding) headers['content-encoding'] = variant.encoding;
      headers['content-length'] = String(variant.body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : variant.body);
    },
  };
}
