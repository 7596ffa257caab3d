import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { SCHEMA_DIR, type RegisteredSubgraph, type Registry } from '../kernel/schema/registry-file.js';

// Composition without rover (which downloads a plugin at first use and cannot work on an intranet).
// The registry file itself (what is registered, where the files are) is kernel/schema/registry-file.ts.

export type ComposeResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

/** Composes the registered SDL files; `baseDir` is the registry file's folder (relative `sdl` paths resolve there). */
export function compose(registry: RegisteredSubgraph[], baseDir: URL | string = SCHEMA_DIR): ComposeResult {
  const dir = typeof baseDir === 'string' ? baseDir : fileURLToPath(baseDir);
  const services = [];
  for (const s of registry) {
    const file = resolve(dir, s.sdl);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return { ok: false, errors: [`子图 ${s.name} 的 SDL 文件 ${file} 无法读取 (cannot read SDL)`] };
    }
    try {
      services.push({ name: s.name, url: s.url, typeDefs: parse(text) });
    } catch (err) {
      return { ok: false, errors: [`子图 ${s.name} 的 SDL 无法解析 (SDL does not parse): ${(err as Error).message}`] };
    }
  }
  const result = composeServices(services);
  if (result.errors?.length) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl!, hints: (result.hints ?? []).map((h) => h.toString()) };
}

/** Composes a registry file as written (entries and their SDL paths). */
export function composeRegistry(registry: Registry): ComposeResult {
  return compose(registry.subgraphs, registry.dir);
}

/** Writes a supergraph file atomically (temp file + rename), so a watching gateway never reads half a file. */
export function writeSupergraphFile(path: string, supergraphSdl: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`);
  renameSync(tmp, path);
}
