// The `npx plop control` micro-generator, run through node-plop against a temporary copy of the
// engine: it creates the control module, template and test, registers the control above the
// markers in src/catalog/index.ts, and the scaffolded control renders a workflow that passes
// actionlint and the workflow schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodePlop from 'node-plop';
import { packageRoot } from '../src/paths.js';
import { actionlint, schemaErrors } from './helpers/validators.js';

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-plop-'));
  for (const entry of ['plopfile.mjs', 'package.json', 'src', 'test', 'data', 'presets']) {
    cpSync(path.join(packageRoot, entry), path.join(tmp, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}schemas`) });
  }
  symlinkSync(path.join(packageRoot, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function generator() {
  const plop = await nodePlop(path.join(tmp, 'plopfile.mjs'), { destBasePath: tmp, force: false });
  return plop.getGenerator('control');
}

describe('plop control generator', () => {
  it('validates the id prompt', async () => {
    const gen = await generator();
    const idPrompt = (gen.prompts as Array<{ name: string; validate: (v: string) => true | string }>).find((p) => p.name === 'id')!;
    expect(idPrompt.validate('Bad_Id')).toMatch(/kebab-case/);
    expect(idPrompt.validate('sast')).toMatch(/already exists/);
    expect(idPrompt.validate('license-check')).toBe(true);
  });

  it('scaffolds module, template and test, and registers the control above the markers', async () => {
    const before = readFileSync(path.join(tmp, 'src/catalog/index.ts'), 'utf8');
    const gen = await generator();
    const result = await gen.runActions({
      id: 'license-check',
      title: "Licence check: it's required",
      level: 2,
      practices: ['dependency-review'],
      output: '.github/workflows/license-check.yml',
    });
    expect(result.failures).toEqual([]);
    for (const file of [
      'src/controls/license-check/control.ts',
      'src/controls/license-check/evidence.ts',
      'src/controls/license-check/templates/license-check.yml.ejs',
      'src/controls/license-check/license-check.test.ts',
    ]) {
      expect(existsSync(path.join(tmp, file)), file).toBe(true);
    }

    const control = readFileSync(path.join(tmp, 'src/controls/license-check/control.ts'), 'utf8');
    expect(control).toContain("export const licenseCheck: Control = {");
    expect(control).toContain("title: 'Licence check: it\\'s required',");
    expect(control).toContain("practices: ['dependency-review'],");
    expect(control).toContain("template: 'license-check/license-check.yml.ejs',");
    expect(readFileSync(path.join(tmp, 'src/controls/license-check/license-check.test.ts'), 'utf8')).toContain("findControl('license-check')?.level).toBe(2)");

    // The catalog gains exactly one import and one entry, each just above its marker.
    const after = readFileSync(path.join(tmp, 'src/catalog/index.ts'), 'utf8');
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(added).toEqual(["import { licenseCheck } from '../controls/license-check/control.js';", '  licenseCheck,']);
    expect(after).toMatch(/import \{ licenseCheck \} from '\.\.\/controls\/license-check\/control\.js';\n\/\/ plop: control imports/);
    expect(after).toMatch(/ {2}licenseCheck,\n {2}\/\/ plop: control entries/);
  });

  it('the scaffolded control renders a workflow that passes actionlint and the schema', async () => {
    const { planFor } = (await import(path.join(tmp, 'test/helpers/generate.ts'))) as typeof import('./helpers/generate.js');
    const plan = await planFor({ level: 2 });
    const file = plan.files.find((f) => f.path === '.github/workflows/license-check.yml');
    expect(file?.controls).toEqual(['license-check']);
    expect(file!.content).toContain('group: ${{ github.workflow }}-${{ github.ref }}');
    expect(await actionlint(file!.content, file!.path)).toEqual([]);
    expect(schemaErrors('github-workflow.json', file!.content)).toEqual([]);
    // As generated, it passes the catalog's completeness rules (test/catalog.test.ts).
    const { findControl } = (await import(path.join(tmp, 'src/catalog/index.ts'))) as typeof import('../src/catalog/index.js');
    const control = findControl('license-check')!;
    expect(typeof control.evidence).toBe('function');
    expect(control.fix).toMatch(/^npx create-secure-cncf/);
    expect(control.why.length).toBeGreaterThan(40);
    const level1 = await planFor({ level: 1 });
    expect(level1.files.some((f) => f.path === '.github/workflows/license-check.yml')).toBe(false);
  });
});
