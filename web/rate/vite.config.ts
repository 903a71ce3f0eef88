/**
 * The phone ballot (手机测评) as its own small entry: Preact, no UI kit, one JS and one CSS file.
 * Built to dist/web/rate/; the server serves index.html at /r and /r/<token>, and the hashed files at /assets/.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../precompress.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web/rate/', import.meta.url));

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
    target: 'es2020',
    // One request each for JS and CSS matters more on slow 3G than caching split chunks.
    modulePreload: false,
    reportCompressedSize: false,
    // Named rate-* so they can share /assets/ with other entries' files.
    rolldownOptions: {
      output: { entryFileNames: 'assets/rate-[hash].js', chunkFileNames: 'assets/rate-[hash].js', assetFileNames: 'assets/rate-[hash][extname]' },
    },
  },
});
