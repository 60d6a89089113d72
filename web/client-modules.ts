// A Vite plugin that writes down which source modules went into each client chunk, beside Vite's
// own manifest (which names only each chunk's entry): the client-chunk check reads it to prove that
// no store module and no AWS SDK code reaches the browser, whatever path pulled it in.
import { relative } from 'node:path';
import type { Plugin } from 'vite';

/** Where the module list lands inside the client output (next to `.vite/manifest.json`). */
export const CLIENT_MODULES_FILE = '.vite/client-modules.json';

/** Chunk file (as in Vite's manifest) → the source modules bundled into it, relative to `root`. */
export type ClientModules = Record<string, string[]>;

export function clientModules(root: string): Plugin {
  return {
    name: 'kohtaamo-client-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (this.environment.config.consumer !== 'client') return;
      const modules: ClientModules = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        // Only modules with code left after tree-shaking count: a chunk lists every module it
        // touched, even one whose exports were all dropped. Real paths are made relative (so the
        // file does not depend on the checkout's place) and lose their query suffix.
        modules[output.fileName] = Object.entries(output.modules)
          .filter(([, module]) => module.renderedLength > 0)
          .map(([id]) => (id.startsWith('/') ? relative(root, id.replace(/\?.*$/, '')) : id));
      }
      this.emitFile({
        type: 'asset',
        fileName: CLIENT_MODULES_FILE,
        source: `${JSON.stringify(modules, null, 2)}\n`,
      });
    },
  };
}
