import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A newcomer reads the README in a fresh clone (issue 29): every link and every `docs/…`-style path it names is a
// file of the repository, and nothing points outside it (no `../`).

const readme = readFileSync('README.md', 'utf8');

describe('README links', () => {
  it('points only inside the repository', () => {
    expect(readme.match(/\.\.\/[\w./-]+/g) ?? []).toEqual([]);
  });

  it('names files that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
    const paths = [
      ...readme.matchAll(
        /`((?:docs|ops|scripts|gateway|kernel|registry|apps|subgraphs|examples|data|schema|test)\/[\w./-]*\.(?:md|ts|yml|yaml|json|graphql|sh))`/g,
      ),
    ].map((m) => m[1]!);
    expect(links.length + paths.length).toBeGreaterThan(5);
    for (const target of [...links, ...paths]) expect(existsSync(target), target).toBe(true);
  });
});
