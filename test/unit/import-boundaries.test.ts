import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The import boundaries of docs/architecture.md, as `npm run lint` checks them (eslint.boundaries.js): each case is
// a one-line fixture linted with the project's own ESLint config as if it were the named file, so the rule itself —
// not only today's tree — is proven. No fixture is written to disk (the tree's own lint stays clean).

const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('import boundaries (npm run lint)', () => {
  it.each([
    ['the kernel imports nothing of the project', 'kernel/fixture.ts', "import { startGateway } from '../gateway/server.js';", 'kernel'],
    ['… not even the registry, from kernel/schema/', 'kernel/schema/fixture.ts', "import { compose } from '../../registry/compose.js';", 'kernel'],
    ['a subgraph does not import another subgraph', 'subgraphs/cases/fixture.ts', "import { openPowersDb } from '../powers/service.js';", 'subgraph'],
    ['a subgraph does not import the data loader', 'subgraphs/inspections/fixture.ts', "import { seedPowers } from '../../data/loader/index.js';", 'subgraph'],
    ['the data loader does not import the gateway', 'data/loader/fixture.ts', "import { startGateway } from '../../gateway/server.js';", 'data'],
    ['… nor through import()', 'subgraphs/cases/fixture.ts', "const m = await import('../reviews/service.js');\nvoid m;", 'subgraph'],
    ['a subgraph does not import the gateway', 'subgraphs/reviews/fixture.ts', "import { startGateway } from '../../gateway/server.js';", 'subgraph'],
    ['the gateway does not import the registry', 'gateway/fixture.ts', "import { compose } from '../registry/compose.js';", 'gateway'],
    ['the gateway does not import an application', 'gateway/fixture.ts', "import { handleExport } from '../apps/exports/route.js';", 'gateway'],
    ['the gateway does not import a subgraph', 'gateway/fixture.ts', "import { openCasesDb } from '../subgraphs/cases/service.js';", 'gateway'],
    ['the registry does not import the gateway', 'registry/fixture.ts', "import { clientOf } from '../gateway/auth.js';", 'registry'],
    ['an application does not import gateway internals', 'apps/dashboard/fixture.ts', "import { startGateway } from '../../gateway/server.js';", 'app'],
    ['… nor values from the route interface', 'apps/dashboard/fixture.ts', "import { SUPERGRAPH_PATH } from '../../gateway/routes.js';", 'app'],
    ['an application does not import another application', 'apps/dashboard/fixture.ts', "import { handleExport } from '../exports/route.js';", 'app'],
    ['an example partner uses the kernel only', 'examples/market-credit/fixture.ts', "import { compose } from '../../registry/compose.js';", 'example'],
  ])('refuses: %s', async (_what, filePath, code, fromType) => {
    const errors = await boundaryErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${fromType} (${filePath}) may not import`);
    expect(errors[0]).toContain('docs/architecture.md');
  });

  it.each([
    ['the kernel imports the kernel', 'kernel/fixture.ts', "import { HttpError } from './http.js';"],
    [
      'a subgraph imports the kernel and its own folder',
      'subgraphs/cases/fixture.ts',
      "import { HttpError } from '../../kernel/http.js';\nimport { CASE_EXPORTS } from './statistics-export.js';",
    ],
    [
      'a declared client module crosses into another subgraph',
      'subgraphs/cases/clients/fixture.ts',
      "export { fetchOfficers } from '../../powers/directory-client.js';",
    ],
    [
      'the gateway imports the kernel and itself',
      'gateway/fixture.ts',
      "import { callerOf } from '../kernel/bearer.js';\nimport { corsOrigins } from './cors.js';",
    ],
    ['the composition root mounts the applications', 'gateway/main.ts', "import { applicationRoutes } from '../apps/index.js';"],
    ['an application uses the route interface for types', 'apps/dashboard/fixture.ts', "import type { GatewayRoute } from '../../gateway/routes.js';"],
    [
      'the registry imports the kernel and itself',
      'registry/fixture.ts',
      "import { loadRegistry } from '../kernel/schema/registry-file.js';\nimport { compose } from './compose.js';",
    ],
    [
      'the data loader loads through every subgraph and uses the kernel',
      'data/loader/fixture.ts',
      "import { openCasesDb } from '../../subgraphs/cases/service.js';\nimport { stableId } from '../../kernel/ids.js';\nimport { agencyIdOf } from './ids.js';",
    ],
    [
      'scripts import anything',
      'scripts/fixture.ts',
      "import { compose } from '../registry/compose.js';\nimport { startGateway } from '../gateway/server.js';",
    ],
    [
      'tests import anything',
      'test/unit/fixture.test.ts',
      "import { handleExport } from '../../apps/exports/route.js';\nimport { seedPowers } from '../../data/loader/index.js';",
    ],
  ])('allows: %s', async (_what, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
