// Every generated file, for every language alone and all together, at every level, with and
// without compliance presets, must pass the real validators and the hardening rules the generator
// promises.
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, isScalar, visit } from 'yaml';
import { ARTIFACTS, LANGUAGES, type Answers, type Artifact, type Language } from '../src/model.js';
import { PRESET_IDS } from '../src/presets.js';
import { actionlint, schemaErrors } from './helpers/validators.js';
import { planFor } from './helpers/generate.js';
import { loadPins } from '../src/pins.js';

interface Case {
  name: string;
  languages: Language[];
  artifacts: Artifact[];
  compliance: string[];
}

// Each language alone with a different artifact mix (so every release path is exercised), then
// everything at once with every compliance preset.
const ARTIFACT_MIXES: Artifact[][] = [['binaries'], ['container-images'], ['libraries'], ['helm-charts', 'binaries'], ['libraries', 'container-images']];
const CASES: Case[] = [
  ...LANGUAGES.map((language, i) => ({
    name: language,
    languages: [language],
    artifacts: ARTIFACT_MIXES[i % ARTIFACT_MIXES.length] as Artifact[],
    compliance: i % 2 === 0 ? [] : [PRESET_IDS[i % PRESET_IDS.length] as string],
  })),
  { name: 'all-languages-all-presets', languages: [...LANGUAGES], artifacts: [...ARTIFACTS], compliance: [...PRESET_IDS] },
];
const LEVELS: Answers['level'][] = [1, 2, 3];

const pins = loadPins();

function workflowSteps(workflow: any): Array<{ job: string; step: any }> {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, body]: [string, any]) =>
    (body.steps ?? []).map((step: any) => ({ job, step })),
  );
}

describe.each(CASES)('generated files for $name ($artifacts, $compliance)', ({ languages, artifacts, compliance }) => {
  describe.each(LEVELS)('level %i', (level) => {
    it('workflows pass actionlint and the SchemaStore workflow schema', async () => {
      const plan = await planFor({ languages, level, artifacts, compliance, portal: true });
      const workflows = plan.files.filter((f) => f.path.startsWith('.github/workflows/'));
      expect(workflows.length).toBeGreaterThan(0);
      for (const file of workflows) {
        expect(await actionlint(file.content, file.path), file.path).toEqual([]);
        expect(schemaErrors('github-workflow.json', file.content), file.path).toEqual([]);
      }
    });

    it('dependabot.yml validates against the dependabot-2.0 schema and has no empty ecosystem', async () => {
      const plan = await planFor({ languages, level, artifacts, compliance, portal: true });
      const file = plan.files.find((f) => f.path === '.github/dependabot.yml');
      expect(file).toBeDefined();
      expect(schemaErrors('dependabot-2.0.json', file!.content)).toEqual([]);
      const config = parse(file!.content);
      for (const update of config.updates) expect(update['package-ecosystem']).toMatch(/^[a-z-]+$/);
    });

    it('workflows follow the hardening rules', async () => {
      const plan = await planFor({ languages, level, artifacts, compliance, portal: true });
      for (const file of plan.files.filter((f) => f.path.startsWith('.github/workflows/'))) {
        const workflow = parse(file.content);
        // Top-level token is empty or read-only.
        expect(['{}', 'read-all'], file.path).toContain(
          typeof workflow.permissions === 'string' ? workflow.permissions : JSON.stringify(workflow.permissions),
        );
        for (const [jobId, job] of Object.entries<any>(workflow.jobs)) {
          expect(job.permissions, `${file.path} ${jobId} declares its permissions`).toBeDefined();
          if (!job.uses) expect(job['timeout-minutes'], `${file.path} ${jobId} timeout`).toBeDefined();
        }
        for (const { job, step } of workflowSteps(workflow)) {
          if (typeof step.run === 'string') {
            expect(step.run, `${file.path} ${job}: no expression expanded inside run:`).not.toContain('${{');
          }
          if (typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@')) {
            expect(step.with?.['persist-credentials'], `${file.path} ${job}: checkout persist-credentials`).toBe(false);
          }
        }
      }
    });

    it('every uses: is pinned from the pin table with its version comment', async () => {
      const plan = await planFor({ languages, level, artifacts, compliance, portal: true });
      for (const file of plan.files.filter((f) => f.path.startsWith('.github/workflows/'))) {
        const doc = parseDocument(file.content);
        visit(doc, {
          Pair(_, pair) {
            if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return;
            const ref = String(pair.value.value);
            const [name, version] = ref.split('@') as [string, string];
            const pin = pins.actions[name];
            expect(pin, `${file.path}: ${name} is in the pin table`).toBeDefined();
            if (pin!.pinBy === 'tag') {
              expect(version).toBe(pin!.tag);
            } else {
              expect(version, `${file.path}: ${name}`).toBe(pin!.sha);
              // Actions without releases (pinned to a branch commit, tag null) name that branch.
              expect(pair.value.comment?.trim(), `${file.path}: ${name} version comment`).toBe(pin!.tag ?? pin!.branch);
            }
          },
        });
        // No scalar anywhere references a mutable ref like @v4 or @main.
        expect(file.content).not.toMatch(/uses:\s*[\w./-]+@(v\d+|main|master)\s*$/m);
      }
    });
  });
});
