// Retrofit of the repository's own composite actions: the same pins and checkout edits as a
// workflow's steps, nothing an action.yml cannot hold, risks reported with file:line, generated,
// node and vendored/test-data actions left alone, and a second run (or `upgrade`) changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hardenCompositeAction } from '../../src/retrofit/workflow-harden.js';
import { planRetrofit } from '../../src/retrofit/plan.js';
import { EditError } from '../../src/retrofit/yaml-doc.js';
import { loadPins } from '../../src/pins.js';
import { tempRepo } from '../helpers/generate.js';
import { schemaErrors } from '../helpers/validators.js';
import { cli, removedLines, snapshot } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const pins = loadPins();
const checkout = pins.actions['actions/checkout']!;
const setupGo = pins.actions['actions/setup-go']!;
const lines = (...l: string[]) => `${l.join('\n')}\n`;
/** The moving major tag of a pinned release ("v7" for "v7.0.1"). */
const major = (tag: string | null) => (tag ?? '').split('.')[0]!;

const ACTION = lines(
  '# Shared setup for the CI jobs.',
  'name: setup',
  'description: Check out and install the toolchain',
  'inputs:',
  '  go-version:',
  '    description: Go version',
  '    default: stable',
  'runs:',
  '  using: composite',
  '  steps:',
  `    - uses: actions/checkout@${major(checkout.tag)}`,
  `    - uses: "actions/setup-go@${setupGo.tag}" # toolchain`,
  '      with:',
  '        go-version: ${{ inputs.go-version }}',
  '    - uses: some/unknown-action@v1',
  '    - shell: bash',
  '      run: |',
  '        go version',
);

const CALLED = { jobs: 1 };

describe('hardenCompositeAction', () => {
  it('pins runs.steps like a workflow, drops checkout credentials, keeps every other byte and stays valid action metadata', () => {
    const result = hardenCompositeAction('.github/actions/setup/action.yml', ACTION, CALLED);
    const after = result.after;
    expect(after).toContain(`    - uses: actions/checkout@${checkout.sha} # ${checkout.tag}\n      with:\n        persist-credentials: false\n    - uses: actions/setup-go`);
    expect(after).toContain(`    - uses: actions/setup-go@${setupGo.sha} # ${setupGo.tag} (toolchain)`);
    expect(after).toContain('    - uses: some/unknown-action@v1\n');
    expect(result.findings.map((f) => `${f.line}: ${f.message}`).join('\n')).toMatch(/^15: some\/unknown-action@v1 is not pinned and is not in the pin table/m);
    expect(removedLines(ACTION, after).filter((l) => !/uses: "?actions\//.test(l))).toEqual([]);
    // Nothing an action.yml cannot hold: no permissions:, no jobs:.
    expect(after).not.toMatch(/permissions|jobs:/);
    expect(schemaErrors('github-action.json', after)).toEqual([]);
    expect(hardenCompositeAction('.github/actions/setup/action.yml', after, CALLED).after).toBe(after);
  });

  it('keeps checkout credentials when the action or a job that runs it pushes, or when no job here runs it', () => {
    const pushing = hardenCompositeAction('a/action.yml', ACTION, { jobs: 2, pushes: 'job "release" (.github/workflows/release.yml) runs it, and it has contents: write' });
    expect(pushing.after).not.toContain('persist-credentials');
    expect(pushing.findings.map((f) => f.message)).toContain('checkout in the composite action keeps its credentials because job "release" (.github/workflows/release.yml) runs it, and it has contents: write');
    const uncalled = hardenCompositeAction('action.yml', ACTION, { jobs: 0 });
    expect(uncalled.after).not.toContain('persist-credentials');
    expect(uncalled.findings.map((f) => f.message).join('\n')).toMatch(/keeps its credentials because no workflow of this repository runs this action/);
    const ownPush = ACTION.replace('        go version\n', '        go version\n        git push origin HEAD\n');
    expect(hardenCompositeAction('a/action.yml', ownPush, CALLED).after).not.toContain('persist-credentials');
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${ACTION.replace(/\n/g, '\r\n')}`;
    const { after } = hardenCompositeAction('action.yml', crlf, CALLED);
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after.replace(/\r\n/g, '\n').slice(1)).toBe(hardenCompositeAction('action.yml', ACTION, CALLED).after);
  });

  it('leaves a checkout inside an anchor as it is, and refuses a file it cannot edit safely', () => {
    const anchored = lines('name: a', 'description: d', 'runs:', '  using: composite', '  steps: &steps', `    - uses: actions/checkout@${checkout.sha} # ${checkout.tag}`, 'x-again: *steps');
    const result = hardenCompositeAction('action.yml', anchored, CALLED);
    expect(result.after).toBe(anchored);
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/inside the anchor &steps/);
    expect(() => hardenCompositeAction('.github/actions/x/action.yml', 'runs:\n  using: composite\n  steps: [1\n', CALLED)).toThrow(EditError);
  });
});

/** A repository with a CI workflow that runs its composite action, plus actions retrofit must leave alone. */
const REPO: Record<string, string> = {
  'go.mod': 'module example.com/widget\n',
  '.github/workflows/ci.yml': lines(
    'name: ci',
    'on: [pull_request]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    `      - uses: actions/checkout@${checkout.sha} # ${checkout.tag}`,
    '        with:',
    '          persist-credentials: false',
    '      - uses: ./.github/actions/setup',
    '      - uses: ./testdata/used',
  ),
  '.github/actions/setup/action.yml': ACTION,
  '.github/actions/label/action.yaml': lines('name: label', 'description: d', 'runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: echo "${{ github.event.pull_request.title }}"'),
  '.github/actions/gen/action.yml': lines('# Code generated by tools/gen-actions from tools/actions.tmpl. DO NOT EDIT.', 'name: gen', 'description: d', 'runs:', '  using: composite', '  steps:', `    - uses: actions/setup-go@${major(setupGo.tag)}`),
  'action.yml': lines('name: widget', 'description: d', 'runs:', '  using: node24', '  main: dist/index.js'),
  'testdata/unpinned/action.yml': lines('name: t', 'description: d', 'runs:', '  using: composite', '  steps:', `    - uses: actions/setup-go@${major(setupGo.tag)}`),
  'testdata/used/action.yml': lines('name: t', 'description: d', 'runs:', '  using: composite', '  steps:', `    - uses: actions/setup-go@${major(setupGo.tag)}`),
};

describe('retrofit plans composite actions from the evidence layer', () => {
  it('hardens the actions the CI runs, reports risks with file:line, and leaves generated, node and unused test-data actions unedited', async () => {
    const made = tempRepo(REPO);
    cleanups.push(made.cleanup);
    const plan = await planRetrofit(made.root, { repo: 'acme/widget', level: '1', language: ['go'] });
    const edited = plan.changes.filter((c) => c.action === 'harden').map((c) => c.path).sort();
    expect(edited).toEqual(['.github/actions/setup/action.yml', 'testdata/used/action.yml']);
    const setup = plan.changes.find((c) => c.path === '.github/actions/setup/action.yml')!;
    expect(setup.after).toBe(hardenCompositeAction(setup.path, ACTION, CALLED).after);
    const findings = plan.findings.map((f) => `${f.level} ${f.path}:${f.line ?? ''} ${f.message}`);
    expect(findings).toContainEqual(expect.stringMatching(/^warning \.github\/actions\/label\/action\.yaml:7 the action expands \$\{\{ github\.event\.pull_request\.title \}\} inside run:/));
    expect(findings).toContainEqual(expect.stringMatching(/^note testdata\/unpinned\/action\.yml:6 actions\/setup-go@v\d+ is not pinned; left as is because this action is under testdata\//));
    expect(plan.manual).toContainEqual(expect.stringMatching(/^\.github\/actions\/gen\/action\.yml is generated \(line 1: .*make these changes in tools\/actions\.tmpl: pinned actions\/setup-go/));
    expect(findings.filter((f) => f.includes(' action.yml:'))).toEqual([]);
  });

  it('applied with --yes: valid action metadata, and a second retrofit and upgrade change no byte', async () => {
    const made = tempRepo(REPO);
    cleanups.push(made.cleanup);
    const first = await cli(['retrofit', made.root, '--yes', '--repo', 'acme/widget', '--level', '1', '--language', 'go']);
    expect([0, 1], first.out + first.err).toContain(first.code);
    const setup = readFileSync(path.join(made.root, '.github/actions/setup/action.yml'), 'utf8');
    expect(setup).toContain(`actions/checkout@${checkout.sha} # ${checkout.tag}`);
    for (const file of ['.github/actions/setup/action.yml', 'testdata/used/action.yml']) {
      expect(schemaErrors('github-action.json', readFileSync(path.join(made.root, file), 'utf8')), file).toEqual([]);
    }
    for (const file of ['action.yml', 'testdata/unpinned/action.yml', '.github/actions/gen/action.yml', '.github/actions/label/action.yaml']) {
      expect(readFileSync(path.join(made.root, file), 'utf8'), file).toBe(REPO[file]);
    }
    const before = snapshot(made.root);
    await cli(['retrofit', made.root, '--yes', '--repo', 'acme/widget', '--level', '1', '--language', 'go']);
    expect(snapshot(made.root)).toEqual(before);
    await cli(['upgrade', made.root, '--yes']);
    expect(snapshot(made.root)).toEqual(before);
  });
});
