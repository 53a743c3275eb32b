/**
 * The layers of Inbox Desk, as rules `npm run check` enforces (`npm run deps`).
 * src/main/README.md draws the same picture. From the top floor down:
 *
 *   src/main/shell/   the Electron shell: the only code importing electron
 *   src/main/app/     the composition root: builds every service from the ports
 *   services          account, api, sync, outbox, notify, window, ipc, log, drafts, update, i18n
 *                     (and later store, workspace): import the ports, src/shared, and other
 *                     services only through their index.ts
 *   src/main/ports/   the ground floor: adapter interfaces, errors, timing. Imports src/shared only
 *   src/shared/       what every process agrees on; imports nothing of ours but itself
 *
 * A rule's `comment` is what a violation prints: say what to do instead.
 */
const SERVICES = 'account|api|sync|outbox|notify|window|ipc|log|drafts|update|store|workspace|i18n|network|bulk|snooze'
// Tests, and test support: src/main/testing/ and a service's own testing/ folder.
const TESTS = ['\\.test\\.ts$', '^src/main/testing/', '^src/main/[^/]+/testing/']

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'These files import each other in a circle. Move what both need one floor down (src/main/ports for ' +
        'interfaces and errors), or pass it in as a parameter.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'only-the-shell-imports-electron',
      severity: 'error',
      comment:
        'Only src/main/shell (and the preload) may import electron or its wrappers. Add what you need to ' +
        'ShellAdapters (src/main/ports/shell-adapters.ts) and let the shell implement it.',
      from: { path: '^src/', pathNot: '^src/(main/shell|preload)/' },
      to: { path: '^node_modules/(electron|electron-store|electron-log|electron-updater)/' },
    },
    {
      name: 'nothing-imports-the-shell',
      severity: 'error',
      comment:
        'src/main/shell is the top floor: nothing imports it. Move the shared piece into a service or the ports.',
      from: { path: '^src/', pathNot: '^src/main/(shell/|index\\.ts$)' },
      to: { path: '^src/main/shell/' },
    },
    {
      name: 'services-do-not-import-the-composition-root',
      severity: 'error',
      comment:
        'src/main/app builds the services; a service must not import it. Take the collaborator as a ' +
        'parameter, typed by an interface in src/main/ports.',
      from: { path: `^src/main/(${SERVICES}|ports|testing)/` },
      to: { path: '^src/main/app/' },
    },
    {
      name: 'ports-import-only-shared',
      severity: 'error',
      comment:
        'src/main/ports is the ground floor: it may import only itself, src/shared and Node/npm packages. ' +
        'Move the type you need into ports, or keep the code in a service.',
      from: { path: '^src/main/ports/' },
      to: { path: '^(src|tests|bench|scripts)/', pathNot: '^src/(main/ports|shared)/' },
    },
    {
      name: 'no-reaching-into-another-service',
      severity: 'error',
      comment:
        "Another folder's files are its internals. Import the service through its index.ts (add the name you " +
        'need there), or move a shared interface into src/main/ports.',
      from: { path: '^src/main/([^/]+)/', pathNot: TESTS },
      to: {
        path: `^src/main/(${SERVICES})/`,
        pathNot: ['^src/main/$1/', `^src/main/(${SERVICES})/index\\.ts$`],
      },
    },
    {
      name: 'test-support-stays-in-tests',
      severity: 'error',
      comment:
        "Test support (src/main/testing, a folder's testing/) is for tests only and never ships. Import it from *.test.ts files.",
      from: { path: '^src/', pathNot: TESTS },
      to: { path: ['^src/main/testing/', '^src/main/[^/]+/testing/'] },
    },
    {
      name: 'ui-does-not-import-main',
      severity: 'error',
      comment:
        'The renderer and the preload talk to main only through the bridge (src/shared/ipc). Move what both ' +
        'need into src/shared.',
      from: { path: '^src/(renderer|preload)/' },
      to: { path: '^src/main/' },
    },
    {
      name: 'main-does-not-import-the-ui',
      severity: 'error',
      comment: 'Main never imports renderer or preload code. Move what both need into src/shared.',
      from: { path: '^src/main/' },
      to: { path: '^src/(renderer|preload)/' },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment:
        'src/shared is what every process agrees on: it imports nothing of ours outside src/shared. Move the ' +
        'code the other way, or pass it in.',
      from: { path: '^src/shared/' },
      to: { path: '^(src|tests|bench|scripts)/', pathNot: '^src/shared/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import resolves to no file: a typo, or a module moved without its importers.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist)/' },
    // Type-only imports count: a circle of types is still a circle for the reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
}
