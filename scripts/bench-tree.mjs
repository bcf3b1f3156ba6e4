// A large synthetic repository for benchmarks: `files` files in total, `manifestDirs` of them
// holding a manifest (Go, npm, Python, Rust in turn; every fifth also a Dockerfile), hand-written
// workflows and a dependabot.yml, plus vendored and docs trees. Deterministic, so runs compare.
// Used by `npm run bench` (retrofit) and meant for the `check` benchmark too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MANIFESTS = [
  ['go.mod', (n) => `module example.com/bench/svc-${n}\n\ngo 1.24\n`],
  ['package.json', (n) => `${JSON.stringify({ name: `svc-${n}`, version: '1.0.0' })}\n`],
  ['pyproject.toml', (n) => `[project]\nname = "svc-${n}"\nversion = "1.0.0"\n`],
  ['Cargo.toml', (n) => `[package]\nname = "svc-${n}"\nversion = "1.0.0"\n`],
];
const EXT = { 'go.mod': 'go', 'package.json': 'ts', 'pyproject.toml': 'py', 'Cargo.toml': 'rs' };

const WORKFLOW = `# Hand-written CI of the benchmark tree.
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - run: go test ./...
`;

/**
 * Write the tree under `root` (created if needed) and, with `git`, make it a repository with every
 * file in the index (so \`git ls-files\` lists them). Returns the counts actually written.
 */
export function generateTree(root, { files = 20_000, manifestDirs = 50, git = true } = {}) {
  let written = 0;
  const put = (file, content) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    written++;
  };
  put('README.md', '# bench\n');
  put('.github/workflows/ci.yml', WORKFLOW);
  put('.github/dependabot.yml', 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /services/svc-00\n    schedule:\n      interval: weekly\n');
  const dirs = [];
  for (let i = 0; i < manifestDirs; i++) {
    const n = String(i).padStart(2, '0');
    const dir = `services/svc-${n}`;
    const [name, body] = MANIFESTS[i % MANIFESTS.length];
    put(`${dir}/${name}`, body(n));
    if (i % 5 === 0) put(`${dir}/Dockerfile`, 'FROM scratch\n');
    dirs.push({ dir, ext: EXT[name] });
  }
  // The rest: source files spread over nested packages of each service, docs and a vendored tree
  // (which detection skips but git lists).
  const remaining = files - written;
  const vendored = Math.floor(remaining * 0.1);
  const docs = Math.floor(remaining * 0.05);
  for (let i = 0; i < vendored; i++) put(`vendor/github.com/dep${i % 40}/pkg${Math.floor(i / 40) % 25}/f${i}.go`, `package dep\n// ${i}\n`);
  for (let i = 0; i < docs; i++) put(`docs/section-${i % 20}/page-${i}.md`, `# Page ${i}\n`);
  let i = 0;
  while (written < files) {
    const { dir, ext } = dirs[i % dirs.length];
    put(`${dir}/pkg/m${Math.floor(i / dirs.length) % 30}/file${i}.${ext}`, `// file ${i}\n`);
    i++;
  }
  if (git) {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
    for (const args of [['init', '-q'], ['add', '-A']]) {
      const result = spawnSync('git', args, { cwd: root, env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    }
  }
  return { root, files: written, manifestDirs };
}
