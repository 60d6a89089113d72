// SvelteKit 3 takes its configuration here (svelte.config.js is no longer read).
import { join } from 'node:path';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { clientModules } from './client-modules';

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
      compilerOptions: { runes: true },
      // SvelteKit writes the Content-Security-Policy header and puts a nonce on its own inline
      // scripts: no 'unsafe-inline' for scripts. Styles allow inline style attributes (Svelte sets
      // a few at runtime); no script can come from them.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self', 'unsafe-inline'],
          'img-src': ['self', 'data:'],
          'connect-src': ['self'],
          'font-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['none'],
          'frame-ancestors': ['none'],
          'form-action': ['self'],
        },
      },
    }),
    clientModules(join(import.meta.dirname, '..')),
  ],
});
