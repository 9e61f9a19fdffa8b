// The pure part of the bundle budget: which files of a Vite build manifest the browser loads
// before a set of lazily loaded routes renders. Kept apart from bundle-budget.mjs (which reads
// dist/ and gzips) so a unit test can drive it with a hand-made manifest.

/**
 * The JavaScript files loaded before `routeModules` render: the HTML entry, the route chunks,
 * and every chunk they import statically, transitively. Dynamic imports are not followed: they
 * load later (another route, a modal, a language catalog) — except the route chunks named
 * here, which the router imports before it renders them.
 *
 * @param {Record<string, {file: string, isEntry?: boolean, imports?: string[]}>} manifest
 * @param {string[]} routeModules manifest keys (source paths) of the route components
 * @returns {string[]} output files (relative to dist/), each once, in load order
 */
export function initialFiles(manifest, routeModules) {
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  if (entries.length === 0) throw new Error('the manifest has no entry chunk');
  for (const key of routeModules) {
    if (!manifest[key]) throw new Error(`the manifest has no chunk for ${key}`);
  }
  const seen = new Set();
  const files = [];
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest refers to ${key}, which it does not list`);
    for (const imported of chunk.imports ?? []) visit(imported);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
  };
  for (const key of [...entries, ...routeModules]) visit(key);
  return files;
}
