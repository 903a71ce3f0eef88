/**
 * The office console (办公室工作台) as its own entry: React + antd + ECharts, built to dist/web/console/ and served
 * at / and /console/* (SPA fallback); hashed files under /console/assets/. Kept apart from the phone entry so the
 * phone never downloads the UI kit.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../precompress.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web/console/', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  logLevel: 'warn',
  plugins: [react(), precompress(outDir, 9)],
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
