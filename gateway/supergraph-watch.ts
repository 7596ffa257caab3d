import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import type { Logger } from '../kernel/logger.js';
import { supergraphProblem } from '../kernel/schema/supergraph.js';

// Hot reload of the supergraph file. The gateway keeps serving the supergraph it has until a new file
// has been read whole and passed the same checks composition makes; ApolloGateway then swaps schema and
// query planner in one synchronous step, so requests already executing finish on what they started with.

export interface SupergraphInfo {
  /** sha256 of the file's text. */
  id: string;
  subgraphs: string[];
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const subgraphNames = (sdl: string) =>
  Supergraph.build(sdl)
    .subgraphsMetadata()
    .map((s) => s.name);

export interface SupergraphSourceEvents {
  reload: [SupergraphInfo & { reloads: number }];
  reject: [{ reason: string; path: string }];
}

/**
 * The gateway's `supergraphSdl` hook over a file. Emits `reload` after a swap and `reject` when a
 * changed file is refused (the previous supergraph keeps serving). `reloads` and `rejections` count them.
 */
export class SupergraphSource extends EventEmitter<SupergraphSourceEvents> {
  reloads = 0;
  rejections = 0;
  current: SupergraphInfo | null = null;
  lastRejection: string | null = null;
  private update: ((sdl: string) => void) | null = null;
  private watcher: FSWatcher | null = null;
  private poller: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private lastStat = '';
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly path: string,
    private readonly opts: {
      log: Logger;
      debounceMs?: number;
      /** Safety net for file systems without change notification (e.g. NFS); 0 turns polling off. */
      pollMs?: number;
      /** Runs before each swap (the gateway re-reads its registry so a new subgraph gets its URL). */
      beforeSwap?: () => void;
    },
  ) {
    super();
  }

  readonly hook: SupergraphSdlHook = async ({ update }) => {
    let sdl: string;
    try {
      sdl = readFileSync(this.path, 'utf8');
    } catch (err) {
      throw new Error(`超图文件 ${this.path} 无法读取 (cannot read the supergraph; set SUPERGRAPH_PATH or run npm run compose): ${(err as Error).message}`);
    }
    const problem = supergraphProblem(sdl);
    if (problem) throw new Error(`超图文件 ${this.path} 无法加载 (cannot load the supergraph): ${problem}`);
    this.current = { id: sha(sdl), subgraphs: subgraphNames(sdl) };
    this.update = update;
    this.startWatching();
    return { supergraphSdl: sdl, cleanup: async () => this.close() };
  };

  /** Re-reads the file now (the watcher calls this after a debounce); resolves when handled. */
  check(): Promise<void> {
    this.queue = this.queue.then(() => this.reloadOnce());
    return this.queue;
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    if (this.poller) clearInterval(this.poller);
    if (this.debounce) clearTimeout(this.debounce);
    this.watcher = this.poller = this.debounce = null;
  }

  private startWatching() {
    const schedule = () => {
      if (this.closed) return;
      if (this.debounce) clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.check(), this.opts.debounceMs ?? 150);
      this.debounce.unref();
    };
    // Watch the folder, not the file: editors and `npm run compose` replace the file by rename, which
    // ends a watch on the old inode. Any event in the folder triggers a re-read; unchanged content is a no-op.
    try {
      this.watcher = watch(dirname(this.path), { persistent: false }, () => schedule());
      this.watcher.on('error', (err) => this.opts.log.warn({ err, path: this.path }, 'supergraph watch failed; polling only'));
    } catch (err) {
      this.opts.log.warn({ err, path: this.path }, 'cannot watch the supergraph folder; polling only');
    }
    const pollMs = this.opts.pollMs ?? 2000;
    if (pollMs > 0) {
      this.lastStat = this.statKey();
      this.poller = setInterval(() => {
        const key = this.statKey();
        if (key !== this.lastStat) {
          this.lastStat = key;
          schedule();
        }
      }, pollMs);
      this.poller.unref();
    }
  }

  private statKey(): string {
    try {
      const s = statSync(this.path);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  private async reloadOnce(): Promise<void> {
    if (this.closed || !this.update) return;
    const log = this.opts.log;
    let sdl: string;
    try {
      sdl = readFileSync(this.path, 'utf8');
    } catch (err) {
      return this.reject(`超图文件无法读取 (cannot read the file): ${(err as Error).message}`);
    }
    const id = sha(sdl);
    if (id === this.current?.id) return;
    const problem = supergraphProblem(sdl);
    if (problem) return this.reject(problem, id);
    try {
      this.opts.beforeSwap?.();
      this.update(sdl); // synchronous: plans and schema change together
    } catch (err) {
      return this.reject(`网关拒绝了新超图 (gateway refused it): ${(err as Error).message}`, id);
    }
    const previous = this.current?.subgraphs ?? [];
    this.current = { id, subgraphs: subgraphNames(sdl) };
    this.reloads += 1;
    log.info(
      {
        path: this.path,
        id,
        subgraphs: this.current.subgraphs,
        added: this.current.subgraphs.filter((s) => !previous.includes(s)),
        removed: previous.filter((s) => !this.current!.subgraphs.includes(s)),
      },
      'supergraph reloaded',
    );
    this.emit('reload', { ...this.current, reloads: this.reloads });
  }

  private rejectedId: string | null = null;

  private reject(reason: string, id?: string) {
    // Count and log a given bad file once, not on every poll or folder event.
    if (id && id === this.rejectedId) return;
    this.rejectedId = id ?? null;
    this.rejections += 1;
    this.lastRejection = reason;
    this.opts.log.error({ path: this.path, reason }, `supergraph rejected, the previous one keeps serving: ${reason}`);
    this.emit('reject', { reason, path: this.path });
  }
}
