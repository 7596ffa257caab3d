import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Role } from '../kernel/identity.js';
import type { GatewayContext } from './datasource.js';

// What the gateway refuses before planning a query, and how it says so: query limits (graphql-armor and
// graphql-js's own token limit), operations it cannot run, introspection by role. Every refusal is an
// HTTP 4xx with a Chinese message and an `extensions.code` (GraphQL-over-HTTP), never a 500.

export const QUERY_LIMITS = { depth: 12, aliases: 30, directives: 30, tokens: 4000, cost: 150_000 } as const;

/** graphql-armor's validation rules. Its token limit is not used: it re-parses every document in a plugin and answers a syntax error with HTTP 500. */
export function armorProtection() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth },
    maxAliases: { n: QUERY_LIMITS.aliases },
    maxDirectives: { n: QUERY_LIMITS.directives },
    maxTokens: { enabled: false },
    // Cost multiplies by `first`: one full page (100) of a rich list passes, a page of pages does not.
    costLimit: { maxCost: QUERY_LIMITS.cost },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** Apollo Server's `parseOptions`: graphql-js stops lexing a document past the token limit (cheap, before any parse tree). */
export const PARSE_OPTIONS = { maxTokens: QUERY_LIMITS.tokens };

const LIMIT_MESSAGES: { pattern: RegExp; limit: string; code: string; message: (max: string, found?: string) => string }[] = [
  {
    pattern: /^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)\.$/,
    limit: 'depth',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: (max, found) => `查询嵌套过深 (query depth limit)：最多 ${max} 层，本查询 ${found} 层`,
  },
  {
    pattern: /^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)\.$/,
    limit: 'aliases',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: (max, found) => `别名过多 (alias limit)：最多 ${max} 个，本查询 ${found} 个`,
  },
  {
    pattern: /^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)\.$/,
    limit: 'directives',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: (max, found) => `指令过多 (directive limit)：最多 ${max} 个，本查询 ${found} 个`,
  },
  {
    pattern: /^Syntax Error: Query Cost limit of (\d+) exceeded, found ([\d.]+)\.$/,
    limit: 'cost',
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: (max, found) => `查询代价过高 (cost limit)：上限 ${max}，本查询估算 ${found}；请减小 first 或少嵌套列表`,
  },
  {
    pattern: /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/,
    limit: 'tokens',
    code: 'GRAPHQL_PARSE_FAILED',
    message: (max) => `查询文本过长 (token limit)：最多 ${max} 个词法单元`,
  },
];

/**
 * Client mistakes that graphql-js and graphql-armor word in English: the limits get a Chinese message
 * and `extensions.limit`/`max`/`found`; other syntax and validation errors a Chinese prefix; variable
 * errors the `field` they concern. Null for anything else.
 */
export function translateClientError(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  const code = formatted.extensions?.code;
  const text = formatted.message;
  for (const l of LIMIT_MESSAGES) {
    const m = l.pattern.exec(text);
    if (m) {
      const [, max, found] = m;
      return {
        message: l.message(max!, found),
        extensions: { code: l.code, limit: l.limit, max: Number(max), ...(found ? { found: Number(found) } : {}) },
      };
    }
  }
  // Apollo Server's automatic persisted queries refuse these with HTTP 400 but no code (so they looked internal).
  if (text === 'Unsupported persisted query version') {
    return {
      message: '不支持的持久化查询版本：extensions.persistedQuery.version 须为 1 (unsupported persisted query version)',
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  if (text === 'provided sha does not match query') {
    return { message: '持久化查询的 sha256Hash 与查询文本不符 (persisted query hash does not match the query)', extensions: { code: 'BAD_REQUEST' } };
  }
  if (code === 'GRAPHQL_PARSE_FAILED') {
    return { ...formatted, message: `查询语法错误 (syntax error)：${text.replace(/^Syntax Error: /, '')}` };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && !/[\u4e00-\u9fff]/.test(text)) {
    return { ...formatted, message: `查询无效 (invalid query)：${text}` };
  }
  if (code === 'BAD_REQUEST' && /CSRF/.test(text)) {
    return {
      ...formatted,
      message: '请求被拒绝：疑似跨站请求伪造 (CSRF)。请以 content-type: application/json 发送，或加上 apollo-require-preflight 头',
    };
  }
  if (code === 'BAD_REQUEST' && !/[\u4e00-\u9fff]/.test(text)) {
    return { ...formatted, message: `请求无效 (bad request)：${text}` };
  }
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.field === undefined) {
    // graphql-js: Variable "$input" got invalid value … at "input.party.name"; …
    const at = /^Variable "\$\w+" got invalid value .*? at "([^"]+)";/s.exec(text)?.[1];
    const variable = /^Variable "\$(\w+)"/.exec(text)?.[1];
    const field = at ?? variable;
    if (field) return { ...formatted, message: `变量取值无效 (invalid variable value)：${text}`, extensions: { ...formatted.extensions, field } };
  }
  return null;
}

const META_FIELDS = new Set(['__schema', '__type', '__typename']);

/** Root field names an operation selects, through fragments. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) names.push(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) names.push(...rootFields(document, s.selectionSet, seen));
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) names.push(...rootFields(document, fragment.selectionSet, seen));
    }
  }
  return names;
}

/** Roles that may read the schema by introspection (codegen uses a SCHEMA_READER token). */
export const INTROSPECTION_ROLES: readonly Role[] = ['ADMIN', 'SCHEMA_READER'];

const refuse = (message: string, code: string, status: number, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra, http: { status } } });

/**
 * Checks once the operation is known: a named operation that is not in the document, a subscription
 * (not served over HTTP here), introspection by a role not allowed to read the schema, and a SCHEMA_READER
 * token used for anything but the schema.
 */
export function operationRules(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document, contextValue }) {
          if (!operation) {
            throw refuse(
              request.operationName
                ? `输入有误：operationName 文档中没有名为 ${JSON.stringify(request.operationName).slice(0, 120)} 的操作 (unknown operation name)`
                : '输入有误：operationName 文档含多个操作，须用 operationName 指明执行哪一个 (operation name required)',
              'BAD_USER_INPUT',
              400,
              { field: 'operationName' },
            );
          }
          if (operation.operation === 'subscription') {
            throw refuse('本接口不支持订阅 (subscriptions are not supported over HTTP)', 'BAD_REQUEST', 400);
          }
          checkIntrospection(document, operation, contextValue.caller.role);
        },
      };
    },
  };
}

function checkIntrospection(document: DocumentNode, operation: OperationDefinitionNode, role: Role) {
  const fields = rootFields(document, operation.selectionSet);
  const introspects = fields.some((f) => f === '__schema' || f === '__type');
  if (introspects && !INTROSPECTION_ROLES.includes(role)) {
    throw refuse(
      '无权操作：内省（读取 schema）仅限 ADMIN 或 SCHEMA_READER 令牌；获取：npm run token -- --role SCHEMA_READER，以 Authorization: Bearer <令牌> 发送 (introspection not allowed for this role)',
      'FORBIDDEN',
      403,
    );
  }
  if (role === 'SCHEMA_READER' && !fields.every((f) => META_FIELDS.has(f))) {
    throw refuse('无权操作：SCHEMA_READER 令牌只能读取 schema (schema reader tokens cannot query data)', 'FORBIDDEN', 403);
  }
}
