/**
 * The office console (办公室工作台) as its own entry: React + antd + ECharts, built to dist/web/console/ and served
 * at / and /console/* (SPA fallback); hashed files under /console/assets/. Kept apart from the phone entry so the
 * phone never downloads the UI kit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web/console/', import.meta.url));

/** Writes .gz and .br beside each JS/CSS file; the server sends them as they are. */
function precompress(): Plugin {
  return {
    name: 'leitai-precompress',
    apply: 'build',
    writeBundle(_options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const data = readFileSync(join(outDir, file));
        writeFileSync(join(outDir, file + '.gz'), gzipSync(data, { level: 9 }));
        writeFileSync(join(outDir, file + '.br'), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/console/',
  logLevel: 'warn',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/console-[hash].js',
        chunkFileNames: 'assets/console-[hash].js',
        assetFileNames: 'assets/console-[hash][extname]',
      },
    },
  },
});
