// Bundle the CLI into dist/. Third-party packages stay external for now (installed as
// dependencies); the bin and engine are one ESM entry plus a lazily loaded chunk for Yeoman.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { bin: 'src/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
