// Patterns the held-out corpus repositories showed (docs/corpus/), each as a small tree of our own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RepoView } from '../../src/evidence/repo-view.js';
import { observePractice } from '../../src/evidence/practices.js';
import { parseMakefile } from '../../src/evidence/makefile.js';

const roots: string[] = [];
function tree(files: Record<string, string>): RepoView {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-lessons-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return new RepoView(root);
}
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const workflow = (steps: string, on = 'pull_request') => `on: [${on}]
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${steps}`;

describe('lessons of the held-out corpus', () => {
  it('a make conditional inside a recipe does not end the recipe', () => {
    const mk = parseMakefile('Makefile', 'lint:\nifeq ($(NIX),true)\n\trm -rf vendor\nendif\n\tgolangci-lint run ./...\n');
    expect(mk.rules[0]?.recipe.map((r) => r.text)).toEqual(['rm -rf vendor', 'golangci-lint run ./...']);
    const repo = tree({
      Makefile: 'lint:\nifeq ($(NIX),true)\n\trm -rf vendor\nendif\n\t$(GOLANGCI) run ./...\nGOLANGCI := golangci-lint\n',
      '.golangci.yml': 'version: "2"\nlinters:\n  enable:\n    - gosec\n',
      '.github/workflows/ci.yml': workflow('      - run: make lint\n'),
    });
    expect(observePractice(repo, 'sast').verdict).toBe('present');
  });

  it('gh-action-pypi-publish attests by default only from v1.11.0', () => {
    const at = (tag: string, extra = '') =>
      tree({ '.github/workflows/cd.yml': workflow(`      - uses: pypa/gh-action-pypi-publish@f7600683efdcb7656dec5b29656edb7bc586e597 # ${tag}\n${extra}`, 'release') });
    expect(observePractice(at('v1.10.3'), 'provenance').verdict).toBe('absent');
    expect(observePractice(at('v1.10.3', '        with:\n          attestations: true\n'), 'provenance').verdict).toBe('present');
    expect(observePractice(at('v1.11.0'), 'provenance').verdict).toBe('present');
    expect(observePractice(at('v1.13.0', '        with:\n          attestations: false\n'), 'provenance').verdict).toBe('absent');
  });

  it('BuildKit attestations turned off with --provenance=false / --sbom=false do not count, also before a ; in a recipe', () => {
    const off = tree({
      Makefile: 'image:\n\tif true; then \\\n\t\tdocker buildx build -t x . --provenance=false --sbom=false; \\\n\tfi\n',
      '.github/workflows/release.yml': workflow('      - run: make image\n', 'release'),
    });
    expect(observePractice(off, 'provenance').verdict).toBe('absent');
    expect(observePractice(off, 'sbom').verdict).toBe('absent');
    const on = tree({
      '.github/workflows/release.yml': workflow('      - run: |\n          docker buildx build \\\n            --provenance=mode=max \\\n            --attest type=sbom -t x .\n', 'release'),
    });
    expect(observePractice(on, 'provenance').verdict).toBe('present');
    expect(observePractice(on, 'sbom').verdict).toBe('present');
  });

  it('a shared "code-scan" workflow is a delegation of static analysis', () => {
    const repo = tree({
      '.github/workflows/scan.yml': 'on: [pull_request]\npermissions: {}\njobs:\n  scan:\n    uses: acme/ci/.github/workflows/code-scan.yaml@v1\n',
    });
    expect(observePractice(repo, 'sast', { selfSlug: 'acme/widget' }).verdict).toBe('delegated');
  });

  it("the repository SBOM exported from GitHub's dependency graph counts as an SBOM", () => {
    const repo = tree({
      '.github/workflows/release.yml': workflow('      - run: |\n          curl -fsSL -H "Authorization: Bearer $TOKEN" "https://api.github.com/repos/$REPO/dependency-graph/sbom" -o sbom.json\n', 'release'),
    });
    expect(observePractice(repo, 'sbom').verdict).toBe('present');
  });
});
