import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry, type RegisteredSubgraph } from '../../kernel/schema/registry-file.js';

// Registry files for tests: the committed subgraphs and ownership policy (SDL paths made absolute, so the file
// may live in any temp folder), with some SDLs replaced, URLs changed and partner entries added.

export const committedRegistry = loadRegistry();

export function writeRegistry(
  path: string,
  opts: {
    /** Subgraph name → SDL file to register instead of the committed one. */
    sdl?: Record<string, string>;
    /** Subgraph name → URL. */
    urls?: Record<string, string>;
    extra?: RegisteredSubgraph[];
    /** Replaces the committed ownership block (null: none at all). */
    ownership?: unknown;
  } = {},
): string {
  const subgraphs = committedRegistry.subgraphs.map((s) => ({
    ...s,
    sdl: opts.sdl?.[s.name] ?? join(committedRegistry.dir, s.sdl),
    url: opts.urls?.[s.name] ?? s.url,
  }));
  const ownership = opts.ownership === undefined ? committedRegistry.ownership : opts.ownership;
  writeFileSync(path, JSON.stringify({ subgraphs: [...subgraphs, ...(opts.extra ?? [])], ...(ownership === null ? {} : { ownership }) }, null, 2));
  return path;
}
