import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';

// `npm run token` prints only the token on stdout (issue 29): npm's own output is no longer silenced project-wide
// (.npmrc loglevel=silent hid `npm install` for minutes, and npm's errors), so a script that captures the token
// uses `npm run -s token` (npm's banner off), and the script itself writes nothing else to stdout.

const run = promisify(execFile);

describe('npm run token', () => {
  it('npm itself is not silenced for the whole project (npm install and its errors show)', () => {
    expect(existsSync('.npmrc') ? readFileSync('.npmrc', 'utf8') : '').not.toMatch(/^\s*loglevel\s*=\s*silent/m);
  });

  it('writes exactly one line, the token, to stdout (npm run -s)', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'token', '--', '--role', 'SCHEMA_READER'], { env: { ...process.env, NO_COLOR: '1' } });
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(decodeJwt(lines[0]!).role).toBe('SCHEMA_READER');
  }, 60_000);

  it('refuses a bad role on stderr only, with the usage, and exits 2', async () => {
    const err = (await run('npm', ['run', '-s', 'token', '--', '--role', 'NOPE']).catch((e: unknown) => e)) as { code: number; stdout: string; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stdout).toBe('');
    expect(err.stderr).toContain('usage: npm run token');
  }, 60_000);
});
