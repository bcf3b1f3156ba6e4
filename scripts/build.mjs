// Build the published bundle: the bin, the engine and every runtime dependency (Yeoman, inquirer,
// prettier's standalone build, ejs, yaml, execa, diff) bundled by esbuild into dist/, so
// `npm create secure-cncf` installs one package. Beside it: a CycloneDX SBOM of what was bundled
// and the licence texts of the bundled packages.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bundledPackages, cycloneDx, thirdPartyNotices } from './sbom.mjs';

const BANNER = [
  // Some bundled CommonJS code calls require() and reads __dirname; ESM output has neither.
  "import { createRequire as __secureCncfCreateRequire } from 'node:module';",
  "import { fileURLToPath as __secureCncfFileURLToPath } from 'node:url';",
  "import { dirname as __secureCncfDirname } from 'node:path';",
  'const require = __secureCncfCreateRequire(import.meta.url);',
  'const __filename = __secureCncfFileURLToPath(import.meta.url);',
  'const __dirname = __secureCncfDirname(__filename);',
].join('\n');

// yeoman-environment imports fly-import (npm's arborist, pacote, sigstore…) to install generators
// from the registry. The embedded environment only runs the generator registered in-process, so
// that code path is replaced by a stub that fails loudly if it is ever reached.
const stubGeneratorInstaller = {
  name: 'stub-fly-import',
  setup(builder) {
    builder.onResolve({ filter: /^fly-import$/ }, () => ({ path: 'fly-import', namespace: 'stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: `
        const unsupported = () => { throw new Error('secure-cncf embeds its generator; installing other generators is not supported.'); };
        export class FlyRepository { constructor() {} install() { unsupported(); } import() { unsupported(); } }
        export const flyImport = unsupported;
      `,
      loader: 'js',
    }));
  },
};

// yeoman-environment reads its version from its own package.json at run time; in the bundle that
// path would find ours, and yeoman-generator would warn about an incompatible environment.
const inlineEnvironmentVersion = {
  name: 'inline-yeoman-environment-version',
  setup(builder) {
    builder.onLoad({ filter: /yeoman-environment[\\/]dist[\\/]environment-base\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const { version } = JSON.parse(readFileSync(new URL('../node_modules/yeoman-environment/package.json', import.meta.url), 'utf8'));
      const patched = source.replace("require('../package.json').version", JSON.stringify(version));
      if (patched === source) throw new Error('yeoman-environment changed: its version lookup was not found; update scripts/build.mjs');
      return { contents: patched, loader: 'js' };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: { bin: 'src/bin.ts', generator: 'src/generator.ts', action: 'src/action-entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  minify: process.env.SECURE_CNCF_MINIFY !== '0',
  chunkNames: 'chunk-[hash]',
  banner: { js: BANNER },
  plugins: [stubGeneratorInstaller, inlineEnvironmentVersion],
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// Which output file carries which bundled package: the lazy-loading test reads this (not published).
const chunkPackages = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  chunkPackages[file] = [...new Set(Object.keys(output.inputs).map((i) => (i.includes('node_modules/') ? i.split('node_modules/').pop().split('/').slice(0, i.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/') : '(own)')))].sort();
}
mkdirSync('.build', { recursive: true });
writeFileSync('.build/chunks.json', `${JSON.stringify(chunkPackages, null, 2)}\n`);

// Each control's templates travel beside the bundle, at the same relative place as in src/.
for (const id of readdirSync('src/controls')) {
  const templates = `src/controls/${id}/templates`;
  if (existsSync(templates)) cpSync(templates, `dist/controls/${id}/templates`, { recursive: true });
}

const packages = bundledPackages(result.metafile);
writeFileSync('dist/sbom.cdx.json', `${JSON.stringify(cycloneDx(packages), null, 2)}\n`);
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', thirdPartyNotices(packages));
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`dist/: ${(bytes / 1024).toFixed(0)} KiB of JavaScript, ${packages.length} bundled packages (dist/sbom.cdx.json)`);
