import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

// Composition without rover (which downloads a plugin at first use and cannot work on an intranet).
export const SCHEMA_DIR = new URL('../schema/', import.meta.url);
export const REGISTRY_PATH = new URL('subgraphs.json', SCHEMA_DIR);

export interface RegisteredSubgraph {
  name: string;
  sdl: string;
  url: string;
}

export function readRegistry(path: URL | string = REGISTRY_PATH): RegisteredSubgraph[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { subgraphs?: RegisteredSubgraph[] };
  return raw.subgraphs ?? [];
}

export type ComposeResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

export function compose(registry: RegisteredSubgraph[], baseDir: URL = SCHEMA_DIR): ComposeResult {
  const services = registry.map((s) => ({
    name: s.name,
    url: s.url,
    typeDefs: parse(readFileSync(new URL(s.sdl, baseDir), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors?.length) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl!, hints: (result.hints ?? []).map((h) => h.toString()) };
}
