// Small repositories of our own, one per pattern the evidence layer and detection learnt from real
// CNCF repositories (test/corpus/sheets). Every tree is written for these tests; none is copied.
// The pattern tests assert what each one shows; the check/retrofit agreement test runs them all.

export interface Fixture {
  name: string;
  /** path -> content */
  files: Record<string, string>;
  /** path -> symlink target (relative or absolute) */
  symlinks?: Record<string, string>;
  /** "owner/name" given to check (--repo) and to the probes as the repository itself. */
  repo?: string;
  /** Commit the tree to a git repository (the index then comes from git ls-files). */
  git?: boolean;
}

export const SHA = '0123456789abcdef0123456789abcdef01234567';
const CHECKOUT = `actions/checkout@${SHA} # v4.2.2`;

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

/** A workflow: triggers (YAML under `on:`), then jobs with steps (already indented by 6). */
function workflow(name: string, on: string[], jobs: Record<string, string[]>, top: string[] = ['permissions:', '  contents: read']): string {
  const body = Object.entries(jobs).flatMap(([id, steps]) => [`  ${id}:`, '    runs-on: ubuntu-latest', '    steps:', `      - uses: ${CHECKOUT}`, ...steps]);
  return lines(`name: ${name}`, 'on:', ...on.map((t) => `  ${t}`), ...top, 'jobs:', ...body);
}
const PR = ['pull_request:', 'push:', '  branches: [main]'];
const TAGS = ['push:', '  tags: ["v*"]'];

const GO_MOD = 'module example.com/widget\n\ngo 1.22\n';

export const FIXTURES: Fixture[] = [
  // ---- reach: reusable workflows, composite actions ------------------------------------------
  {
    name: 'remote-reusable-workflow',
    repo: 'acme/widget',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/security.yml': lines(
        'name: security',
        'on:',
        '  pull_request:',
        'permissions: {}',
        'jobs:',
        '  codeql:',
        '    permissions:',
        '      security-events: write',
        '      contents: read',
        `    uses: example-org/shared-workflows/.github/workflows/codeql-go.yml@${SHA}`,
        '  build:',
        '    uses: example-org/shared-workflows/.github/workflows/build.yml@v1',
      ),
    },
  },
  {
    name: 'own-reusable-workflow-by-full-name',
    repo: 'acme/widget',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': lines(
        'name: ci',
        'on:',
        '  pull_request:',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  scan:',
        '    permissions:',
        '      contents: read',
        '      security-events: write',
        '    uses: acme/widget/.github/workflows/scan.yml@main',
      ),
      '.github/workflows/scan.yml': workflow('scan', ['workflow_call:'], { osv: ['      - run: osv-scanner scan source -r .'] }),
    },
  },
  {
    name: 'local-reusable-workflow',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': lines(
        'name: ci',
        'on:',
        '  pull_request:',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  codeql:',
        '    permissions:',
        '      contents: read',
        '      security-events: write',
        '      actions: read',
        '    uses: ./.github/workflows/codeql.yml',
      ),
      '.github/workflows/codeql.yml': workflow('codeql', ['workflow_call:'], {
        analyze: [`      - uses: github/codeql-action/init@${SHA} # v3.28.0`, '        with:', '          languages: go', `      - uses: github/codeql-action/analyze@${SHA} # v3.28.0`],
      }),
      '.github/workflows/release.yml': lines(
        'name: release',
        'on:',
        '  push:',
        '    tags: ["v*"]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  sign:',
        '    permissions:',
        '      contents: write',
        '      id-token: write',
        '    uses: ./.github/workflows/sign.yml',
      ),
      '.github/workflows/sign.yml': workflow('sign', ['workflow_call:'], { sign: ['      - run: cosign sign-blob --yes dist/widget.tar.gz --bundle widget.sigstore.json'] }),
    },
  },
  {
    name: 'composite-action',
    files: {
      'go.mod': GO_MOD,
      '.github/actions/scan/action.yml': lines(
        'name: scan',
        'description: secret and dependency scanning',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - shell: bash',
        '      run: gitleaks detect --source . --redact',
        '    - uses: ./.github/actions/deps',
      ),
      '.github/actions/deps/action.yaml': lines('name: deps', 'description: nested', 'runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: |', '        go install golang.org/x/vuln/cmd/govulncheck@latest', '        govulncheck ./...'),
      '.github/workflows/ci.yml': workflow('ci', PR, { scan: ['      - uses: ./.github/actions/scan'] }),
    },
  },
  {
    name: 'shared-actions-and-vendors',
    repo: 'acme/widget',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': workflow('ci', PR, {
        scan: [
          // The project's own organisation: a shared setup, named for the practice.
          `      - uses: acme/actions/secret-scan@${SHA}`,
          // An actions folder of some repository: a shared setup too.
          `      - uses: other-org/ci/.github/actions/fuzz-smoke@${SHA}`,
          // A third-party tool, judged by the tool tables only: no delegation.
          '      - uses: someone/sbom-maker@v2',
        ],
      }),
      '.github/workflows/vendor.yml': lines(
        'name: vendor',
        'on: [pull_request]',
        'permissions: {}',
        'jobs:',
        // A tool vendor's shared workflow, called from another organisation: a tool, not a delegation.
        '  scorecard:',
        '    uses: sigstore/community/.github/workflows/reusable-scorecard.yml@main',
      ),
    },
  },
  {
    name: 'vendor-own-org',
    repo: 'sigstore/widget',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/vendor.yml': lines(
        'name: vendor',
        'on: [pull_request]',
        'permissions: {}',
        'jobs:',
        '  scorecard:',
        '    uses: sigstore/community/.github/workflows/reusable-scorecard.yml@main',
      ),
    },
  },

  // ---- reach: make, package scripts, shell scripts, tox, matrix ------------------------------
  {
    name: 'makefile',
    files: {
      'go.mod': GO_MOD,
      Makefile: lines(
        '# Tools are installed into bin/.',
        'LOCALBIN ?= $(shell pwd)/bin',
        'COSIGN ?= $(LOCALBIN)/cosign',
        'include hack/*.mk',
        '',
        '.PHONY: all build sign release',
        'all: build ## the default goal',
        '',
        'build: ## build # with a second comment',
        '\tgo build ./...',
        '',
        'sign: build ## sign the release',
        '\t$(COSIGN) sign-blob --yes dist/widget.tar.gz',
        '',
        'release:',
        '\t$(MAKE) sign',
        '',
        '# A comment names a target without making it a prerequisite.',
        'check: build ## quicker than secrets-scan',
        '\ttrivy image widget:dev',
        '',
        'secrets-scan:',
        '\tgitleaks detect --source .',
        '',
        'image-%:',
        '\tdocker build -t widget-$* .',
        '\tsyft dir:. -o spdx-json=sbom-$*.json',
      ),
      'hack/scan.mk': lines('TRIVY := go run github.com/aquasecurity/trivy/cmd/trivy', '', 'scan:', '\t$(TRIVY) fs --exit-code 1 .'),
      'tools/Makefile': lines('vuln:', '\tgovulncheck ./...', '', 'other:', '\tgitleaks detect'),
      '.github/workflows/ci.yml': workflow('ci', PR, {
        scan: ['      - run: make scan'],
        tools: ['      - run: make -C tools'],
        check: ['      - run: make check'],
        // A target built at run time: which one runs cannot be told, so nothing (not the default goal) is assumed.
        images: ['      - run: make "image-$PLATFORM"'],
      }),
      '.github/workflows/release.yml': workflow('release', TAGS, { release: ['      - run: make release'] }),
    },
  },
  {
    name: 'make-default-goal',
    files: {
      'go.mod': GO_MOD,
      Makefile: lines('.PHONY: sbom', '# the first real target is the default goal', 'sbom:', '\tsyft dir:. -o cyclonedx-json=sbom.json'),
      '.github/workflows/sbom.yml': workflow('sbom', TAGS, { sbom: ['      - run: make'] }),
    },
  },
  {
    name: 'package-scripts',
    files: {
      'web/package.json': lines(
        '{',
        '  "name": "widget-web",',
        '  "scripts": {',
        '    "test": "vitest run",',
        '    "audit:ci": "npm audit --audit-level=high",',
        '    "sbom": "cyclonedx-npm --output-file sbom.json"',
        '  }',
        '}',
      ),
      '.github/workflows/web.yml': lines(
        'name: web',
        'on: [pull_request]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  web:',
        '    runs-on: ubuntu-latest',
        '    defaults:',
        '      run:',
        '        working-directory: web',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '      - run: npm ci',
        '      - run: npm run audit:ci',
        '      - run: yarn sbom',
      ),
    },
  },
  {
    name: 'package-scripts-elsewhere',
    files: {
      'ui/package.json': lines('{', '  "name": "widget-ui",', '  "scripts": {', '    "deps:audit": "pnpm audit --prod"', '  }', '}'),
      'site/package.json': lines('{', '  "name": "widget-site",', '  "scripts": {', '    "sbom": "cdxgen -o sbom.json"', '  }', '}'),
      '.github/workflows/ui.yml': workflow('ui', PR, { ui: ['      - run: npm --prefix ui run deps:audit', '      - run: pnpm -C site sbom'] }),
    },
  },
  {
    name: 'shell-scripts',
    files: {
      'go.mod': GO_MOD,
      'hack/verify-secrets': lines('#!/usr/bin/env bash', 'set -euo pipefail', 'gitleaks detect --no-git --source .'),
      'scripts/release/sbom.sh': lines('#!/bin/sh', 'set -e', 'syft dir:. -o spdx-json=sbom.spdx.json'),
      'scripts/release/sign.sh': lines('#!/bin/sh', '# cosign is called from sbom.sh? no: here', 'cosign sign-blob --yes --bundle x.bundle x'),
      '.github/workflows/ci.yml': workflow('ci', PR, { verify: ['      - run: ./hack/verify-secrets'] }),
      '.github/workflows/release.yml': workflow('release', TAGS, {
        release: ['      - run: bash scripts/release/sbom.sh', '      - run: scripts/release/sign.sh'],
      }),
    },
  },
  {
    name: 'tox',
    files: {
      'pyproject.toml': lines('[project]', 'name = "widget"', 'version = "0.1.0"'),
      'tox.ini': lines('[tox]', 'envlist = py312, lint, security', '', '[testenv:lint]', 'commands = ruff check src', '', '[testenv:security]', 'deps = bandit', 'commands =', '    bandit -r src -ll', '    pip-audit'),
      '.github/workflows/ci.yml': workflow('ci', PR, { tox: ['      - run: pipx run tox -e lint,security'] }),
    },
  },
  {
    name: 'matrix',
    files: {
      'go.mod': GO_MOD,
      Makefile: lines('lint:', '\tgolangci-lint run', '', 'vuln:', '\tgovulncheck ./...', '', 'sbom:', '\tsyft dir:. -o spdx-json'),
      '.github/workflows/checks.yml': lines(
        'name: checks',
        'on: [pull_request]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  check:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      matrix:',
        '        target: [lint, vuln]',
        '        include:',
        '          - target: sbom',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '      - run: make ${{ matrix.target }}',
      ),
    },
  },

  // ---- configuration that decides what a tool does ------------------------------------------
  {
    name: 'golangci-v1',
    files: {
      'go.mod': GO_MOD,
      '.golangci.yml': lines('run:', '  timeout: 5m', 'linters:', '  disable-all: true', '  enable:', '    - govet', '    - gosec', '    - staticcheck'),
      '.github/workflows/lint.yml': workflow('lint', PR, { lint: [`      - uses: golangci/golangci-lint-action@${SHA} # v6.1.1`, '        with:', '          version: v1.62'] }),
    },
  },
  {
    name: 'golangci-v2',
    files: {
      'go.mod': GO_MOD,
      'GNUmakefile': lines('GOLANGCI_LINT ?= go tool golangci-lint', 'lint:', '\t$(GOLANGCI_LINT) run --config build/golangci.yaml ./...'),
      'build/golangci.yaml': lines('version: "2"', 'linters:', '  default: all', '  disable:', '    - lll', '    - wsl'),
      '.github/workflows/lint.yml': workflow('lint', PR, { lint: ['      - run: make lint'] }),
    },
  },
  {
    name: 'golangci-gosec-disabled',
    files: {
      'go.mod': GO_MOD,
      '.golangci.yaml': lines('version: "2"', 'linters:', '  default: all', '  disable:', '    - gosec'),
      '.github/workflows/lint.yml': workflow('lint', PR, { lint: ['      - run: golangci-lint run ./...'] }),
    },
  },
  {
    name: 'goreleaser',
    files: {
      'go.mod': GO_MOD,
      '.goreleaser.yaml': lines('version: 2', 'builds:', '  - main: ./cmd/widget', 'sboms:', '  - artifacts: archive', 'docker_signs:', '  - artifacts: manifests'),
      '.github/workflows/release.yml': workflow('release', TAGS, { goreleaser: [`      - uses: goreleaser/goreleaser-action@${SHA} # v6.1.0`, '        with:', '          args: release --clean'] }),
      '.github/workflows/snapshot.yml': workflow('snapshot', PR, { snapshot: [`      - uses: goreleaser/goreleaser-action@${SHA} # v6.1.0`, '        with:', '          args: release --snapshot --clean'] }),
    },
  },
  {
    name: 'goreleaser-snapshot-only',
    files: {
      'go.mod': GO_MOD,
      '.goreleaser.yaml': lines('version: 2', 'signs:', '  - artifacts: checksum', 'sboms:', '  - artifacts: archive'),
      '.github/workflows/ci.yml': workflow('ci', PR, { build: ['      - run: goreleaser release --snapshot --clean', '      - run: goreleaser check'] }),
    },
  },
  {
    name: 'chart-releaser',
    files: {
      'charts/widget/Chart.yaml': lines('apiVersion: v2', 'name: widget', 'version: 0.1.0'),
      '.github/cr.yaml': lines('owner: acme', 'sign: true', 'key: Widget Maintainers', 'keyring: /home/runner/.gnupg/secring.gpg'),
      '.github/workflows/charts.yml': workflow('charts', ['push:', '  branches: [main]'], {
        release: [`      - uses: helm/chart-releaser-action@${SHA} # v1.6.0`, '        with:', '          config: .github/cr.yaml'],
      }),
    },
  },
  {
    name: 'chart-releaser-unsigned',
    files: {
      'charts/widget/Chart.yaml': lines('apiVersion: v2', 'name: widget', 'version: 0.1.0'),
      'cr.yaml': lines('owner: acme', 'sign: false'),
      '.github/workflows/charts.yml': workflow('charts', ['push:', '  branches: [main]'], { release: [`      - uses: helm/chart-releaser-action@${SHA} # v1.6.0`] }),
    },
  },
  {
    name: 'buildkit',
    files: {
      Dockerfile: 'FROM scratch\n',
      '.github/workflows/image.yml': workflow('image', TAGS, {
        image: [`      - uses: docker/build-push-action@${SHA} # v6.9.0`, '        with:', '          push: true', '          tags: ghcr.io/acme/widget:latest', '          provenance: mode=max', '          sbom: true'],
        plain: [`      - uses: docker/build-push-action@${SHA} # v6.9.0`, '        with:', '          provenance: false'],
      }),
    },
  },
  {
    name: 'buildx-cli',
    files: {
      Dockerfile: 'FROM scratch\n',
      '.github/workflows/image.yml': workflow('image', TAGS, { image: ['      - run: docker buildx build --sbom=true --provenance=mode=max --push -t ghcr.io/acme/widget .'] }),
    },
  },
  {
    name: 'pre-commit',
    files: {
      '.pre-commit-config.yaml': lines('repos:', '  - repo: https://github.com/gitleaks/gitleaks', '    rev: v8.21.2', '    hooks:', '      - id: gitleaks'),
      '.github/workflows/pre-commit.yml': workflow('pre-commit', PR, { hooks: [`      - uses: pre-commit/action@${SHA} # v3.0.1`] }),
    },
  },
  {
    name: 'pre-commit-without-secret-hook',
    files: {
      '.pre-commit-config.yaml': lines('repos:', '  - repo: https://github.com/pre-commit/pre-commit-hooks', '    rev: v5.0.0', '    hooks:', '      - id: trailing-whitespace'),
      '.github/workflows/pre-commit.yml': workflow('pre-commit', PR, { hooks: ['      - run: pre-commit run --all-files'] }),
    },
  },
  {
    name: 'gradle-signing',
    files: {
      'settings.gradle.kts': 'rootProject.name = "widget"\n',
      'build.gradle.kts': lines('plugins {', '    `java-library`', '    `maven-publish`', '    signing', '}', '', 'signing {', '    useInMemoryPgpKeys(System.getenv("KEY"), System.getenv("PASS"))', '}'),
      '.github/workflows/publish.yml': workflow('publish', ['release:', '  types: [published]'], { publish: ['      - run: ./gradlew publishToSonatype closeAndReleaseSonatypeStagingRepository'] }),
    },
  },
  {
    name: 'maven-signing-and-jqf',
    files: {
      'pom.xml': lines('<project>', '  <modules>', '    <module>core</module>', '  </modules>', '</project>'),
      'core/pom.xml': lines('<project>', '  <build><plugins>', '    <plugin>', '      <artifactId>maven-gpg-plugin</artifactId>', '    </plugin>', '  </plugins></build>', '</project>'),
      'src/test/java/org/example/ParserFuzzTest.java': lines(
        'package org.example;',
        '',
        'import edu.berkeley.cs.jqf.fuzz.Fuzz;',
        'import edu.berkeley.cs.jqf.fuzz.JQF;',
        'import org.junit.runner.RunWith;',
        '',
        '@RunWith(JQF.class)',
        'public class ParserFuzzTest {',
        '  @Fuzz',
        '  public void parse(String input) {}',
        '}',
      ),
      '.github/workflows/maven.yml': workflow('maven', PR, { verify: ['      - run: ./mvnw -B verify'] }),
      '.github/workflows/deploy.yml': workflow('deploy', TAGS, { deploy: ['      - run: mvn -B deploy -P release'] }),
    },
  },
  {
    name: 'npm-provenance',
    files: {
      'package.json': lines('{', '  "name": "@acme/widget",', '  "version": "1.0.0",', '  "publishConfig": {', '    "access": "public",', '    "provenance": true', '  }', '}'),
      'cli/package.json': '{ "name": "@acme/widget-cli", "version": "1.0.0" }\n',
      'cli/.npmrc': lines('provenance=true'),
      '.github/workflows/publish.yml': workflow('publish', ['release:', '  types: [published]'], {
        root: ['      - run: npm publish'],
        cli: ['      - run: npm publish', '        working-directory: cli'],
      }),
    },
  },

  // ---- other CI, OSS-Fuzz ---------------------------------------------------------------------
  {
    name: 'prow',
    files: {
      'go.mod': GO_MOD,
      OWNERS: lines('approvers:', '  - alice'),
      Makefile: lines('verify-vuln:', '\tgovulncheck ./...'),
      '.github/workflows/ci.yml': workflow('ci', PR, { test: ['      - run: go test ./...'] }),
    },
  },
  {
    name: 'cloud-build',
    files: {
      'go.mod': GO_MOD,
      'cloudbuild.yaml': lines('steps:', '  - name: gcr.io/projectsigstore/cosign', '    entrypoint: sh', '    args: ["-c", "cosign sign --yes gcr.io/acme/widget"]'),
    },
  },
  {
    name: 'circleci',
    files: {
      Dockerfile: 'FROM scratch\n',
      '.circleci/config.yml': lines('version: 2.1', 'jobs:', '  scan:', '    docker:', '      - image: cimg/base:current', '    steps:', '      - checkout', '      - run: trivy image ghcr.io/acme/widget:latest'),
    },
  },
  {
    name: 'found-but-never-run',
    files: {
      'go.mod': GO_MOD,
      'scripts/secrets.sh': lines('#!/bin/sh', 'gitleaks detect --source .'),
      '.github/workflows/ci.yml': workflow('ci', PR, { test: ['      - run: go test ./...'] }),
    },
  },
  {
    name: 'oss-fuzz',
    files: {
      'go.mod': GO_MOD,
      'README.md': lines('# widget', '', '[![Fuzzing Status](https://oss-fuzz-build-logs.storage.googleapis.com/badges/widget.svg)](https://bugs.chromium.org/p/oss-fuzz/issues/list?q=widget)'),
      'fuzz/parse_fuzzer.go': 'package fuzz\n',
    },
  },
  {
    name: 'clusterfuzzlite',
    files: {
      'go.mod': GO_MOD,
      '.clusterfuzzlite/project.yaml': 'language: go\n',
      '.clusterfuzzlite/Dockerfile': 'FROM gcr.io/oss-fuzz-base/base-builder-go\n',
      '.clusterfuzzlite/build.sh': '#!/bin/bash\ncompile_native_go_fuzzer ./parse FuzzParse fuzz_parse\n',
    },
  },

  // ---- workflow parsing and risks ---------------------------------------------------------------
  {
    name: 'yaml-recovery',
    files: {
      'go.mod': GO_MOD,
      // A quoted scalar whose continuation line is under-indented: GitHub runs it, strict YAML 1.2 rejects it.
      '.github/workflows/lenient.yml': lines(
        'name: lenient',
        'on: [pull_request]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  scan:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '      - name: Scan',
        '        run: gitleaks detect --source .',
        '      - name: "Upload the',
        '   report"',
        '        run: echo done',
      ),
      // Not a mapping at all: not a workflow, reported with line 1.
      '.github/workflows/broken.yml': lines('just some text'),
    },
  },
  {
    name: 'generated-workflows',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/ci.yml': lines('# Code generated by ci-templater from templates/ci.yml.tmpl. DO NOT EDIT.', ...workflow('ci', PR, { test: ['      - run: go test ./...'] }).trimEnd().split('\n')),
      '.github/workflows/own.yml': workflow('own', PR, { test: ['      - run: go vet ./...'] }),
    },
  },
  {
    name: 'pinning',
    files: {
      'go.mod': GO_MOD,
      '.github/actions/setup/action.yml': lines('name: setup', 'runs:', '  using: composite', '  steps:', '    - uses: actions/setup-go@v5', '      with:', '        go-version-file: go.mod'),
      '.github/workflows/ci.yml': lines(
        'name: ci',
        'on: [pull_request]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '      - uses: ./.github/actions/setup',
        '      - uses: docker://alpine:3.20',
        '      - uses: docker://alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000',
        '      - uses: golangci/golangci-lint-action@v6',
        '  provenance:',
        '    permissions:',
        '      id-token: write',
        '      contents: write',
        '      actions: read',
        '    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0',
      ),
    },
  },
  {
    name: 'script-injection',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/triage.yml': lines(
        'name: triage',
        'on:',
        '  issues:',
        '  issue_comment:',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  triage:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          echo "issue ${{ github.event.issue.number }}"',
        '          echo "${{ github.event.issue.title }}"',
        '      - env:',
        '          BODY: ${{ github.event.comment.body }}',
        '        run: echo "$BODY"',
        `      - uses: actions/github-script@${SHA} # v7.0.1`,
        '        with:',
        '          script: |',
        '            const body = `${{ github.event.comment.body }}`;',
        '            console.log(body);',
        '      - run: echo "${{ github.event.commits[0].message }}" "${{ github.event.pull_request.head.ref }}"',
      ),
      '.github/actions/label/action.yml': lines('name: label', 'runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: echo "${{ github.head_ref }}"'),
    },
  },
  {
    // A composite action's inputs hold what its callers pass: untrusted only when a caller fills them from an untrusted context.
    name: 'composite-action-inputs',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/greet.yml': workflow('greet', ['issues:', 'workflow_dispatch:', '  inputs:', '    title:', '      type: string'], {
        greet: [
          '      - uses: ./.github/actions/greet',
          '        with:',
          '          Title: ${{ github.event.issue.title }}',
          "          version: '1.2'",
          '      - run: echo "${{ github.event.inputs.title }}"',
        ],
      }),
      '.github/actions/greet/action.yml': lines(
        'name: greet',
        'description: Greets the author of an issue',
        'inputs:',
        '  title:',
        '    description: Issue title',
        '  version:',
        '    description: Tool version',
        '  branch:',
        '    description: Branch',
        '    default: ${{ github.head_ref }}',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - shell: bash',
        '      run: |',
        '        echo "tool ${{ inputs.version }}"',
        '        echo "thanks for ${{ inputs.title }}"',
        '        echo "dispatched as ${{ github.event.inputs.title }}"',
        '    - shell: bash',
        "      run: echo \"${{ inputs['branch'] }}\"",
        '    - uses: ./.github/actions/echo',
        '      with:',
        '        text: ${{ inputs.title }}',
        '        plain: ${{ inputs.version }}',
      ),
      '.github/actions/echo/action.yml': lines(
        'name: echo',
        'description: Echoes its input',
        'inputs:',
        '  text:',
        '    description: Text',
        '  plain:',
        '    description: Not from an untrusted context',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - shell: bash',
        '      run: echo "${{ inputs.text }} ${{ inputs.plain }}"',
      ),
    },
  },
  {
    name: 'dangerous-triggers',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/target.yml': lines(
        'name: target',
        'on:',
        '  pull_request_target:',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '        with:',
        '          ref: ${{ github.event.pull_request.head.sha }}',
        '      - run: make test',
        '  label:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        // The base branch only: safe under pull_request_target.
        `      - uses: ${CHECKOUT}`,
        '      - run: git fetch origin pull/${{ github.event.number }}/head && git log -1 FETCH_HEAD',
      ),
      '.github/workflows/comment.yml': lines(
        'name: comment',
        'on:',
        '  issue_comment:',
        '    types: [created]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  retest:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          gh pr checkout ${{ github.event.issue.number }}',
        '          make test',
        '  reuse:',
        '    uses: ./.github/workflows/build.yml',
        '    with:',
        '      ref: refs/pull/${{ github.event.issue.number }}/head',
      ),
      '.github/workflows/build.yml': workflow('build', ['workflow_call:', '  inputs:', '    ref:', '      type: string'], { build: ['      - run: make build'] }),
      '.github/workflows/run.yml': lines(
        'name: after-ci',
        'on:',
        '  workflow_run:',
        '    workflows: [ci]',
        '    types: [completed]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  report:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '        with:',
        '          allow-unsafe-pr-checkout: true',
        '      - run: git fetch origin pull/1/head:pr && git checkout pr',
      ),
      // Not privileged: a plain pull_request workflow may check out the head.
      '.github/workflows/pr.yml': workflow('pr', ['pull_request:'], { test: [`      - uses: ${CHECKOUT}`, '        with:', '          ref: ${{ github.event.pull_request.head.sha }}'] }),
    },
  },
  {
    name: 'permission-needs',
    files: {
      'go.mod': GO_MOD,
      '.github/workflows/bots.yml': lines(
        'name: bots',
        'on:',
        '  schedule:',
        "    - cron: '0 3 * * 1'",
        'permissions: write-all',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        `      - uses: actions/setup-go@${SHA} # v5.1.0`,
        '      - run: go test ./...',
        '  bump:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '      - run: go get -u ./... && go mod tidy',
        `      - uses: peter-evans/create-pull-request@${SHA} # v7.0.5`,
        '  fetch:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: actions/download-artifact@${SHA} # v4.1.8`,
        '        with:',
        '          run-id: ${{ github.event.workflow_run.id }}',
        '  mystery:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: someone/does-things@v1',
        '  scripted:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: ./hack/update.sh',
        '        env:',
        '          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
        '  api:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: gh api -X POST repos/acme/widget/dispatches -f event_type=x',
        '  local:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: ./.github/actions/setup',
        '  called:',
        '    uses: ./.github/workflows/reusable.yml',
      ),
      '.github/workflows/reusable.yml': workflow('reusable', ['workflow_call:'], { noop: ['      - run: echo hi'] }),
      '.github/actions/setup/action.yml': lines('name: setup', 'runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: echo setup'),
      'hack/update.sh': '#!/bin/sh\necho update\n',
    },
  },

  // ---- tool forms whose arguments or version decide ---------------------------------------------
  {
    name: 'cargo-deny-checks',
    files: {
      'Cargo.toml': lines('[package]', 'name = "widget"', 'version = "0.1.0"'),
      '.github/workflows/licenses.yml': workflow('licenses', PR, { deny: ['      - run: cargo +1.85 deny check bans licenses sources'] }),
      '.github/workflows/advisories.yml': workflow('advisories', ['schedule:', "  - cron: '0 4 * * *'"], { deny: ['      - run: cargo +nightly deny --all-features check advisories'] }),
    },
  },
  {
    name: 'pypi-attestations',
    files: {
      'pyproject.toml': lines('[project]', 'name = "widget"', 'version = "0.1.0"'),
      '.github/workflows/publish.yml': workflow('publish', ['release:', '  types: [published]'], {
        old: ['      - uses: pypa/gh-action-pypi-publish@v1.9.0'],
        off: [`      - uses: pypa/gh-action-pypi-publish@${SHA} # v1.12.4`, '        with:', '          attestations: false'],
        current: [`      - uses: pypa/gh-action-pypi-publish@${SHA} # v1.12.4`],
      }),
    },
  },
  {
    name: 'linters-and-names',
    files: {
      'build/Dockerfile-alpine': 'FROM alpine\n',
      'images/app.Dockerfile': 'FROM scratch\n',
      'dev-requirements.txt': 'pytest\n',
      '.github/dependabot.yml': lines('version: 2', 'updates:', '  - package-ecosystem: pip', '    directory: /', '    schedule:', '      interval: weekly'),
      'renovate.json5': lines('{', '  // docker only', '  enabledManagers: ["dockerfile"],', '}'),
      '.github/workflows/lint.yml': lines(
        'name: lint',
        'on: [pull_request]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  super:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        `      - uses: super-linter/super-linter@${SHA} # v7.2.0`,
        '        env:',
        '          VALIDATE_GITLEAKS: false',
        '  audit:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: ${CHECKOUT}`,
        '      - run: pipx run zizmor --format sarif .github/workflows',
      ),
    },
  },
  // ---- detection --------------------------------------------------------------------------------
  {
    name: 'production-and-other-dirs',
    files: {
      'go.mod': GO_MOD,
      'cmd/widget/main.go': 'package main\n',
      'svc/api/go.mod': 'module example.com/widget/api\n',
      'tests/e2e/go.mod': 'module example.com/widget/e2e\n',
      'test-infra/go.mod': 'module example.com/widget/infra\n',
      'examples/hello/go.mod': 'module example.com/widget/hello\n',
      'vendor/example.com/lib/go.mod': 'module example.com/lib\n',
      'tools/go.mod': 'module example.com/widget/tools\n',
      'hack/tools/go.mod': 'module example.com/widget/hacktools\n',
      'lib/zstd-1.5.7/Makefile': 'all:\n\ttrue\n',
      'lib/zstd-1.5.7/go.mod': 'module zstd\n',
      'docs/site/package.json': '{ "name": "site" }\n',
      'load-tests/requirements.txt': 'locust\n',
      '.github/actions/test/action.yml': lines('name: test', 'runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: go test ./...'),
      '.github/scripts/package.json': '{ "name": "ci-helpers" }\n',
    },
  },
  {
    name: 'uv-workspace',
    files: {
      'pyproject.toml': lines('[project]', 'name = "widget"', '', '[tool.uv.workspace]', 'members = ["packages/*"]', '', '[tool.ruff]', 'line-length = 100'),
      'uv.lock': 'version = 1\n',
      'packages/core/pyproject.toml': lines('[project]', 'name = "widget-core"'),
      'packages/cli/pyproject.toml': lines('[project]', 'name = "widget-cli"'),
      'standalone/pyproject.toml': lines('[project]', 'name = "standalone"'),
    },
  },
  {
    name: 'maven-reactor',
    files: {
      'pom.xml': lines('<project>', '  <modules>', '    <module>core</module>', '    <!-- <module>legacy</module> -->', '  </modules>', '  <profiles><profile><modules>', '    <module>extras/pom.xml</module>', '  </modules></profile></profiles>', '</project>'),
      'core/pom.xml': '<project/>\n',
      'extras/pom.xml': '<project/>\n',
      'legacy/pom.xml': '<project/>\n',
      'plugins/standalone/pom.xml': '<project/>\n',
    },
  },
  {
    name: 'symlinked-dockerfiles',
    files: {
      'docker/app/Dockerfile': 'FROM scratch\n',
      'go.mod': GO_MOD,
    },
    symlinks: {
      // Inside the tree: the root has a Dockerfile.
      Dockerfile: 'docker/app/Dockerfile',
      // Leaving the tree: never read, never a manifest.
      'deploy/Dockerfile': '/etc/hostname',
    },
  },
  {
    name: 'symlinked-dockerfiles-git',
    git: true,
    files: {
      'docker/app/Dockerfile': 'FROM scratch\n',
      'go.mod': GO_MOD,
    },
    symlinks: {
      Dockerfile: 'docker/app/Dockerfile',
      'deploy/Dockerfile': '/etc/hostname',
    },
  },
  {
    name: 'submodules-compose-terraform-devcontainers',
    files: {
      '.gitmodules': lines('[submodule "third_party/proto"]', '\tpath = third_party/proto', '\turl = https://example.invalid/proto.git'),
      'compose.yaml': 'services:\n  app:\n    image: widget\n',
      'deploy/docker-compose.dev.yml': 'services: {}\n',
      'infra/main.tf': 'terraform {}\n',
      'infra/modules/vpc/main.tf': 'variable "cidr" {}\n',
      'examples/aws/main.tf': 'module "w" {}\n',
      '.devcontainer/devcontainer.json': '{ "image": "mcr.microsoft.com/devcontainers/go" }\n',
      'svc/.devcontainer/go/devcontainer.json': '{}\n',
      'svc/go.mod': 'module example.com/svc\n',
    },
  },
  {
    name: 'c-sources',
    files: {
      Makefile: 'all:\n\tcc -o widget src/*.c\n',
      ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`src/unit${i}.c`, `int unit${i}(void) { return ${i}; }\n`])),
      ...Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`tests/t${i}.c`, 'int main(void) { return 0; }\n'])),
    },
  },
  {
    name: 'c-sources-few',
    files: {
      Makefile: 'all:\n\tcc -o widget src/*.c\n',
      ...Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`src/unit${i}.c`, `int unit${i}(void) { return ${i}; }\n`])),
      ...Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`tests/t${i}.c`, 'int main(void) { return 0; }\n'])),
    },
  },
];

export function fixture(name: string): Fixture {
  const found = FIXTURES.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture named ${name}`);
  return found;
}
