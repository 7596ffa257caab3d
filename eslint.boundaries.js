import boundaries from 'eslint-plugin-boundaries';

// What may import what (docs/architecture.md). Checked by `npm run lint` on every import, `export … from` and
// import(); test/unit/import-boundaries.test.ts proves a forbidden import fails. Patterns are from the project root;
// TS ESM specifiers ('./x.js' for x.ts) are resolved by eslint-import-resolver-typescript.

/** The top-level folders (a subgraph, an app, an example: each its own folder). */
const elements = [
  { type: 'kernel', pattern: 'kernel', partialMatch: false },
  { type: 'subgraph', pattern: 'subgraphs/*', capture: ['subgraph'], partialMatch: false },
  { type: 'gateway', pattern: 'gateway', partialMatch: false },
  { type: 'registry', pattern: 'registry', partialMatch: false },
  { type: 'app', pattern: 'apps/*', capture: ['app'], partialMatch: false },
  { type: 'apps', pattern: 'apps', partialMatch: false },
  { type: 'example', pattern: 'examples/*', capture: ['example'], partialMatch: false },
  { type: 'data', pattern: 'data', partialMatch: false },
  { type: 'script', pattern: 'scripts', partialMatch: false },
  { type: 'test', pattern: 'test', partialMatch: false },
];

/** Files with a role of their own inside those folders. */
const files = [
  // The one declared crossing: a subgraph's clients/ modules name what it uses of another subgraph.
  { category: 'subgraph-client', pattern: 'subgraphs/*/clients/**' },
  // The composition root: the one gateway file that knows which applications it mounts.
  { category: 'composition-root', pattern: 'gateway/main.ts' },
  // The interface applications are mounted through (they may import its types, nothing else of the gateway).
  { category: 'app-interface', pattern: 'gateway/routes.ts' },
  { category: 'test', pattern: '**/*.test.ts' },
];

const el = (type, captured) => ({ element: captured ? { type, captured } : { type } });
const to = (type, captured) => ({ to: el(type, captured) });
const kernel = to('kernel');
const appInterfaceTypes = { to: { element: { type: 'gateway' }, file: { categories: 'app-interface' } }, dependency: { kind: 'type' } };

/** Policies, by importer. Anything no policy allows is refused (default: disallow). */
export const boundaryPolicies = [
  { from: el('kernel'), allow: [kernel] },
  { from: el('subgraph'), allow: [kernel, to('subgraph', { subgraph: '{{ from.element.captured.subgraph }}' })] },
  { from: { ...el('subgraph'), file: { categories: 'subgraph-client' } }, allow: [to('subgraph')] },
  { from: el('gateway'), allow: [kernel, to('gateway')] },
  { from: { ...el('gateway'), file: { categories: 'composition-root' } }, allow: [to('apps')] },
  { from: el('registry'), allow: [kernel, to('registry')] },
  { from: el('app'), allow: [kernel, appInterfaceTypes, to('app', { app: '{{ from.element.captured.app }}' })] },
  { from: el('apps'), allow: [appInterfaceTypes, to('app')] },
  // The data loader loads a data folder through every subgraph's own services (docs/data-format.md).
  { from: el('data'), allow: [kernel, to('subgraph'), to('data')] },
  { from: el('example'), allow: [kernel, to('example', { example: '{{ from.element.captured.example }}' })] },
  // Scripts and tests may import anything, the root configs (codegen.ts) too.
  {
    from: [el('script'), el('test'), { ...el('example'), file: { categories: 'test' } }],
    allow: [to(elements.map((e) => e.type)), { to: { element: { isUnknown: true } } }],
  },
];

export default [
  {
    files: ['**/*.ts', '**/*.js'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/legacy-templates': false,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkUnknownLocals: true,
          message: '{{ from.element.type }} ({{ from.file.path }}) may not import {{ to.element.type }} ({{ to.file.path }}): see docs/architecture.md',
          policies: boundaryPolicies,
        },
      ],
    },
  },
];
