#!/usr/bin/env node
// Builds the synthetic survey corpus of docs/report/ and runs `secure-cncf survey` over it.
//
//   node scripts/survey-corpus.mjs             build the corpus in a temporary directory, survey it,
//                                              write docs/report/survey-results.{md,csv}
//   node scripts/survey-corpus.mjs --keep      same, and leave the corpus on disk (path printed)
//   node scripts/survey-corpus.mjs --check     survey again and fail if the committed results differ
//
// The corpus is synthetic on purpose: there is no network here to clone real repositories, and a
// fixed corpus makes the report reproducible. It has two halves:
//   - repositories written by this generator (dist/bin.js) at levels 1-3 for several languages,
//     artifact kinds and one compliance preset;
//   - hand-built fixtures in styles common in third-party projects (Renovate only, CodeQL
//     "advanced setup", goreleaser with SBOMs and cosign, a bare README, risky workflows, a
//     workflow delegated to an organisation's reusable workflow).
// Each repository gets a minimal .git directory (HEAD, config with an origin remote) so the survey
// finds it and `check` can read its GitHub slug; no git command is run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/bin.js');
const outDir = path.join(root, 'docs/report');
const args = new Set(process.argv.slice(2));

if (!existsSync(bin)) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

// A fixed SHA for hand-written `uses:` lines of the fixtures (what a pinned third-party repo has).
const SHA = '0123456789abcdef0123456789abcdef01234567';

/** Repositories written by the generator: [directory, flags]. */
const GENERATED = [
  ['generated/go-sandbox', ['--language', 'go', '--level', '1', '--artifacts', 'binaries']],
  ['generated/python-sandbox', ['--language', 'python', '--level', '1', '--artifacts', 'libraries']],
  ['generated/cpp-sandbox', ['--language', 'cpp', '--level', '1', '--artifacts', 'none']],
  ['generated/go-incubating', ['--language', 'go', '--level', '2', '--artifacts', 'binaries,container-images']],
  ['generated/rust-incubating', ['--language', 'rust', '--level', '2', '--artifacts', 'binaries']],
  ['generated/js-incubating-soc2', ['--language', 'javascript', '--level', '2', '--artifacts', 'libraries', '--compliance', 'soc2']],
  ['generated/go-graduated', ['--language', 'go', '--level', '3', '--artifacts', 'binaries,container-images,helm-charts']],
  ['generated/java-graduated', ['--language', 'java-maven', '--level', '3', '--artifacts', 'container-images']],
];

/** Manifests written before generating, so detection agrees with the --language flag. */
const MANIFESTS = {
  go: { 'go.mod': 'module example.com/demo\n\ngo 1.24\n', 'main.go': 'package main\n\nfunc main() {}\n' },
  python: { 'pyproject.toml': '[project]\nname = "demo"\nversion = "0.1.0"\n' },
  cpp: { 'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.20)\nproject(demo CXX)\n' },
  rust: { 'Cargo.toml': '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n' },
  javascript: { 'package.json': '{ "name": "demo", "version": "0.1.0", "private": true }\n' },
  'java-maven': { 'pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId><artifactId>demo</artifactId><version>0.1.0</version></project>\n' },
};

/** Files the chosen artifact kinds are built from (the generator writes their jobs only then). */
const ARTIFACT_FILES = {
  'container-images': { Dockerfile: 'FROM scratch\n' },
  'helm-charts': { 'charts/demo/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n' },
};

const README = (name) => `# ${name}\n\nA fixture of the secure-cncf survey corpus.\n`;

/** Hand-built fixtures in third-party styles: directory -> files. */
const FIXTURES = {
  // Only a README: the most common starting point of a new repository.
  'third-party/bare-readme': { 'README.md': README('bare-readme') },

  // Renovate instead of Dependabot, a CI workflow with unpinned actions, no security workflows.
  'third-party/renovate-only': {
    'README.md': README('renovate-only'),
    'go.mod': 'module example.com/renovate-only\n\ngo 1.24\n',
    'renovate.json': '{\n  "$schema": "https://docs.renovatebot.com/renovate-schema.json",\n  "extends": ["config:recommended"]\n}\n',
    '.github/workflows/ci.yml': `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - run: go test ./...
`,
  },

  // CodeQL "advanced setup" as GitHub's starter workflow writes it, pinned, plus Dependabot and a policy.
  'third-party/codeql-advanced': {
    'README.md': README('codeql-advanced'),
    'package.json': '{ "name": "codeql-advanced", "version": "1.0.0" }\n',
    'SECURITY.md': '# Security policy\n\nPlease report vulnerabilities privately through GitHub security advisories:\nhttps://github.com/fixtures/codeql-advanced/security/advisories/new\n\nWe acknowledge reports within three working days and coordinate disclosure with the reporter.\n',
    '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: "/"\n    schedule:\n      interval: weekly\n  - package-ecosystem: github-actions\n    directory: "/"\n    schedule:\n      interval: weekly\n',
    '.github/workflows/codeql.yml': `name: "CodeQL Advanced"
on:
  push:
    branches: ["main"]
  pull_request:
    branches: ["main"]
  schedule:
    - cron: "27 3 * * 2"
permissions:
  contents: read
jobs:
  analyze:
    name: Analyze (\${{ matrix.language }})
    runs-on: ubuntu-latest
    permissions:
      security-events: write
      packages: read
      actions: read
      contents: read
    strategy:
      fail-fast: false
      matrix:
        include:
          - language: javascript-typescript
            build-mode: none
    steps:
      - name: Checkout repository
        uses: actions/checkout@${SHA} # v4.2.2
        with:
          persist-credentials: false
      - name: Initialize CodeQL
        uses: github/codeql-action/init@${SHA} # v3.28.0
        with:
          languages: \${{ matrix.language }}
          build-mode: \${{ matrix.build-mode }}
      - name: Perform CodeQL Analysis
        uses: github/codeql-action/analyze@${SHA} # v3.28.0
        with:
          category: "/language:\${{matrix.language}}"
`,
  },

  // goreleaser with SBOMs (syft) and cosign keyless signing of the checksum file.
  'third-party/goreleaser-sboms': {
    'README.md': README('goreleaser-sboms'),
    'go.mod': 'module example.com/goreleaser-sboms\n\ngo 1.24\n',
    'SECURITY.md': '# Security\n\nReport vulnerabilities by email to security@example.org (private). We reply within five working days.\n',
    '.goreleaser.yaml': `version: 2
builds:
  - env: [CGO_ENABLED=0]
    goos: [linux, darwin, windows]
checksum:
  name_template: checksums.txt
sboms:
  - artifacts: archive
signs:
  - cmd: cosign
    certificate: "\${artifact}.pem"
    args: ["sign-blob", "--output-certificate=\${certificate}", "--output-signature=\${signature}", "\${artifact}", "--yes"]
    artifacts: checksum
`,
    '.github/workflows/release.yml': `name: release
on:
  push:
    tags: ["v*"]
permissions:
  contents: read
jobs:
  goreleaser:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      id-token: write
    steps:
      - uses: actions/checkout@${SHA} # v4.2.2
        with:
          fetch-depth: 0
          persist-credentials: false
      - uses: actions/setup-go@${SHA} # v5.4.0
        with:
          go-version-file: go.mod
      - uses: sigstore/cosign-installer@${SHA} # v3.8.1
      - uses: anchore/sbom-action/download-syft@${SHA} # v0.18.0
      - uses: goreleaser/goreleaser-action@${SHA} # v6.3.0
        with:
          version: "~> v2"
          args: release --clean
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
`,
  },

  // Scorecard and Dependabot only: a project that has started on the Scorecard checklist.
  'third-party/scorecard-dependabot': {
    'README.md': README('scorecard-dependabot'),
    'go.mod': 'module example.com/scorecard-dependabot\n\ngo 1.24\n',
    '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: "/"\n    schedule:\n      interval: daily\n',
    '.github/workflows/scorecard.yml': `name: Scorecard supply-chain security
on:
  branch_protection_rule:
  schedule:
    - cron: "30 1 * * 6"
  push:
    branches: ["main"]
permissions: read-all
jobs:
  analysis:
    runs-on: ubuntu-latest
    permissions:
      security-events: write
      id-token: write
    steps:
      - uses: actions/checkout@${SHA} # v4.2.2
        with:
          persist-credentials: false
      - uses: ossf/scorecard-action@${SHA} # v2.4.1
        with:
          results_file: results.sarif
          results_format: sarif
          publish_results: true
      - uses: github/codeql-action/upload-sarif@${SHA} # v3.28.0
        with:
          sarif_file: results.sarif
`,
  },

  // The risky patterns the guide's pitfalls page is about.
  'third-party/risky-workflows': {
    'README.md': README('risky-workflows'),
    'package.json': '{ "name": "risky-workflows", "version": "1.0.0" }\n',
    '.github/workflows/pr-label.yml': `name: label
on: pull_request_target
permissions: write-all
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: echo "Labelling \${{ github.event.pull_request.title }}"
      - run: npm ci && npm test
`,
  },

  // Security work delegated to an organisation's shared reusable workflow.
  'third-party/org-delegated': {
    'README.md': README('org-delegated'),
    'go.mod': 'module example.com/org-delegated\n\ngo 1.24\n',
    '.github/workflows/security.yml': `name: security
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  security:
    permissions:
      contents: read
      security-events: write
      actions: read
    uses: fixtures/.github/.github/workflows/security.yml@${SHA} # v1.2.0
`,
  },
};

function writeFiles(dir, files) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

/** The smallest .git directory git accepts as a repository, with an origin remote. */
function fakeGit(dir, slug) {
  writeFiles(dir, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/config': `[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote "origin"]\n\turl = https://github.com/${slug}.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
  });
  mkdirSync(path.join(dir, '.git/objects'), { recursive: true });
  mkdirSync(path.join(dir, '.git/refs/heads'), { recursive: true });
}

function run(argv, options = {}) {
  return execFileSync(process.execPath, [bin, ...argv], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

const corpus = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-corpus-'));
try {
  for (const [dir, flags] of GENERATED) {
    const target = path.join(corpus, dir);
    const slug = `fixtures/${path.basename(dir)}`;
    const language = flags[flags.indexOf('--language') + 1];
    const artifacts = flags[flags.indexOf('--artifacts') + 1].split(',');
    const artifactFiles = Object.assign({}, ...artifacts.map((a) => ARTIFACT_FILES[a] ?? {}));
    writeFiles(target, { 'README.md': README(path.basename(dir)), ...MANIFESTS[language], ...artifactFiles });
    fakeGit(target, slug);
    run([target, '--yes', '--repo', slug, '--branch', 'main', ...flags]);
  }
  for (const [dir, files] of Object.entries(FIXTURES)) {
    const target = path.join(corpus, dir);
    writeFiles(target, files);
    fakeGit(target, `fixtures/${path.basename(dir)}`);
  }

  // Absolute temporary paths would make every run differ; the report names repositories relative
  // to the corpus root.
  const relative = (text) => text.split(`${corpus}${path.sep}`).join('').split(corpus).join('.');
  const markdown = relative(run(['survey', '--under', corpus, '--format', 'markdown']));
  const csv = relative(run(['survey', '--under', corpus, '--format', 'csv']));
  const header = '<!-- Generated by scripts/survey-corpus.mjs from a synthetic corpus; see docs/report/README.md for the method. Do not edit. -->\n\n';
  const outputs = { 'survey-results.md': header + markdown, 'survey-results.csv': csv };

  if (args.has('--check')) {
    const stale = Object.entries(outputs).filter(([file, content]) => {
      const committed = path.join(outDir, file);
      return !existsSync(committed) || readFileSync(committed, 'utf8') !== content;
    });
    if (stale.length) {
      console.error(`Stale: ${stale.map(([file]) => `docs/report/${file}`).join(', ')}. Run: node scripts/survey-corpus.mjs`);
      process.exitCode = 1;
    } else {
      console.log('docs/report/survey-results.{md,csv} are up to date.');
    }
  } else {
    mkdirSync(outDir, { recursive: true });
    for (const [file, content] of Object.entries(outputs)) writeFileSync(path.join(outDir, file), content);
    console.log(`Surveyed ${GENERATED.length + Object.keys(FIXTURES).length} repositories; wrote docs/report/survey-results.md and .csv.`);
  }
} finally {
  if (args.has('--keep')) console.log(`Corpus kept at ${corpus}`);
  else rmSync(corpus, { recursive: true, force: true });
}
