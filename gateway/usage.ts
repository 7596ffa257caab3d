import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Config } from '../kernel/config.js';
import { CLIENT_NAME_HEADER } from '../kernel/bearer.js';
import { addCounts, readUsageFile, usageDirFrom, utcDay, type UsageCounts, type UsageFile } from '../kernel/schema/usage-files.js';

// Field usage per client, so a schema change can say who it would break. The gateway counts, per UTC day
// and per client (the one header `apollographql-client-name`, kernel/bearer.ts), which fields and arguments
// each operation selects, and merges the counts into its own small JSON file; `npm run compose -- --check`
// reads every file in the folder. Counts only: no query text, variables or caller identity is kept.

// The schema comes from @apollo/gateway, which loads graphql's CommonJS build; walk it with the same copy
// (a bundler may hand this ESM module the .mjs build, and graphql-js refuses schemas from the other copy).
const { TypeInfo, visit, visitWithTypeInfo, getNamedType, Kind } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const CLIENT_HEADERS = [CLIENT_NAME_HEADER] as const;
export const UNIDENTIFIED_CLIENT = '(unidentified)';
const OTHER_CLIENTS = '(other)';
const INVALID_CLIENT = '(invalid-name)';
const CLIENT_NAME = /^[\p{L}\p{N}._\-@/: ]{1,64}$/u;
/** A flood of made-up client names must not grow the file without bound. */
const MAX_CLIENTS_PER_DAY = 200;
export const USAGE_RETENTION_DAYS = 90;
const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** The client a request names, cleaned: unknown names stay distinguishable, hostile ones cannot inject anything. */
export function clientNameOf(get: (header: string) => string | undefined): string {
  for (const h of CLIENT_HEADERS) {
    const v = get(h)?.trim();
    if (v) return CLIENT_NAME.test(v) ? v : INVALID_CLIENT;
  }
  return UNIDENTIFIED_CLIENT;
}

/**
 * Schema coordinates an operation selects: `Type.field` for each field (on the type it is selected on) and
 * `Type.field(arg:)` for each argument given. Fragments count only where the operation spreads them.
 */
export function coordinatesOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const reachable = new Set<string>();
  const pending = [operation as DocumentNode['definitions'][number]];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        const def = fragments.get(name);
        if (def && !reachable.has(name)) {
          reachable.add(name);
          pending.push(def);
        }
      },
    });
  }
  const out = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const walk = (node: DocumentNode['definitions'][number]) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const parent = typeInfo.getParentType();
          const name = field.name.value;
          if (!parent || name.startsWith('__')) return;
          out.add(`${parent.name}.${name}`);
          for (const arg of field.arguments ?? []) out.add(`${parent.name}.${name}(${arg.name.value}:)`);
          // Returned types count too: a removed type breaks every client that selects it.
          const returned = typeInfo.getType();
          const named = returned ? getNamedType(returned).name : null;
          if (named && !BUILT_IN_SCALARS.has(named)) out.add(named);
        },
      }),
    );
  walk(operation);
  for (const name of reachable) walk(fragments.get(name)!);
  return [...out];
}

/** Flushes of one file are serialised in this process (several gateways in one test process may share a folder). */
const fileLocks = new Map<string, Promise<void>>();

/** The in-memory counter behind the plugin: add() per operation, flush() merges into the file. */
export class UsageCounter {
  private pending: UsageCounts = {};
  readonly file: string;

  constructor(
    readonly dir: string,
    readonly instance: string,
    private readonly now: () => Date,
    private readonly retentionDays = USAGE_RETENTION_DAYS,
  ) {
    this.file = join(dir, `${instance.replace(/[^\w.-]/g, '_')}.json`);
  }

  add(client: string, coordinates: readonly string[]) {
    const day = (this.pending[utcDay(this.now())] ??= {});
    const name = day[client] || Object.keys(day).length < MAX_CLIENTS_PER_DAY ? client : OTHER_CLIENTS;
    const counts = (day[name] ??= {});
    for (const c of coordinates) counts[c] = (counts[c] ?? 0) + 1;
  }

  /** Merges the pending counts into the file (atomically: temp file + rename) and drops days past retention. */
  flush(): Promise<void> {
    const previous = fileLocks.get(this.file) ?? Promise.resolve();
    const next = previous.then(() => this.flushNow());
    fileLocks.set(
      this.file,
      next.catch(() => undefined),
    );
    return next;
  }

  private flushNow() {
    if (Object.keys(this.pending).length === 0) return;
    const delta = this.pending;
    this.pending = {};
    const file: UsageFile = readUsageFile(this.file) ?? { version: 1, instance: this.instance, days: {} };
    addCounts(file.days, delta);
    const oldest = utcDay(new Date(this.now().getTime() - this.retentionDays * 86_400_000));
    for (const day of Object.keys(file.days)) if (day < oldest) delete file.days[day];
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(file));
    renameSync(tmp, this.file);
  }
}

/**
 * The gateway's usage plugin. Counts on `didResolveOperation` (a validated operation), flushes every
 * `FIELD_USAGE_FLUSH_MS` (default 30 s) and when the server stops. A failed write is logged by the caller's
 * logger and retried with the next flush; it never fails a request.
 */
export function fieldUsagePlugin<C extends BaseContext>(opts: {
  env: NodeJS.ProcessEnv;
  config: Pick<Config, 'dbPrefix' | 'port'>;
  log?: { warn: (obj: object, msg: string) => void };
  now?: () => Date;
}): ApolloServerPlugin<C> & { counter: UsageCounter } {
  const now = opts.now ?? (() => new Date()); // timing: usage buckets by UTC day, not a business date
  const counter = new UsageCounter(usageDirFrom(opts.env, opts.config), `${hostname()}-${opts.config.port}`, now);
  const flushMs = Number(opts.env.FIELD_USAGE_FLUSH_MS || 30_000);
  const flush = () => counter.flush().catch((err: unknown) => opts.log?.warn({ err, file: counter.file }, 'field usage not written; retrying later'));
  const cache = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; coordinates: string[] }>();
  return {
    counter,
    async serverWillStart() {
      const timer = setInterval(() => void flush(), flushMs);
      timer.unref();
      return {
        async serverWillStop() {
          clearInterval(timer);
          await flush();
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ request, schema, document, operation }) {
          if (!operation) return;
          // Parsed documents are cached per schema, so the same operation object is walked once.
          let entry = cache.get(operation);
          if (!entry || entry.schema !== schema) {
            entry = { schema, coordinates: coordinatesOf(schema, document, operation) };
            cache.set(operation, entry);
          }
          counter.add(
            clientNameOf((h) => request.http?.headers.get(h)),
            entry.coordinates,
          );
        },
      };
    },
  };
}
