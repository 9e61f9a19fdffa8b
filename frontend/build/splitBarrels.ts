import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { Plugin } from 'vite';

/**
 * Rewrites `import { Menu } from '@mantine/core'` into an import of the one file that defines
 * `Menu`, at build time.
 *
 * Why: Rolldown places a module in the entry chunk when the entry reaches it through the static
 * import graph, and it follows a package's barrel (`index.mjs`, which re-exports every
 * component) even when the barrel has no side effects (rolldown/rolldown#8920). Since the app
 * shell imports `@mantine/core`, every Mantine component used anywhere — the brand admin's
 * menus, popovers, date pickers — ended up in the JavaScript a buyer downloads first. Importing
 * the defining files directly gives Rolldown the real graph, so the admin's components move to
 * the admin's chunks. Same modules, same instances: the barrel imports those files too.
 */
export function splitBarrels(packages: readonly string[]): Plugin {
  // package → exported name → where it really comes from
  const tables = new Map<string, Map<string, Origin>>();
  const pattern = new RegExp(
    String.raw`import\s*\{([^}]*)\}\s*from\s*(['"])(` +
      packages.map((name) => name.replace(/[/.]/g, '\\$&')).join('|') +
      String.raw`)\2;?`,
    'g',
  );
  return {
    name: 'showroom:split-barrels',
    apply: 'build',
    enforce: 'pre',
    async buildStart() {
      for (const name of packages) {
        const resolved = await this.resolve(name, resolve('index.html'));
        if (!resolved) throw new Error(`split-barrels: cannot resolve ${name}`);
        tables.set(name, readBarrel(resolved.id));
      }
    },
    transform(code, id) {
      if (!/\.(m?js|tsx?)$/.test(id.split('?')[0] ?? '') || !pattern.test(code)) return null;
      pattern.lastIndex = 0;
      return code.replace(pattern, (statement, list: string, _quote, name: string) => {
        const table = tables.get(name);
        if (!table) return statement;
        const kept: string[] = [];
        const types: string[] = [];
        const direct: string[] = [];
        for (const raw of list.split(',')) {
          const specifier = raw.trim();
          if (!specifier) continue;
          if (specifier.startsWith('type ')) {
            types.push(specifier.slice(5).trim());
            continue;
          }
          const [imported = specifier, local = imported] = specifier.split(/\s+as\s+/);
          const origin = table.get(imported);
          if (!origin) {
            kept.push(specifier);
            continue;
          }
          direct.push(`import { ${origin.name} as ${local} } from ${JSON.stringify(origin.from)};`);
        }
        if (kept.length) direct.push(`import { ${kept.join(', ')} } from '${name}';`);
        // Type-only names stay on the barrel: TypeScript erases them.
        if (types.length) direct.push(`import type { ${types.join(', ')} } from '${name}';`);
        return direct.join(' ');
      });
    },
  };
}

interface Origin {
  /** An absolute file, or a bare specifier the barrel re-exports from another package. */
  from: string;
  /** The name that file exports it as. */
  name: string;
}

/** Reads a generated ESM barrel: `import { a as b } from "./x.mjs"` + `export { b as c }`, or
 * `export { default as c } from "./x.mjs"`. */
function readBarrel(file: string): Map<string, Origin> {
  const source = readFileSync(file, 'utf8');
  const at = (spec: string) => (spec.startsWith('.') ? resolve(dirname(file), spec) : spec);
  const locals = new Map<string, Origin>();
  const table = new Map<string, Origin>();
  const names = (list: string) =>
    list
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [inner = part, outer = inner] = part.split(/\s+as\s+/);
        return [inner, outer] as const;
      });
  for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const [inner, outer] of names(match[1])) {
      locals.set(outer, { from: at(match[2]), name: inner });
    }
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}\s*(?:from\s*["']([^"']+)["'])?/g)) {
    const from = match[2];
    for (const [inner, outer] of names(match[1])) {
      const origin = from ? { from: at(from), name: inner } : locals.get(inner);
      if (origin) table.set(outer, origin);
    }
  }
  if (table.size === 0) throw new Error(`split-barrels: ${file} does not look like a barrel`);
  return table;
}
