// Structural edits of existing files: minimal splices, comments and formatting kept, unsafe
// constructs refused with a clear report.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hardenWorkflow } from '../../src/retrofit/workflow-harden.js';
import { auditWorkflow } from '../../src/retrofit/workflow-audit.js';
import { parseWorkflow } from '../../src/evidence/workflow.js';
import { mergeDependabot } from '../../src/retrofit/dependabot-merge.js';
import { parseForEdit, EditError } from '../../src/retrofit/yaml-doc.js';
import { loadPins } from '../../src/pins.js';
import { actionlint, schemaErrors } from '../helpers/validators.js';
import { removedLines } from './helpers.js';

const pins = loadPins();
const checkout = pins.actions['actions/checkout']!;
const setupGo = pins.actions['actions/setup-go']!;
const major = (tag: string | null) => (tag ?? '').split('.')[0];

const WORKFLOW = `# CI for the widget: build and test every module.
name: ci
on:
  pull_request:
  push:
    branches: [main]

# the jobs
jobs:
  test:
    runs-on: ubuntu-24.04   # pinned runner
    steps:
      # get the code
      - uses: actions/checkout@${major(checkout.tag)}
      - uses: "actions/setup-go@${setupGo.tag}" # toolchain
        with:
          go-version-file: go.mod
      - uses: some/unknown-action@v1
      - run: |
          go test ./...
          	go vet ./...
  release:
    runs-on: ubuntu-24.04
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@${major(checkout.tag)}
        with:
          fetch-depth: 0
      - run: git push origin HEAD:refs/heads/out
`;

describe('hardenWorkflow', () => {
  it('pins table actions and adds persist-credentials; leaves permissions alone when a step\'s needs are unknown; changes nothing else', async () => {
    const result = hardenWorkflow('.github/workflows/ci.yml', WORKFLOW);
    const after = result.after;
    expect(after).toContain(`- uses: actions/checkout@${checkout.sha} # ${checkout.tag}\n        with:\n          persist-credentials: false\n      - uses: actions/setup-go`);
    expect(after).toContain(`- uses: actions/setup-go@${setupGo.sha} # ${setupGo.tag} (toolchain)`);
    expect(after).toContain('# the jobs\n');
    // some/unknown-action is not in the permission table: restricting the token could starve it.
    expect(after).not.toContain('permissions:\n  contents: read\n# the jobs');
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/has no top-level permissions:; left as is because what some jobs need is not known: job "test": some\/unknown-action is not in the table of known actions/);
    expect(after).toContain('some/unknown-action@v1');
    expect(after).toContain('          \tgo vet ./...'); // tab in a block scalar kept
    // The release job pushes: its checkout keeps credentials, and this is reported.
    expect(after).toContain(`actions/checkout@${checkout.sha} # ${checkout.tag}\n        with:\n          fetch-depth: 0\n      - run: git push`);
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/some\/unknown-action@v1 is not pinned and is not in the pin table/);
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/job "release" keeps its credentials because it has contents: write/);
    // Only the pinned lines changed; everything else is still there in order.
    expect(removedLines(WORKFLOW, after).filter((l) => !/uses: ("?)actions\//.test(l))).toEqual([]);
    // A second run changes nothing, and the result is clean for actionlint and the schema.
    expect(hardenWorkflow('.github/workflows/ci.yml', after).after).toBe(after);
    expect(await actionlint(after, 'ci.yml')).toEqual([]);
    expect(schemaErrors('github-workflow.json', after)).toEqual([]);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${WORKFLOW.replace(/\n/g, '\r\n')}`;
    const { after } = hardenWorkflow('ci.yml', crlf);
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after.replace(/\r\n/g, '\n').slice(1)).toBe(hardenWorkflow('ci.yml', WORKFLOW).after);
  });

  it('adds contents: read at the top and gives the job that needs more its own block', () => {
    const text = `on: push\njobs:\n  scan:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: github/codeql-action/init@v4\n`;
    const result = hardenWorkflow('w.yml', text);
    expect(result.after).toContain('permissions:\n  contents: read\njobs:');
    expect(result.after).toContain('    runs-on: ubuntu-24.04\n    permissions:\n      contents: read\n      actions: read\n      security-events: write\n    steps:');
    expect(hardenWorkflow('w.yml', result.after).after).toBe(result.after);
  });

  it('edits around anchors and aliases without touching what is reused, and reports what it left', async () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: &runner ubuntu-24.04',
      '    steps:',
      `      - &co`,
      `        uses: actions/checkout@${checkout.tag}`,
      '      - run: make',
      '  b:',
      '    runs-on: *runner',
      '    steps:',
      '      - *co',
      '      - run: git push',
      '',
    ].join('\n');
    const result = hardenWorkflow('w.yml', text);
    expect(result.after).toContain(`&co\n        uses: actions/checkout@${checkout.sha} # ${checkout.tag}\n      - run: make`);
    expect(result.after).toContain('runs-on: *runner');
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/inside the anchor &co/);
    // Pinned in one place, so both jobs got the pin (same version: no behaviour change).
    const model = parse(result.after, { merge: true });
    expect(model.jobs.b.steps[0].uses).toBe(`actions/checkout@${checkout.sha}`);
  });

  it('refuses malformed YAML with the file and line, and multi-document files', () => {
    expect(() => hardenWorkflow('.github/workflows/bad.yml', 'on: push\njobs:\n  a: [1\n  b: 2\n')).toThrow(/\.github\/workflows\/bad\.yml:\d+: not valid YAML/);
    expect(() => hardenWorkflow('m.yml', 'on: push\n---\njobs: {}\n')).toThrow(EditError);
  });

  it('refuses a flow-style checkout step instead of guessing', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - { uses: actions/checkout@${checkout.tag} }\n`;
    const result = hardenWorkflow('w.yml', text);
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/flow mapping/);
    expect(result.after).toContain(`{ uses: actions/checkout@${checkout.sha} # ${checkout.tag}`.slice(0, 20));
  });

  it('leaves a different major version unpinned and explains why', () => {
    const text = `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v1\n        with:\n          persist-credentials: false\n`;
    const result = hardenWorkflow('w.yml', text);
    expect(result.after).toBe(text);
    expect(result.findings[0]?.message).toMatch(/a different version/);
  });
});

describe('auditWorkflow', () => {
  it('reports untrusted expressions in run: and PR-head checkouts under pull_request_target, with lines', () => {
    const text = [
      'on:',
      '  pull_request_target:',
      'jobs:',
      '  triage:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/checkout@v7',
      '        with:',
      '          ref: ${{ github.event.pull_request.head.sha }}',
      '      - run: |',
      '          echo "${{ github.event.pull_request.title }}"',
      '          echo "${{ github.sha }}"',
      '',
    ].join('\n');
    const findings = auditWorkflow(parseWorkflow('t.yml', text));
    expect(findings.map((f) => [f.line, f.message.slice(0, 40)])).toEqual([
      [9, 'job "triage" checks out the pull request'],
      [11, 'job "triage" expands ${{ github.event.pu'],
    ]);
    expect(findings[1]?.fix).toMatch(/env:/);
  });
});

describe('mergeDependabot', () => {
  const EXISTING = `# Updates, managed by hand.
version: 2
updates:
  # Go modules
  - package-ecosystem: gomod
    directories:
      - "/"
      - "/svc/api" # the API
    schedule:
      interval: daily
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
`;

  it('adds missing directories and ecosystems, keeps the rest byte for byte, and validates', () => {
    const result = mergeDependabot('.github/dependabot.yml', EXISTING, {
      'github-actions': ['/'],
      gomod: ['/', '/svc/api', '/svc/worker'],
      docker: ['/deploy'],
    });
    expect(result.after.startsWith(EXISTING.split('    schedule:\n      interval: daily')[0]!.replace('"/svc/api" # the API\n', ''))).toBe(true);
    expect(result.after).toContain('      - "/svc/api" # the API\n      - "/svc/worker"\n    schedule:\n      interval: daily\n');
    expect(result.after).toContain('  - package-ecosystem: docker\n    directory: "/deploy"\n');
    expect(removedLines(EXISTING, result.after)).toEqual([]);
    expect(schemaErrors('dependabot-2.0.json', result.after)).toEqual([]);
    expect(result.changes).toEqual(['added /svc/worker to the existing gomod entry', 'added docker for /deploy']);
    expect(mergeDependabot('d.yml', result.after, { gomod: ['/svc/worker'], docker: ['/deploy'] }).after).toBe(result.after);
  });

  it('copies the labels most package entries share, without a label that names another ecosystem; blank lines across comments count', () => {
    const text = [
      'version: 2',
      'updates:',
      '  # Go',
      '  - package-ecosystem: gomod',
      '    directory: /',
      '    schedule: {interval: weekly}',
      '    labels: [dependencies, go]',
      '',
      '  # JavaScript',
      '  - package-ecosystem: npm',
      '    directory: /web',
      '    schedule: {interval: weekly}',
      '    labels: [dependencies, go]',
      '',
    ].join('\n');
    const result = mergeDependabot('d.yml', text, { docker: ['/deploy'], helm: ['/chart'] });
    expect(result.after).toBe(`${text}\n  - package-ecosystem: docker\n    directory: /deploy\n    schedule: {interval: weekly}\n    labels: [dependencies]\n\n  - package-ecosystem: helm\n    directory: /chart\n    schedule: {interval: weekly}\n    labels: [dependencies]\n`);
    expect(schemaErrors('dependabot-2.0.json', result.after)).toEqual([]);
  });

  it('reads which FROM lines Dependabot can update', async () => {
    const { hasUpdatableFrom } = await import('../../src/retrofit/docker-updatable.js');
    expect(hasUpdatableFrom('FROM golang:1.22-alpine AS build\nFROM scratch\n')).toBe(true);
    expect(hasUpdatableFrom('FROM alpine@sha256:' + '0'.repeat(64) + '\n')).toBe(true);
    expect(hasUpdatableFrom('FROM --platform=$BUILDPLATFORM \\\n  registry.example.org:5000/base:2024.1\n')).toBe(true);
    expect(hasUpdatableFrom('FROM golang:alpine AS build\nFROM build\nFROM alpine:latest\n')).toBe(false);
    expect(hasUpdatableFrom('ARG IMAGE=golang:1.22\nFROM ${IMAGE}\nFROM golang:${GO}-alpine3.20\n')).toBe(false);
    expect(hasUpdatableFrom('FROM registry.example.org:5000/base\nFROM gcr.io/distroless/static-debian12:nonroot\n')).toBe(false);
  });

  it('honours directory globs and refuses flow-style updates', () => {
    const globbed = 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directories: ["/**"]\n    schedule: {interval: weekly}\n';
    expect(mergeDependabot('d.yml', globbed, { gomod: ['/a', '/b/c'] }).after).toBe(globbed);
    expect(() => mergeDependabot('d.yml', 'version: 2\nupdates: []\n', { gomod: ['/'] })).toThrow(/d\.yml:2: has no non-empty block sequence/);
  });
});

describe('Renovate coverage and SECURITY.md sections', async () => {
  const { checkRenovate } = await import('../../src/retrofit/renovate-check.js');
  const { readRenovateConfig } = await import('../../src/evidence/renovate-config.js');
  const { missingSecuritySections } = await import('../../src/retrofit/security-md.js');

  it('reads JSON5 as Renovate does: comments, trailing commas, bare keys, single quotes, escapes JSON rejects, hex, +1, Infinity, line continuations', () => {
    expect(readRenovateConfig("// c\n{ a: 'x//y', /* b */ \"b\": [1, 2,], }\n")).toEqual({ ok: true, config: { a: 'x//y', b: [1, 2] } });
    const json5 = [
      '\uFEFF{',
      '  matchPackageNames: ["/^k8s\\.io//", \'/\\d+/\'],',
      '  prHourlyLimit: 0x0A, prConcurrentLimit: +1, stabilityDays: Infinity,',
      '  description: "one \\',
      'line",',
      '}',
    ].join('\n');
    expect(readRenovateConfig(json5)).toEqual({
      ok: true,
      config: { matchPackageNames: ['/^k8s.io//', '/d+/'], prHourlyLimit: 10, prConcurrentLimit: 1, stabilityDays: Infinity, description: 'one line' },
    });
  });

  it('a config nobody can read is named with its line; not an object is refused too', () => {
    expect(readRenovateConfig('{\n  extends: ["config:recommended"]\n  "x": 1\n}\n')).toMatchObject({ ok: false, line: 3, reason: expect.stringMatching(/^invalid character /) });
    expect(readRenovateConfig('["config:recommended"]')).toMatchObject({ ok: false, line: 1, reason: 'the top level is not an object' });
  });

  it('reports managers left out and ignored manifest directories; a clean config gets a note', () => {
    const findings = checkRenovate('renovate.json', JSON.stringify({ enabledManagers: ['gomod'], ignorePaths: ['tools/**'] }), { gomod: ['/', '/tools/gen'], docker: ['/'] });
    expect(findings.map((f) => f.message)).toEqual([
      'Renovate\'s ignorePaths entry "tools/**" excludes the gomod manifests in /tools/gen',
      "Renovate's enabledManagers leaves out docker (manifests in /)",
    ]);
    expect(checkRenovate('renovate.json', '{}', { gomod: ['/'] })[0]?.level).toBe('note');
    // Unreadable: a warning with its line (exit 1), not an error (exit 3); nothing is added for it.
    expect(checkRenovate('renovate.json', '{\n  nope', { gomod: ['/'] })).toEqual([
      expect.objectContaining({ level: 'warning', line: 2, message: expect.stringMatching(/could not be read as JSON5 \(invalid end of input\), so Renovate cannot read it either.*no Dependabot config was added/) }),
    ]);
  });

  it('lists the sections a SECURITY.md lacks', () => {
    const text = '# Security\n## Supported versions\nThe latest release.\n## Reporting a vulnerability\nUse private vulnerability reporting; we answer within 3 days.\n';
    expect(missingSecuritySections('SECURITY.md', text).map((f) => f.message)).toEqual([
      'kept as is; it has no disclosure section',
      'kept as is; it has no verification section',
    ]);
  });
});
