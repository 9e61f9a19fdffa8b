import { resolve } from 'node:path';

import type { Plugin } from 'vite';

export interface RouteChunkOptions {
  /** Modules loaded before these routes (with the entry): what they import is not put here. */
  after?: readonly string[];
  /** The route modules go into the chunk too, instead of each staying a chunk of its own. */
  withRoutes?: boolean;
}

/**
 * Puts every module that the given routes import statically — and the entry does not — into
 * one chunk, instead of the dozens of small shared chunks Rolldown makes for them: each file
 * is a request and gzips on its own, which cost a buyer ~10 KB over one file.
 *
 * Returns the plugin that finds those modules (once the module graph is known) and the
 * `codeSplitting` group that captures them.
 */
export function routeChunk(
  name: string,
  routes: readonly string[],
  { after = [], withRoutes = false }: RouteChunkOptions = {},
) {
  const members = new Set<string>();
  const plugin: Plugin = {
    name: 'showroom:route-chunk',
    apply: 'build',
    buildEnd() {
      members.clear();
      const ids = [...this.getModuleIds()];
      const reach = (roots: string[]) => {
        const seen = new Set(roots);
        const queue = [...roots];
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          for (const next of this.getModuleInfo(id)?.importedIds ?? []) {
            if (!seen.has(next)) {
              seen.add(next);
              queue.push(next);
            }
          }
        }
        return seen;
      };
      const find = (module: string) => {
        const id = ids.find((each) => each === resolve(module));
        if (!id) throw new Error(`route-chunk: ${module} is not part of the build`);
        return id;
      };
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      const initial = reach([...entries, ...after.map(find)]);
      const routeIds = routes.map(find);
      // Unless told otherwise, the route modules stay chunks of their own, each loaded with
      // its route.
      for (const id of reach(routeIds)) {
        if (!initial.has(id) && (withRoutes || !routeIds.includes(id))) members.add(id);
      }
    },
  };
  const group = { name, test: (id: string) => members.has(id) };
  return { plugin, group };
}
