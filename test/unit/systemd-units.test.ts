import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_ORDER } from '../../kernel/config.js';

// Issue 29: the shipped systemd units (ops/systemd) start files that exist, cover every subgraph, and hand secrets
// over as files through variables the code reads (kernel/secrets.ts), so the units cannot drift from the code.

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
});
