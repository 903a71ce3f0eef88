/**
 * The trainee's check-in page (学员扫码签到) as its own small entry, like the phone ballot: Preact, no UI kit, one JS
 * and one CSS file. Built to dist/web/checkin/; the server serves index.html at /c/<class>/<lesson>/<venue> and
 * /c/<class>, and the hashed files at /assets/ beside the ballot's.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../precompress.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web/checkin/', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [precompress(outDir, 11)],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Old Android Chrome in a party school's hall.
    target: 'es2020',
    // One request each for JS and CSS matters more on slow 3G than caching split chunks.
    modulePreload: false,
    reportCompressedSize: false,
    // Named checkin-* so they share /assets/ with the ballot's rate-* files.
    rolldownOptions: {
      output: { entryFileNames: 'assets/checkin-[hash].js', chunkFileNames: 'assets/checkin-[hash].js', assetFileNames: 'assets/checkin-[hash][extname]' },
    },
  },
});
