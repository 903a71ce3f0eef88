/**
 * The observer's tour page (观摩评, /o/<link>) as its own small entry, like the phone ballot: Preact, no UI kit, one JS
 * and one CSS file, plus its service worker (sw/sw.ts), written beside index.html as sw.js with the list of this
 * build's files in it. Built to dist/web/tour/; the server serves index.html at /o/<link>, sw.js at /o/sw.js and the
 * hashed files at /assets/ beside the other phone pages'.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../precompress.js';
import { serviceWorker } from './sw/build.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web/tour/', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [precompress(outDir, 11), serviceWorker({ outDir, source: fileURLToPath(new URL('./sw/sw.ts', import.meta.url)) })],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Old Android phones on a village road.
    target: 'es2020',
    // One request each for JS and CSS matters more on slow 3G than caching split chunks.
    modulePreload: false,
    reportCompressedSize: false,
    // Named tour-* so they share /assets/ with the other phone pages' rate-* and checkin-* files.
    rolldownOptions: {
      output: { entryFileNames: 'assets/tour-[hash].js', chunkFileNames: 'assets/tour-[hash].js', assetFileNames: 'assets/tour-[hash][extname]' },
    },
  },
});
