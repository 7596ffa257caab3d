import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The shipped alert rules (ops/alerts.yml) with their promtool unit tests (ops/alerts.test.yml), and a check that
// every series a rule reads is one the services export (a renamed metric would make its alert silently dead).

interface RuleFile {
  groups: { rules: { alert: string; expr: string }[] }[];
}
interface TestFile {
  tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
}

const rules = parse(readFileSync('ops/alerts.yml', 'utf8')) as RuleFile;
const alerts = rules.groups.flatMap((g) => g.rules);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'generated') continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

describe('alert rules (ops/alerts.yml)', () => {
  it('pass promtool check and the unit tests of ops/alerts.test.yml (scripts/check-alerts.sh)', () => {
    const out = execFileSync('bash', ['scripts/check-alerts.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('SUCCESS');
  }, 600_000);

  it('each rule has a test in which it fires and one in which it stays quiet', () => {
    const tests = parse(readFileSync('ops/alerts.test.yml', 'utf8')) as TestFile;
    const cases = tests.tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const { alert } of alerts) {
      const own = cases.filter((c) => c.alertname === alert);
      expect(
        own.some((c) => c.exp_alerts.length > 0),
        `${alert} fires in some test`,
      ).toBe(true);
      expect(
        own.some((c) => c.exp_alerts.length === 0),
        `${alert} stays quiet in some test`,
      ).toBe(true);
    }
  });

  it('reads only series the services export', () => {
    const code = ['kernel', 'gateway', 'subgraphs'].flatMap((d) => sources(d)).join('\n');
    for (const { alert, expr } of alerts) {
      for (const series of expr.match(/sanxiang_[a-z_]+/g) ?? []) {
        const base = series.replace(/_(bucket|count|sum)$/, '');
        expect(code.includes(`'${series}'`) || code.includes(`'${base}'`), `${alert}: ${series} is exported`).toBe(true);
      }
    }
  });
});
