/**
 * A Vite plugin shared by the web entries: writes .gz and .br beside each built JS/CSS file, so the server sends them
 * as they are instead of compressing per request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** `brotliQuality` 11 is smallest and slowest to build; a large bundle may prefer 9. */
export function precompress(outDir: string, brotliQuality: number): Plugin {
  return {
    name: 'leitai-precompress',
    apply: 'build',
    writeBundle(_options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const data = readFileSync(join(outDir, file));
        writeFileSync(join(outDir, file + '.gz'), gzipSync(data, { level: 9 }));
        writeFileSync(join(outDir, file + '.br'), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality } }));
      }
    },
  };
}
