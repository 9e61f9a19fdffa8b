// The buyer bundle budget (QUALITY.md, "SPA budgets"): a buyer opening an order link downloads
// at most 200 KB of gzipped JavaScript before the catalog renders.
//
//   node scripts/bundle-budget.mjs [--json] [--dist DIR]
//
// Reads the Vite manifest of a production build (`npm run build` first), follows the entry and
// the order-link routes (landing, catalog) through their static imports, gzips each file as
// it is served (level 9, the same as the precompressed .gz files written by the build) and
// exits 1 when the total is over budget. `--json` prints the measurement for the bench harness.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

import { initialFiles } from './manifest-walk.mjs';

export const BUDGET_BYTES = 200 * 1024;

// The router components a buyer's browser imports before the catalog shows: the link layout,
// its landing page (which sends an Instant Order Link on to its catalog) and the catalog page.
// The entry imports them, and the app (src/app/start.tsx), dynamically right away; the app's
// chunk counts through these routes, which import it statically.
export const BUYER_ROUTES = [
  'src/features/store/LinkPage.tsx',
  'src/features/store/LinkHome.tsx',
  'src/features/store/LinkCatalogPage.tsx',
];

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    dist: { type: 'string', default: resolve(import.meta.dirname, '..', 'dist') },
  },
});

let manifest;
const manifestPath = join(values.dist, '.vite', 'manifest.json');
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch (error) {
  console.error(
    `bundle-budget: cannot read ${manifestPath} (run \`npm run build\` first): ${error.message}`,
  );
  process.exit(2);
}

const files = initialFiles(manifest, BUYER_ROUTES).map((file) => ({
  file,
  gzip_bytes: gzipSync(readFileSync(join(values.dist, file)), { level: 9 }).length,
}));
const total = files.reduce((sum, { gzip_bytes }) => sum + gzip_bytes, 0);
const ok = total <= BUDGET_BYTES;

if (values.json) {
  console.log(
    JSON.stringify(
      { buyer_initial_js_gzip_bytes: total, budget_bytes: BUDGET_BYTES, ok, files },
      null,
      2,
    ),
  );
} else {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const { file, gzip_bytes } of [...files].sort((a, b) => b.gzip_bytes - a.gzip_bytes)) {
    console.log(`  ${kb(gzip_bytes).padStart(9)}  ${file}`);
  }
  const verdict = ok ? 'within' : 'OVER';
  const line = `buyer JavaScript before the catalog renders: ${kb(total)} gzip, ${verdict} the ${kb(BUDGET_BYTES)} budget`;
  if (ok) console.log(line);
  else console.error(`bundle-budget: ${line}; see the files above (QUALITY.md, "SPA budgets")`);
}
process.exit(ok ? 0 : 1);
