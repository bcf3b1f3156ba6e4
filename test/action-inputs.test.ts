// Every `with:` key a generated workflow passes to a pinned action (or reusable workflow) is an
// input that action declares at the pinned commit, and every required input without a default is
// given. data/action-inputs.json holds the inputs read at each pinned commit; regenerate it with
// `node scripts/action-inputs.mjs` after the pin table changes (this test fails when they disagree).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../src/paths.js';
import { planFor } from './helpers/generate.js';

interface Declared {
  file: string;
  checkedAt: string;
  runsUsing: string | null;
  inputs: Record<string, { required: boolean; default: string | null }>;
}

const read = (file: string) => JSON.parse(readFileSync(path.join(packageRoot, file), 'utf8'));
const declared = read('data/action-inputs.json').actions as Record<string, Declared>;
const pins = read('data/action-pins.json').actions as Record<string, { sha: string; runsUsing: string | null; kind: string }>;

/** Problems with one `uses:` and its `with:` block. */
function problemsOf(where: string, uses: string, withBlock: Record<string, unknown> | undefined): string[] {
  const name = uses.split('@')[0]!;
  const entry = declared[name];
  if (!entry) return [`${where}: ${name} has no entry in data/action-inputs.json`];
  const given = Object.keys(withBlock ?? {});
  const problems = given.filter((key) => !(key in entry.inputs)).map((key) => `${where}: ${name} declares no input "${key}" at ${entry.checkedAt.slice(0, 7)}`);
  for (const [key, spec] of Object.entries(entry.inputs)) {
    if (spec.required && spec.default === null && !given.includes(key)) problems.push(`${where}: ${name} needs input "${key}"`);
  }
  return problems;
}

/** Problems in every workflow of a plan. */
function workflowProblems(files: { path: string; content: string }[]): string[] {
  const problems: string[] = [];
  for (const file of files.filter((f) => f.path.startsWith('.github/workflows/'))) {
    const workflow = parse(file.content) as { jobs?: Record<string, { uses?: string; with?: Record<string, unknown>; steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
    for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
      if (job.uses) problems.push(...problemsOf(`${file.path} job ${id}`, job.uses, job.with));
      for (const step of job.steps ?? []) {
        if (step.uses && !step.uses.startsWith('./') && !step.uses.startsWith('docker://')) problems.push(...problemsOf(`${file.path} job ${id}`, step.uses, step.with));
      }
    }
  }
  return problems;
}

describe('inputs of pinned actions', () => {
  it('data/action-inputs.json covers every pin, read at the pinned commit', () => {
    expect(Object.keys(declared).sort()).toEqual(Object.keys(pins).sort());
    for (const [name, pin] of Object.entries(pins)) {
      expect(declared[name]!.checkedAt, name).toBe(pin.sha);
      if (pin.kind === 'action') expect(declared[name]!.runsUsing, name).toBe(pin.runsUsing);
    }
  });

  it('every with: key of every generated workflow is a declared input, and required inputs are given', async () => {
    const widest = await planFor({
      level: 3,
      languages: ['go', 'rust', 'python', 'javascript', 'java-maven', 'cpp'],
      artifacts: ['binaries', 'container-images', 'helm-charts', 'libraries'],
      compliance: ['soc2'],
      portal: true,
    });
    const gradle = await planFor({ level: 3, languages: ['java-gradle'], artifacts: ['binaries'] });
    const files = [...widest.files, ...gradle.files];
    expect(files.filter((f) => f.path.startsWith('.github/workflows/')).length).toBeGreaterThan(8);
    expect(workflowProblems(files)).toEqual([]);
  }, 60_000);

  it('reports an input the action does not declare (the check above can fail)', () => {
    const workflow = 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@x\n        with:\n          persist-credentials: false\n          no-such-input: 1\n';
    expect(workflowProblems([{ path: '.github/workflows/x.yml', content: workflow }])).toEqual([
      `.github/workflows/x.yml job a: actions/checkout declares no input "no-such-input" at ${pins['actions/checkout']!.sha.slice(0, 7)}`,
    ]);
  });
});
