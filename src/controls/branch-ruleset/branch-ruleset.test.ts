// The ruleset must be importable by GitHub (Settings > Rules > Rulesets > Import a ruleset), which
// takes the body of the "Create a repository ruleset" REST call. The schema below is written from
// that API's request shape (github/rest-api-description: repository-ruleset, repository-rule-*),
// restricted to the rule types this control emits, with no extra properties allowed.
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { answers, planFor, repoFacts, tempRepo, TEST_DATE } from '../../../test/helpers/generate.js';
import { CATALOG } from '../../catalog/index.js';
import { planContext } from '../../engine/context.js';
import { openRepo } from '../../evidence/repo-view.js';
import { buildProfile } from '../../profile.js';
import { evidence } from './evidence.js';
import type { Plan } from '../../model.js';
import { LANGUAGES } from '../../model.js';

const bool = { type: 'boolean' };
const RULESET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'target', 'enforcement', 'conditions', 'rules'],
  properties: {
    name: { type: 'string', minLength: 1 },
    target: { enum: ['branch', 'tag', 'push'] },
    enforcement: { enum: ['disabled', 'active', 'evaluate'] },
    bypass_actors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['actor_type'],
        properties: {
          actor_id: { type: ['integer', 'null'] },
          actor_type: { enum: ['Integration', 'OrganizationAdmin', 'RepositoryRole', 'Team', 'DeployKey'] },
          bypass_mode: { enum: ['always', 'pull_request'] },
        },
      },
    },
    conditions: {
      type: 'object',
      additionalProperties: false,
      required: ['ref_name'],
      properties: {
        ref_name: {
          type: 'object',
          additionalProperties: false,
          properties: {
            include: { type: 'array', items: { type: 'string' } },
            exclude: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    rules: {
      type: 'array',
      items: {
        oneOf: [
          { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { enum: ['deletion', 'non_fast_forward', 'required_signatures', 'required_linear_history', 'creation'] } } },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'parameters'],
            properties: {
              type: { const: 'pull_request' },
              parameters: {
                type: 'object',
                additionalProperties: false,
                required: ['dismiss_stale_reviews_on_push', 'require_code_owner_review', 'require_last_push_approval', 'required_approving_review_count', 'required_review_thread_resolution'],
                properties: {
                  dismiss_stale_reviews_on_push: bool,
                  require_code_owner_review: bool,
                  require_last_push_approval: bool,
                  required_approving_review_count: { type: 'integer', minimum: 0, maximum: 10 },
                  required_review_thread_resolution: bool,
                  allowed_merge_methods: { type: 'array', items: { enum: ['merge', 'squash', 'rebase'] } },
                },
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'parameters'],
            properties: {
              type: { const: 'required_status_checks' },
              parameters: {
                type: 'object',
                additionalProperties: false,
                required: ['required_status_checks', 'strict_required_status_checks_policy'],
                properties: {
                  do_not_enforce_on_create: bool,
                  strict_required_status_checks_policy: bool,
                  required_status_checks: {
                    type: 'array',
                    minItems: 1,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['context'],
                      properties: { context: { type: 'string', minLength: 1 }, integration_id: { type: 'integer' } },
                    },
                  },
                },
              },
            },
          },
        ],
      },
    },
  },
};
const validate = new Ajv({ allErrors: true, strict: true }).compile(RULESET_SCHEMA);

function ruleset(plan: Plan): any {
  const file = plan.files.find((f) => f.path === '.github/rulesets/default-branch.json');
  return file ? JSON.parse(file.content) : undefined;
}
const rule = (doc: any, type: string) => doc.rules.find((r: any) => r.type === type);
const contexts = (doc: any): string[] => rule(doc, 'required_status_checks').parameters.required_status_checks.map((c: any) => c.context);

/** Every check name a pull request to `main` gets from the plan's workflows, computed independently. */
function pullRequestCheckNames(plan: Plan): Set<string> {
  const names = new Set<string>();
  for (const file of plan.files.filter((f) => f.path.startsWith('.github/workflows/'))) {
    const workflow = parse(file.content);
    if (!workflow.on?.pull_request) continue;
    for (const [id, job] of Object.entries<any>(workflow.jobs)) {
      const include = job.strategy?.matrix?.include as any[] | undefined;
      const axes = Object.entries<any>(job.strategy?.matrix ?? {}).filter(([k]) => k !== 'include');
      const combos = include ?? (axes.length ? axes[0]![1].map((v: unknown) => ({ [axes[0]![0]]: v })) : [{}]);
      for (const combo of combos) {
        names.add(String(job.name ?? id).replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (_, key) => String(combo[key])));
      }
    }
  }
  return names;
}

describe('branch-ruleset control', () => {
  it('is written from level 2 on, with its import instructions', async () => {
    expect(ruleset(await planFor({ level: 1 }))).toBeUndefined();
    for (const level of [2, 3] as const) {
      const plan = await planFor({ level });
      expect(ruleset(plan)).toBeDefined();
      expect(plan.files.find((f) => f.path === '.github/rulesets/README.md')?.content).toContain('Import a ruleset');
    }
  });

  it.each([2, 3] as const)('level %i validates against the REST ruleset shape for every language', async (level) => {
    for (const languages of [...LANGUAGES.map((l) => [l]), [...LANGUAGES]]) {
      const doc = ruleset(await planFor({ level, languages, artifacts: ['binaries', 'container-images'] }));
      expect(validate(doc), `${languages.join(',')}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(doc.target).toBe('branch');
      expect(doc.enforcement).toBe('active');
      expect(doc.conditions.ref_name.include).toEqual(['~DEFAULT_BRANCH']);
      expect(doc.rules.map((r: any) => r.type)).toEqual(expect.arrayContaining(['deletion', 'non_fast_forward', 'pull_request', 'required_status_checks']));
    }
  });

  it('requires one approval at level 2 and code-owner, fresh and last-push approval at level 3', async () => {
    const two = rule(ruleset(await planFor({ level: 2 })), 'pull_request').parameters;
    expect(two).toMatchObject({ required_approving_review_count: 1, require_code_owner_review: false, dismiss_stale_reviews_on_push: false, require_last_push_approval: false });
    const three = rule(ruleset(await planFor({ level: 3 })), 'pull_request').parameters;
    expect(three).toMatchObject({ required_approving_review_count: 1, require_code_owner_review: true, dismiss_stale_reviews_on_push: true, require_last_push_approval: true });
  });

  it('leaves signed commits off by default and documents how to turn them on', async () => {
    const plan = await planFor({ level: 3 });
    expect(rule(ruleset(plan), 'required_signatures')).toBeUndefined();
    expect(plan.files.find((f) => f.path === '.github/rulesets/README.md')!.content).toContain('"required_signatures"');
  });

  it('requires the rendered check names of the generated pull-request jobs, from GitHub Actions only', async () => {
    const doc = ruleset(await planFor({ level: 2, languages: ['go', 'python'] }));
    const names = contexts(doc);
    expect(names).toEqual(expect.arrayContaining(['Analyze (actions)', 'Analyze (go)', 'Analyze (python)', 'Review dependency changes', 'gitleaks', 'govulncheck (.)', 'pip-audit (.)']));
    // Scorecard does not run on pull requests; reusable workflows report "<caller> / <callee>" names.
    expect(names).not.toContain('Scorecard analysis');
    expect(names.some((n) => n.startsWith('OSV-Scanner'))).toBe(false);
    for (const check of rule(doc, 'required_status_checks').parameters.required_status_checks) expect(check.integration_id).toBe(15368);
  });

  it('every required check is reported by a job of a generated workflow that runs on pull requests', async () => {
    for (const languages of [[...LANGUAGES], ['rust'], ['cpp']] as const) {
      const plan = await planFor({ level: 3, languages: [...languages], artifacts: ['binaries', 'container-images', 'helm-charts'] });
      const produced = pullRequestCheckNames(plan);
      for (const name of contexts(ruleset(plan))) {
        expect(name).not.toContain('${{');
        expect(produced.has(name), `${name} is produced by a pull-request job`).toBe(true);
      }
    }
  });

  it('includes the fuzzing jobs at level 3', async () => {
    expect(contexts(ruleset(await planFor({ level: 3, languages: ['go', 'rust'] })))).toEqual(expect.arrayContaining(['Go fuzzing (.)', 'cargo-fuzz (.)']));
  });

  it('escapes odd directory names in check contexts as JSON strings', async () => {
    const odd = '/svc/we"ird `dir` <script>';
    const facts = { root: '/nonexistent', isEmpty: false, languages: ['go' as const], manifests: { gomod: [odd] }, artifacts: [] };
    const plan = await planFor({ level: 2, languages: ['go'], projectName: 'a: b # "c"' }, facts);
    const doc = ruleset(plan);
    expect(validate(doc)).toBe(true);
    expect(contexts(doc)).toContain('govulncheck (svc/we"ird `dir` <script>)');
    const readme = plan.files.find((f) => f.path === '.github/rulesets/README.md')!.content;
    expect(readme).not.toContain('<script>');
    expect(readme).toContain('&lt;script');
  });

  it('is the same for the same answers (idempotent)', async () => {
    const a = await planFor({ level: 3, languages: ['go', 'rust'] });
    const b = await planFor({ level: 3, languages: ['go', 'rust'] });
    const pick = (p: Plan) => p.files.filter((f) => f.path.startsWith('.github/rulesets/')).map((f) => f.content);
    expect(pick(a)).toEqual(pick(b));
  });
});

describe('branch-ruleset evidence reads the preset settings', () => {
  it('a committed ruleset with fewer approving reviews than the presets ask for is partial', async () => {
    const plan = await planFor({ level: 2, languages: ['go'] });
    const ruleset = plan.files.find((f) => f.path === '.github/rulesets/default-branch.json')!.content;
    const repo = tempRepo({ '.github/rulesets/default-branch.json': ruleset });
    try {
      const view = openRepo(repo.root);
      const ctxFor = (compliance: string[]) => {
        const chosen = answers({ level: 2, languages: ['go'], compliance });
        return planContext(buildProfile(chosen, repoFacts(chosen), TEST_DATE), CATALOG);
      };
      expect(evidence(view, ctxFor([])).status).toBe('pass');
      expect(evidence(view, ctxFor(['soc2'])).status).toBe('pass');
      const high = evidence(view, ctxFor(['fedramp-high']));
      expect(high.status).toBe('partial');
      expect(high.summary).toContain('the selected compliance presets ask for 2');
    } finally {
      repo.cleanup();
    }
  });
});
