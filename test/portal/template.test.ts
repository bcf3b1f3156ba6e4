// The Backstage Software Template (backstage/template.yaml): a valid Template entity for the
// scaffolder, whose parameters are exactly the generator's prompts with the same value sets, whose
// parameter schema accepts what the generator accepts and rejects what it rejects, and whose
// run:yeoman options drive the real generator without asking anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv, type ValidateFunction } from 'ajv';
import helpers from 'yeoman-test';
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  type Entity,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator, type TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import SecureCncfGenerator from '../../generators/app/index.js';
import { questions } from '../../src/questions.js';
import { answerDefaults, resolveAnswers, type AnswerFlags } from '../../src/answers.js';
import { ARTIFACTS, LANGUAGES, LEVELS, type Answers } from '../../src/model.js';
import { PRESET_IDS } from '../../src/presets.js';
import { parseRepository, validateBranch, validateProjectName } from '../../src/validate.js';
import { answers as answersFor, emptyFacts } from '../helpers/generate.js';

const TEMPLATE_FILE = path.resolve(import.meta.dirname, '../../backstage/template.yaml');
const template = parse(readFileSync(TEMPLATE_FILE, 'utf8')) as TemplateEntityV1beta3;

type Schema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };
const pages = (Array.isArray(template.spec.parameters) ? template.spec.parameters : [template.spec.parameters]) as Schema[];
const properties: Record<string, Record<string, unknown>> = Object.assign({}, ...pages.map((p) => p.properties ?? {}));
const step = (id: string) => template.spec.steps.find((s) => s.id === id)!;

/** Every prompt the generator can ask (none is answered by a flag). */
const defaults = answerDefaults(emptyFacts());
const promptNames = questions(defaults, {}).map((q) => q.name as string);

let validateForm: ValidateFunction | undefined;
function formValidator(): ValidateFunction {
  // The scaffolder validates each page's JSON Schema; ui:* and enumNames are form hints.
  validateForm ??= new Ajv({ allErrors: true, strict: false }).compile({ allOf: pages });
  return validateForm;
}
const formErrors = (data: unknown) => (formValidator()(data) ? [] : (formValidator().errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

/** What the template's form would hold for a set of generator answers. */
function formData(a: Answers): Record<string, unknown> {
  return {
    name: a.projectName,
    repo: `${a.repository.owner}/${a.repository.name}`,
    language: a.languages,
    level: a.level,
    compliance: a.compliance,
    artifacts: a.artifacts,
    portal: a.portal,
    charts: a.chartPublishing ?? 'oci',
    branch: a.defaultBranch,
    ackDays: a.policy?.acknowledgeDays ?? 'none',
    fixDays: a.policy?.fixDays ?? 'none',
  };
}

/**
 * The scaffolder's rendering of a value that is a single `${{ ... }}` expression: it keeps the
 * type of the result (NunjucksWorkflowRunner wraps it in `| dump` and parses the JSON). Only the
 * forms the run:yeoman step uses are supported; anything else fails the test.
 */
function renderSingle(value: unknown, parameters: Record<string, unknown>): unknown {
  const match = /^\$\{\{\s*parameters\.([A-Za-z]+)\s*(\|\s*string\s*)?\}\}$/.exec(String(value));
  if (!match) throw new Error(`unsupported template expression in run:yeoman flags: ${String(value)}`);
  const raw = parameters[match[1]!];
  return match[2] ? String(raw) : raw;
}

const VALID_ANSWERS: Answers[] = [
  answersFor({ policy: {} }),
  answersFor({ level: 2, languages: ['rust', 'python'], artifacts: ['container-images', 'helm-charts'], compliance: ['soc2'], chartPublishing: 'chart-releaser', policy: { acknowledgeDays: 3, fixDays: 90 } }),
  answersFor({ level: 3, languages: [...LANGUAGES], artifacts: [...ARTIFACTS], compliance: [...PRESET_IDS], defaultBranch: 'release/v1.x', chartPublishing: 'oci', policy: { fixDays: 30 } }),
  answersFor({ projectName: 'Wid: "get" #1 — ünïcode', repository: { owner: 'a-b-c', name: '.weird_Repo.' }, portal: false, artifacts: [], policy: {} }),
];

describe('Backstage Software Template', () => {
  it('is a valid scaffolder.backstage.io/v1beta3 Template entity', async () => {
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
    expect(template.kind).toBe('Template');
    expect(await templateEntityV1beta3Validator.check(template as unknown as Entity)).toBe(true);
    const policy = EntityPolicies.allOf([
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
      new SchemaValidEntityPolicy(),
    ]);
    expect(await policy.enforce(template as unknown as Entity)).toBeDefined();
  });

  it('asks exactly the generator prompts: no prompt missing from the template, no extra parameter', () => {
    expect(promptNames.length).toBeGreaterThan(0);
    expect(Object.keys(properties).sort()).toEqual([...promptNames].sort());
  });

  it('passes every prompt to the generator through run:yeoman', () => {
    const generate = step('generate');
    expect(generate.action).toBe('run:yeoman');
    expect(generate.input?.namespace).toBe('secure-cncf:app');
    const flags = (generate.input?.options as { flags: Record<string, string> }).flags;
    expect(Object.keys(flags).sort()).toEqual([...promptNames].sort());
    for (const [name, expression] of Object.entries(flags)) expect(expression).toMatch(new RegExp(`^\\$\\{\\{ parameters\\.${name}( \\| string)? \\}\\}$`));
  });

  it('offers the generator value sets', () => {
    const items = (name: string) => (properties[name]!.items as { enum: unknown[] }).enum;
    expect(items('language')).toEqual([...LANGUAGES]);
    expect(properties.level!.enum).toEqual([...LEVELS]);
    expect(items('compliance')).toEqual([...PRESET_IDS]);
    expect(items('artifacts')).toEqual([...ARTIFACTS]);
    expect(properties.portal!.type).toBe('boolean');
    // The commitment prompts' choices, "no numbers" first, in the same order.
    const values = (name: string) => questions(defaults, {}).find((q) => q.name === name)?.choices?.map((c) => c.value);
    expect(properties.ackDays!.enum).toEqual(values('ackDays'));
    expect(properties.fixDays!.enum).toEqual(values('fixDays'));
  });

  it('publishes, then registers catalog-info.yaml only when portal metadata was generated', () => {
    expect(template.spec.steps.map((s) => s.action)).toEqual(['fetch:template', 'run:yeoman', 'publish:github', 'catalog:register']);
    expect(step('register').if).toBe('${{ parameters.portal }}');
    expect(step('register').input?.catalogInfoPath).toBe('/catalog-info.yaml');
  });

  describe('parameter schema (ajv)', () => {
    for (const [index, a] of VALID_ANSWERS.entries()) {
      it(`accepts the generator's valid answers #${index + 1}`, () => {
        expect(formErrors(formData(a))).toEqual([]);
      });
    }

    const invalid: Array<[string, Record<string, unknown>]> = [
      ['an unknown language', { language: ['cobol'] }],
      ['no language', { language: [] }],
      ['level 7', { level: 7 }],
      ['level 0', { level: 0 }],
      ['level as text', { level: 'graduated' }],
      ['a bad repo slug (no owner)', { repo: 'widget' }],
      ['a bad repo slug (spaces)', { repo: 'acme/my widget' }],
      ['a bad repo slug (double hyphen owner)', { repo: 'ac--me/widget' }],
      ['a bad repo slug (..)', { repo: 'acme/..' }],
      ['an unknown compliance preset', { compliance: ['hipaa'] }],
      ['an unknown artifact', { artifacts: ['wheels'] }],
      ['a branch starting with -', { branch: '-main' }],
      ['a name with a newline', { name: 'a\nb' }],
      ['a commitment of 0 days', { ackDays: 0 }],
      ['a commitment as text', { fixDays: 'soon' }],
      ['a blank name', { name: '   ' }],
    ];
    for (const [label, change] of invalid) {
      it(`rejects ${label}`, () => {
        expect(formErrors({ ...formData(answersFor()), ...change })).not.toEqual([]);
      });
    }

    it('agrees with the generator on repository slugs, branches and project names', () => {
      const ok = (fn: () => unknown) => {
        try {
          fn();
          return true;
        } catch {
          return false;
        }
      };
      const valid = (field: string, value: unknown) => formErrors({ ...formData(answersFor()), [field]: value }).length === 0;
      const repos = ['acme/widget', 'a/b', 'A-1/x.y_z', '-acme/x', 'acme-/x', 'a--b/x', 'acme/.', 'acme/..', 'acme/...', 'acme/.github', `${'a'.repeat(39)}/x`, `${'a'.repeat(40)}/x`, 'acme/a/b', 'acme/wid get', `acme/${'x'.repeat(101)}`];
      for (const repo of repos) expect(valid('repo', repo), repo).toBe(ok(() => parseRepository(repo)));
      const branches = ['main', 'release/v1.x', 'a..b', '-x', '/x', 'x/', 'x.lock', 'a//b', 'feature_1', 'wip branch', 'x~1'];
      for (const branch of branches) expect(valid('branch', branch), branch).toBe(ok(() => validateBranch(branch)));
      const names = ['Widget', ' spaced ', 'x'.repeat(100), 'x'.repeat(101), '', '\t', 'tab\there', 'ok: "#1"'];
      for (const name of names) expect(valid('name', name), JSON.stringify(name)).toBe(ok(() => validateProjectName(name)));
    });
  });

  describe('run:yeoman options', () => {
    for (const [index, a] of VALID_ANSWERS.entries()) {
      it(`resolve to the same answers and leave no prompt open #${index + 1}`, () => {
        const raw = (step('generate').input?.options as { flags: Record<string, string> }).flags;
        const flags = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, renderSingle(v, formData(a))])) as AnswerFlags;
        expect(questions(defaults, flags)).toEqual([]);
        expect(resolveAnswers(flags, defaults)).toEqual(a);
      });
    }

    it('drive the real generator non-interactively', async () => {
      const a = VALID_ANSWERS[1]!;
      const raw = step('generate').input?.options as { flags: Record<string, string>; skipInstall: boolean };
      const flags = Object.fromEntries(Object.entries(raw.flags).map(([k, v]) => [k, renderSingle(v, formData(a))]));
      const run = await helpers
        .run(SecureCncfGenerator as never, { namespace: 'secure-cncf:app' } as never)
        .withOptions({ ...raw, flags } as never);
      run.assertFile(['catalog-info.yaml', 'mkdocs.yml', 'SECURITY.md', '.secure-cncf.json']);
      try {
        const state = JSON.parse(readFileSync(path.join(run.cwd, '.secure-cncf.json'), 'utf8')) as { answers: Answers };
        expect(state.answers).toEqual(a);
      } finally {
        run.cleanup();
      }
    });
  });
});
