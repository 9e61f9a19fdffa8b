import { resolve } from 'node:path';

import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk;

/**
 * Links the chunk of `module` — and the chunks and styles it imports — from index.html
 * (`modulepreload`, `stylesheet`), for a module the entry imports dynamically right away
 * (src/main.tsx imports the app): the browser then downloads it together with the entry, as it
 * would if the entry imported it statically, instead of only once the entry has run.
 */
export function preloadInHtml(module: string): Plugin {
  let base = '/';
  return {
    name: 'showroom:preload-in-html',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter(
          (output): output is OutputChunk => output.type === 'chunk',
        );
        const id = resolve(module);
        // A codeSplitting group's chunk has no facade module: look for the one that holds it.
        const start = chunks.find((chunk) => chunk.moduleIds.includes(id));
        if (!start) throw new Error(`preload-in-html: no chunk holds ${module}`);
        const scripts: string[] = [];
        const styles = new Set<string>();
        const visit = (chunk: OutputChunk) => {
          if (chunk.isEntry || scripts.includes(chunk.fileName)) return;
          scripts.push(chunk.fileName);
          chunk.viteMetadata?.importedCss.forEach((file) => styles.add(file));
          for (const file of chunk.imports) {
            const imported = bundle[file];
            if (imported.type === 'chunk') visit(imported);
          }
        };
        visit(start);
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
          tag: 'link',
          attrs,
          injectTo: 'head',
        });
        return [
          ...[...styles].map((file) =>
            link({ rel: 'stylesheet', crossorigin: true, href: `${base}${file}` }),
          ),
          ...scripts.map((file) =>
            link({ rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }),
          ),
        ];
      },
    },
  };
}
