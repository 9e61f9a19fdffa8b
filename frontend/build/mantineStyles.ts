import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

import type { Plugin } from 'vite';

const BASE = ['baseline', 'default-css-variables', 'global'];

/**
 * Mantine's styles per component, at build time: `@mantine/core/styles.css` (250 KB, every
 * component) becomes its three base files, and each component brings its own stylesheet
 * (`styles/Button.css`) into the chunk that uses it. A buyer's page then parses the styles of
 * the components it shows, not of the brand admin's; the admin's styles load with its chunks.
 *
 * How: every Mantine component imports its class names from `X.module.mjs`; this plugin adds
 * `import '@mantine/core/styles/X.css'` to that module, so the stylesheet follows the
 * component wherever the bundler puts it, after the styles of the components it builds on
 * (the order Mantine's own styles.css has). In development and tests the full stylesheet
 * stays, unchanged.
 */
export function mantineStyles(): Plugin {
  // `./styles/*` is what the package exports; its folder holds one stylesheet per component.
  const styles = join(
    dirname(createRequire(import.meta.url).resolve('@mantine/core/styles.css')),
    'styles',
  );
  return {
    name: 'showroom:mantine-styles',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      const module = /@mantine[\\/]core[\\/]esm[\\/].*[\\/]([^\\/]+)\.module\.mjs$/.exec(path);
      if (module) {
        const name = module[1];
        if (!existsSync(join(styles, `${name}.css`))) return null;
        return { code: `${code}\nimport "@mantine/core/styles/${name}.css";\n`, map: null };
      }
      if (!/\.(m?js|tsx?)$/.test(path) || !code.includes('@mantine/core/styles.css')) return null;
      const base = BASE.map((name) => `import '@mantine/core/styles/${name}.css';`).join('\n');
      return {
        code: code.replace(/import\s+['"]@mantine\/core\/styles\.css['"];?/g, base),
        map: null,
      };
    },
  };
}
