import { initialFiles, type ManifestChunk } from '../../scripts/manifest-walk.mjs';

// A manifest shaped like Vite's: the entry imports a shared chunk; the link route imports
// another one statically and a modal dynamically; the admin route is never reached.
const manifest: Record<string, ManifestChunk> = {
  'index.html': {
    file: 'assets/index-a.js',
    isEntry: true,
    imports: ['_vendor-b.js'],
    dynamicImports: ['src/LinkPage.tsx', 'src/AdminPage.tsx', 'src/locales/ja.json'],
    css: ['assets/index-a.css'],
  },
  '_vendor-b.js': { file: 'assets/vendor-b.js' },
  '_order-link-c.js': { file: 'assets/order-link-c.js', imports: ['index.html', '_vendor-b.js'] },
  'src/LinkPage.tsx': {
    file: 'assets/LinkPage-d.js',
    isDynamicEntry: true,
    imports: ['index.html', '_order-link-c.js'],
    dynamicImports: ['src/Modal.tsx'],
  },
  'src/Modal.tsx': { file: 'assets/Modal-e.js', isDynamicEntry: true, imports: ['_forms-f.js'] },
  '_forms-f.js': { file: 'assets/forms-f.js' },
  'src/AdminPage.tsx': { file: 'assets/AdminPage-g.js', imports: ['_forms-f.js'] },
  'src/locales/ja.json': { file: 'assets/ja-h.js', isDynamicEntry: true },
};

describe('initialFiles', () => {
  it('follows the entry and the routes through their static imports only', () => {
    expect(initialFiles(manifest, ['src/LinkPage.tsx'])).toEqual([
      'assets/vendor-b.js',
      'assets/index-a.js',
      'assets/order-link-c.js',
      'assets/LinkPage-d.js',
    ]);
  });

  it('counts a chunk imported from several places once', () => {
    const files = initialFiles(manifest, ['src/LinkPage.tsx', 'src/Modal.tsx']);
    expect(files.filter((file) => file === 'assets/vendor-b.js')).toHaveLength(1);
    expect(files).toContain('assets/forms-f.js');
  });

  it('refuses a route the build does not have', () => {
    expect(() => initialFiles(manifest, ['src/Gone.tsx'])).toThrow(/no chunk for src\/Gone.tsx/);
  });

  it('refuses a manifest without an entry', () => {
    expect(() => initialFiles({ 'a.js': { file: 'a.js' } }, [])).toThrow(/no entry/);
  });
});
