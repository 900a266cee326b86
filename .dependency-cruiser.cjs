/**
 * The architecture's layer rules (DESIGN §6, docs/adr), kept by a tool rather than by memory.
 * dependency-cruiser resolves every import the way TypeScript does, including `import type`, `export … from`,
 * `require()` and dynamic `import()` (the UI loads its heavier components that way), so a rule here cannot be
 * slipped past by the form of an import. `npm run lint:layers` runs it; `npm test` runs that;
 * tests/layers/layers.test.ts proves each rule fails on a deliberately wrong import.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain is the pure heart: rules and shapes with no I/O, no React and no Microsoft SDK, testable ' +
        'without a browser or a server. Outside itself it may use only its small date and hash libraries ' +
        '(@date-fns/tz, @noble/hashes).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '(^|/)node_modules/(@date-fns/tz|@noble/hashes)/'],
      },
    },
    {
      name: 'app-and-ports-never-reach-adapters-ui-or-entries',
      comment:
        'Use cases (src/app) and ports (src/ports) see the outside world only through the ports; a composition ' +
        'root (src/entries) hands the adapters in. Importing an adapter, the UI or an entry would tie the use ' +
        'cases to one technology and make the fakes and contract suites meaningless.',
      severity: 'error',
      from: { path: '^src/(app|ports)/' },
      to: { path: '^src/(adapters|ui|entries)/' },
    },
    {
      name: 'adapters-never-import-ui',
      comment:
        'Adapters translate between a port and one technology (Graph, SharePoint, IndexedDB…); user-facing ' +
        'words and components live in src/ui and reach the adapters only through the use cases.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'ui-imports-no-adapter',
      comment:
        'The pages get their adapters through the ports from a composition root (src/entries), dynamic ' +
        'import() included: a page that loads an adapter itself cannot run against the fakes.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'document-words-reach-only-the-domain',
      comment:
        "src/i18n holds the documents' own words (the referat's, Danish and English) and words the domain's " +
        'content with them. The document renderers, the use cases and the tests all reach it, so it may read ' +
        'the domain and itself and nothing else: no port, use case, adapter, UI or library behind them.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { pathNot: ['^src/(i18n|domain)/'] },
    },
    {
      name: 'devserver-imports-nothing-from-src',
      comment:
        'devServer/ imitates Microsoft: it may know Graph and SharePoint, never the add-in. A server that ' +
        'imports the product can agree with it by construction and stops testing it. The demo data is a ' +
        'client of the server in demo/.',
      severity: 'error',
      from: { path: '^devServer/' },
      to: { path: '^src/' },
    },
    {
      name: 'bench-and-cli-never-import-tests',
      comment:
        'bench/ and cli/ are shipped tools; tests/ may change or be left out of a package at any time. What ' +
        'both need lives in a non-test folder (e.g. src/ or bench/).',
      severity: 'error',
      from: { path: '^(bench|cli)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'demo-never-imports-tests',
      comment: 'demo/ is started by `npm start`; it must not depend on test code.',
      severity: 'error',
      from: { path: '^demo/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // See `import type` too: a type import is still a dependency of the layer.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
    },
    exclude: { path: ['^node_modules/', '^tests/layers/fixture/'] },
  },
};
