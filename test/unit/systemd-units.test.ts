import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_ORDER } from '../../kernel/config.js';

// Issue 29: the shipped systemd units (ops/systemd) start files that exist, cover every subgraph, and hand secrets
// over as files through variables the code reads (kernel/secrets.ts), so the units cannot drift from the code.
// `systemd-analyze verify` parses them as systemd would (every directive, signal, restart policy, executable). The
// units cannot be *run* here: PID 1 of this machine and of CI is not systemd (docs/deployment.md says so).

const root = new URL('../../', import.meta.url).pathname;
const dir = join(root, 'ops/systemd');
const units = readdirSync(dir).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const values = (text: string, key: string) => [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!);
const kernelSources = readdirSync(join(root, 'kernel'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(root, 'kernel', f), 'utf8'))
  .join('\n');

describe('systemd units (ops/systemd)', () => {
  it('every ExecStart runs a file of the repository, for every subgraph the template is instantiated with', () => {
    const instances = SERVICE_ORDER as readonly string[];
    for (const u of units.filter((x) => x.name.endsWith('.service'))) {
      const [exec] = values(u.text, 'ExecStart');
      expect(exec, u.name).toBeTruthy();
      const file = /--import tsx (\S+\.ts)/.exec(exec!)?.[1];
      expect(file, u.name).toBeTruthy();
      for (const i of file!.includes('%i') ? instances : ['']) expect(existsSync(join(root, file!.replace('%i', i))), `${u.name}: ${file} (${i})`).toBe(true);
      expect(values(u.text, 'WorkingDirectory'), u.name).toEqual(['/opt/sanxiang']);
    }
  });

  it('the target starts the gateway and one unit per subgraph', () => {
    const target = units.find((u) => u.name === 'sanxiang.target')!.text;
    for (const s of SERVICE_ORDER) expect(target).toContain(`sanxiang-subgraph@${s}.service`);
    expect(target).toContain('sanxiang-gateway.service');
  });

  it('secrets are credentials handed over as files, through *_FILE variables the code reads', () => {
    for (const u of units) {
      for (const env of values(u.text, 'Environment')) {
        const m = /^([A-Z_]+)_FILE=/.exec(env);
        if (m && m[1] !== 'WITNESS_APPROVER_PUBLIC_KEY') expect(kernelSources, `${u.name}: ${env}`).toContain(`readSecret('${m[1]}'`);
      }
      for (const line of u.text.split('\n')) expect(line, u.name).not.toMatch(/PASSWORD=(?!.*_FILE)|mysql:\/\/[^@\s]*:[^@\s]+@/);
    }
  });

  it('pass `systemd-analyze verify` without a warning (the template for every subgraph), which does catch a bad directive', () => {
    const dirOf = mkdtempSync(join(tmpdir(), 'sanxiang-units-'));
    try {
      cpSync(dir, dirOf, { recursive: true });
      const verify = (...names: string[]) => {
        const r = spawnSync('systemd-analyze', ['verify', '--man=no', ...names], { cwd: dirOf, encoding: 'utf8' });
        expect(r.error, 'systemd-analyze (Debian package systemd) is missing').toBeUndefined();
        return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
      };
      const names = [...units.filter((u) => !u.name.includes('@')).map((u) => u.name), ...SERVICE_ORDER.map((s) => `sanxiang-subgraph@${s}.service`)];
      expect(verify(...names)).toEqual({ status: 0, output: '' });
      // The check can fail: a mistyped signal and restart policy in a copy of the gateway unit are named.
      const gateway = units.find((u) => u.name === 'sanxiang-gateway.service')!.text;
      writeFileSync(
        join(dirOf, 'broken.service'),
        gateway.replace('KillSignal=SIGTERM', 'KillSignal=SIGTREM').replace('Restart=on-failure', 'Restart=sometimes'),
      );
      const broken = verify('broken.service');
      expect(broken.output).toContain('SIGTREM');
      expect(broken.output).toContain('sometimes');
    } finally {
      rmSync(dirOf, { recursive: true, force: true });
    }
  });
});
