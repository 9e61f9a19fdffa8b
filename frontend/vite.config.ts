import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { mantineStyles } from './build/mantineStyles';
import { precompress } from './build/precompress';
import { preloadInHtml } from './build/preloadInHtml';
import { routeChunk } from './build/routeChunk';
import { splitBarrels } from './build/splitBarrels';

// The app behind the small entry (src/main.tsx, which imports it once the first requests are
// sent): one file, linked from index.html so that it downloads with the entry.
const APP = 'src/app/start.tsx';
const app = routeChunk('app', [APP], { withRoutes: true });

// What a buyer opening an order link loads: see scripts/bundle-budget.mjs, which measures it.
const orderLink = routeChunk(
  'order-link',
  [
    'src/features/store/LinkPage.tsx',
    'src/features/store/LinkHome.tsx',
    'src/features/store/LinkCatalogPage.tsx',
  ],
  { after: [APP] },
);

// The API is served on the same origin in production (`showroom serve --spa-dist`), so the
// SPA only ever calls relative `/api/...` URLs; in development Vite forwards them.
export default defineConfig({
  plugins: [
    react(),
    splitBarrels([
      '@mantine/core',
      '@mantine/hooks',
      '@mantine/form',
      '@mantine/notifications',
      '@tabler/icons-react',
    ]),
    mantineStyles(),
    app.plugin,
    orderLink.plugin,
    preloadInHtml(APP),
    precompress(),
  ],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: scripts/bundle-budget.mjs follows it to what a buyer loads.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The entry's own few modules stay in it (a group takes its modules' imports along).
            { name: 'index', tags: ['$initial'], priority: 3 },
            // What the app needs to start, in one file rather than split by which pages share it.
            { ...app.group, priority: 2 },
            { ...orderLink.group, priority: 1 },
          ],
        },
      },
    },
  },
});
