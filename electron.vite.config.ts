import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// `electron-vite build` (and `npm run build`) make the bundle that ships. `npm run build:e2e`
// (`--mode e2e`) makes the test build: the same code plus the end-to-end hooks
// (src/main/shell/e2e-hooks.ts), which the shipping build does not contain at all
// (src/main/shell/shipping-bundle.test.ts greps it).
export default defineConfig(({ mode }) => ({
  main: {
    // Dependencies stay in node_modules (keytar is native; electron-store and
    // hono load fine from there), so the main bundle is only our code. The test build
    // bundles a stand-in for electron-updater instead (tests/e2e/electron-shim/electron-updater.cjs).
    build: { externalizeDeps: mode === 'e2e' ? { exclude: ['electron-updater'] } : true },
    resolve: {
      alias: {
        '@shared': resolve('src/shared'),
        ...(mode === 'e2e' ? { 'electron-updater': resolve('tests/e2e/electron-shim/electron-updater.cjs') } : {}),
      },
    },
    define: { __INBOX_DESK_E2E_BUILD__: JSON.stringify(mode === 'e2e') },
  },
  preload: {
    // The preload runs sandboxed: it can require only `electron`, so every
    // import is bundled into the single file.
    build: {
      externalizeDeps: false,
      rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: '[name].js' } },
    },
    resolve: { alias: { '@shared': resolve('src/shared') } },
  },
  renderer: {
    // The renderer is shipped to every agent's machine and parsed on each start: minified, it is smaller and
    // loads faster. Source maps stay off (nothing remote reads them).
    build: { minify: true },
    resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
    plugins: [react()],
  },
}))
