/**
 * The phone ballot (手机测评) as its own small entry: Preact, no UI kit, one JS and one CSS file.
 * Built to dist/web/rate/; the server serves index.html at /r and /r/<token>, and the hashed files at /assets/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web/rate/', import.meta.url));

/** Writes .gz and .br beside each JS/CSS file; the server sends them as they are (no compression per request). */
function precompress(): Plugin {
  return {
    name: 'leitai-precompress',
    apply: 'build',
    writeBundle(_options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const data = readFileSync(join(outDir, file));
        writeFileSync(join(outDir, file + '.gz'), gzipSync(data, { level: 9 }));
        writeFileSync(join(outDir, file + '.br'), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [precompress()],
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
