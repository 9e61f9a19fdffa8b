import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes `file.gz` (gzip level 9) beside every text file of the build that gets smaller for
 * it. The API (`showroom serve --spa-dist`, backend/showroom/spa.py) and nginx
 * (`gzip_static`) send those to clients that accept gzip, so no request pays for compressing,
 * and scripts/bundle-budget.mjs measures the same level 9 bytes.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'showroom:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const file of await walk(outDir)) {
        if (!TEXT.test(file)) continue;
        const source = await readFile(file);
        const zipped = gzipSync(source, { level: 9 });
        if (zipped.length < source.length) await writeFile(`${file}.gz`, zipped);
      }
    },
  };
}

async function walk(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of await readdir(directory)) {
    // Vite's own files (.vite/manifest.json) are for the build scripts, not for browsers.
    if (name.startsWith('.')) continue;
    const path = join(directory, name);
    if ((await stat(path)).isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return files;
}
