// Compliance presets: the files load and validate (hand validator and JSON schema agree), their
// scope is exactly what data/compliance-map.json says, every requirement is addressed by a
// control or carries the organisation's checklist, and a typo is a load error naming file and key.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { CATALOG } from '../src/catalog/index.js';
import {
  PRESET_IDS,
  PresetError,
  controlsForRequirement,
  getPresets,
  listPresetsText,
  loadPresets,
  presetSettings,
  requiredControlIds,
  unaddressedRequirements,
} from '../src/presets.js';
import { loadComplianceMap } from '../src/compliance/map.js';
import { oscalControlId } from '../src/compliance/oscal.js';
import { presetsDir } from '../src/paths.js';
import { tempRepo } from './helpers/generate.js';

const map = loadComplianceMap();
const presetFiles = readdirSync(presetsDir).filter((f) => f.endsWith('.yaml'));
const schema = JSON.parse(readFileSync(path.join(presetsDir, 'preset.schema.json'), 'utf8'));
const validateSchema = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

function inScope(presetId: string): string[] {
  const requirements = (framework: string) => Object.entries(map.frameworks[framework]!.requirements);
  switch (presetId) {
    case 'fedramp-moderate':
      return requirements('nist-800-53r5').filter(([, r]) => r.fedramp?.includes('moderate')).map(([id]) => id);
    case 'fedramp-high':
      return requirements('nist-800-53r5').filter(([, r]) => r.fedramp?.includes('high')).map(([id]) => id);
    case 'nist-ssdf-1.1':
      return requirements('nist-ssdf-1.1').filter(([, r]) => r.kind === 'task').map(([id]) => id);
    default:
      return requirements(presetId).map(([id]) => id);
  }
}

describe('preset files', () => {
  it('PRESET_IDS and presets/*.yaml name the same presets', () => {
    expect([...presetFiles.map((f) => f.replace(/\.yaml$/, ''))].sort()).toEqual([...PRESET_IDS].sort());
    expect(loadPresets().map((p) => p.id)).toEqual([...PRESET_IDS]);
  });

  it.each(presetFiles)('%s validates against presets/preset.schema.json', (file) => {
    const ok = validateSchema(parse(readFileSync(path.join(presetsDir, file), 'utf8')));
    expect(validateSchema.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([...PRESET_IDS])('%s covers exactly the in-scope requirements of its framework, in map order', (id) => {
    const [preset] = getPresets([id]);
    expect(preset!.requirements.map((r) => r.id)).toEqual(inScope(id));
    expect(preset!.frameworkTitle).toBe(map.frameworks[preset!.framework]!.title);
  });

  it.each([...PRESET_IDS])('%s: every requirement maps to a control or is the organisation\'s, with a checklist', (id) => {
    const [preset] = getPresets([id]);
    expect(unaddressedRequirements(preset!, CATALOG), 'requirements with neither a control nor a checklist').toEqual([]);
    for (const requirement of preset!.requirements) {
      expect(requirement.title, requirement.id).not.toBe('');
      if (requirement.organisational) {
        expect(requirement.practices, requirement.id).toEqual([]);
        expect(requirement.checklist.length, `${requirement.id} checklist`).toBeGreaterThan(0);
      } else {
        expect(requirement.practices.length, requirement.id).toBeGreaterThan(0);
      }
      // Practices listed are exactly those the compliance map maps to the requirement.
      const mapped = Object.entries(map.practices)
        .filter(([, practice]) => practice.maps[preset!.framework]?.includes(requirement.id))
        .map(([practiceId]) => practiceId);
      expect([...requirement.practices].sort(), requirement.id).toEqual(mapped.sort());
    }
  });

  it('the unaddressed-requirement check fails on a requirement with neither control nor checklist', () => {
    const [preset] = getPresets(['pci-dss-4.0.1']);
    const broken = { ...preset!, requirements: [{ id: '6.3.2', title: 't', practices: ['sbom'], organisational: false, checklist: [] }] };
    expect(unaddressedRequirements(broken, CATALOG.filter((c) => !c.practices.includes('sbom')))).toEqual(['6.3.2']);
  });

  it.each([...PRESET_IDS])('%s: OSCAL control ids are unique tokens', (id) => {
    const [preset] = getPresets([id]);
    const ids = preset!.requirements.map((r) => oscalControlId(preset!, r.id));
    for (const oscalId of ids) expect(oscalId).toMatch(/^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps NIST ids the way the NIST OSCAL catalog writes them', () => {
    const [high] = getPresets(['fedramp-high']);
    expect(oscalControlId(high!, 'AC-6(10)')).toBe('ac-6.10');
    const [pci] = getPresets(['pci-dss-4.0.1']);
    expect(oscalControlId(pci!, '6.2.3.1')).toBe('req-6.2.3.1');
    const [cra] = getPresets(['eu-cra']);
    expect(oscalControlId(cra!, 'I.2(a)')).toBe('i.2.a');
  });
});

describe('broken presets are load errors naming the file and the key', () => {
  function loadBroken(edit: (text: string) => string): PresetError {
    const { root, cleanup } = tempRepo();
    try {
      const source = path.join(presetsDir, 'pci-dss-4.0.1.yaml');
      copyFileSync(path.join(presetsDir, 'soc2.yaml'), path.join(root, 'soc2.yaml'));
      writeFileSync(path.join(root, 'pci-dss-4.0.1.yaml'), edit(readFileSync(source, 'utf8')));
      let error: unknown;
      try {
        loadPresets(root);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PresetError);
      return error as PresetError;
    } finally {
      cleanup();
    }
  }

  it('unknown top-level and settings keys', () => {
    const error = loadBroken((t) => t.replace('reviewed:', 'reviwed: "2026-01-01"\nreviewed:').replace('  minimumLevel:', '  minimumLevle: 2\n  minimumLevel:'));
    expect(error.message).toMatch(/pci-dss-4\.0\.1\.yaml: reviwed: unknown key \(allowed: id, title/);
    expect(error.message).toMatch(/pci-dss-4\.0\.1\.yaml: settings\.minimumLevle: unknown key/);
    expect(error.problems).toHaveLength(2);
  });

  it('unknown requirement id, unknown practice id, practice not mapped to the requirement', () => {
    const error = loadBroken((t) =>
      t
        .replace('"6.1.1":', '"6.1.9":')
        .replace('practices: [codeowners]', 'practices: [codeowner]')
        .replace('"6.2.3":\n    practices: [sast, branch-protection]', '"6.2.3":\n    practices: [sast, sbom]'),
    );
    expect(error.message).toContain('pci-dss-4.0.1.yaml: requirements."6.1.9": unknown requirement id for framework pci-dss-4.0.1');
    expect(error.message).toContain('pci-dss-4.0.1.yaml: requirements."6.1.2".practices[0]: unknown practice "codeowner"');
    expect(error.message).toContain('requirements."6.2.3".practices[1]: practice "sbom" is not mapped to pci-dss-4.0.1 6.2.3');
  });

  it('unquoted numeric requirement id, organisational without checklist, bad setting value', () => {
    const error = loadBroken((t) =>
      t
        .replace('"6.1.1":', '6.10:')
        .replace('"6.5.6":\n    organisational: true\n    checklist:\n      - Remove test data and test accounts before a system goes into production\n', '"6.5.6":\n    organisational: true\n')
        .replace('requiredReviewers: 1', 'requiredReviewers: many'),
    );
    expect(error.message).toContain('requirements.6.1: quote requirement ids ("6.10")');
    expect(error.message).toContain('requirements."6.5.6": organisational: true needs a checklist');
    expect(error.message).toContain('settings.requiredReviewers: must be an integer from 0 to 6, got "many"');
  });

  it('the JSON schema rejects the same typos', () => {
    const text = readFileSync(path.join(presetsDir, 'pci-dss-4.0.1.yaml'), 'utf8').replace('practices: [codeowners]', 'practices: [codeowners]\n    organisatonal: true');
    expect(validateSchema(parse(text))).toBe(false);
    expect(JSON.stringify(validateSchema.errors)).toContain('organisatonal');
  });

  it('a YAML syntax error names the file', () => {
    const error = loadBroken((t) => t.replace('settings:', 'settings: [\n'));
    expect(error.message).toMatch(/pci-dss-4\.0\.1\.yaml: /);
  });
});

describe('preset selection', () => {
  it('requires every catalog control that implements a practice of the presets, whatever its level', () => {
    const required = requiredControlIds(['pci-dss-4.0.1'], CATALOG);
    const [pci] = getPresets(['pci-dss-4.0.1']);
    const expected = CATALOG.filter((control) => pci!.requirements.some((r) => controlsForRequirement(r, [control]).length > 0)).map((c) => c.id);
    expect([...required].sort()).toEqual(expected.sort());
    expect(required.has('security-policy')).toBe(true);
    expect(required.has('sast')).toBe(true);
    expect(requiredControlIds([], CATALOG).size).toBe(0);
  });

  it('an unknown preset id is an error listing the valid ones', () => {
    expect(() => requiredControlIds(['pci-dss-3'], CATALOG)).toThrow(/unknown compliance preset "pci-dss-3" \(known: pci-dss-4\.0\.1, fedramp-moderate/);
  });

  it('merges settings by taking the maximum of each', () => {
    expect(presetSettings([])).toBeUndefined();
    expect(presetSettings(['soc2'])).toEqual({ minimumLevel: 2, artifactRetentionDays: 90, scanResultRetentionDays: 90, requiredReviewers: 1 });
    expect(presetSettings(['nist-ssdf-1.1', 'eu-cra'])!.scanResultRetentionDays).toBe(30);
    expect(presetSettings(['nist-ssdf-1.1', 'fedramp-high'])).toEqual({
      minimumLevel: 3,
      artifactRetentionDays: 90,
      scanResultRetentionDays: 90,
      requiredReviewers: 2,
    });
  });

  it('--list-presets text: one line per level and per preset', () => {
    const text = listPresetsText(CATALOG);
    const lines = text.trimEnd().split('\n');
    for (const id of PRESET_IDS) expect(lines.filter((l) => l.trimStart().startsWith(`${id} `))).toHaveLength(1);
    expect(lines.filter((l) => /^ {2}[123] {2}/.test(l))).toHaveLength(3);
    expect(text).toContain('1  sandbox');
    expect(text).toMatch(/pci-dss-4\.0\.1 +PCI DSS v4\.0\.1: \d+ of 50 requirements \(\d+%\) the repository can evidence at level 2; recommends level 2\+/);
    expect(listPresetsText()).toMatch(/soc2 +SOC 2 .*: 23 requirements, 6 organisational/);
  });
});

describe('no overclaimed mapping', () => {
  const preset = (id: string) => getPresets([id])[0]!;
  const requirement = (presetId: string, id: string) => preset(presetId).requirements.find((r) => r.id === id)!;

  // Requirements a generated file helps with but that plainly need the organisation too: each
  // carries a checklist, so none is reported as needing nothing from the organisation.
  it.each([
    ['eu-cra', 'I.2(d)'],
    ['eu-cra', 'I.2(e)'],
    ['iso27001-2022', '8.12'],
    ['soc2', 'CC6.7'],
    ['iso27001-2022', '5.25'],
    ['iso27001-2022', '5.26'],
    ['soc2', 'CC5.3'],
    ['fedramp-moderate', 'CM-7'],
    ['fedramp-high', 'CM-7'],
    ['iso27001-2022', '8.2'],
    ['iso27001-2022', '8.3'],
    ['pci-dss-4.0.1', '7.2.5'],
    ['fedramp-high', 'SI-2(3)'],
    ['fedramp-high', 'SA-11(1)'],
    ['fedramp-high', 'CM-5'],
    ['fedramp-high', 'SA-15'],
    ['fedramp-high', 'SR-5'],
  ])('%s %s needs the organisation as well', (presetId, id) => {
    expect(requirement(presetId, id).checklist.length).toBeGreaterThan(0);
  });

  it('every requirement evidenced by the branch ruleset tells the organisation to apply it', () => {
    for (const p of loadPresets()) {
      for (const r of p.requirements.filter((r) => r.practices.includes('branch-protection'))) {
        expect(r.checklist.join(' '), `${p.id} ${r.id}`).toMatch(/ruleset/);
      }
    }
  });

  it("Scorecard of one's own repository is not supplier due diligence", () => {
    const own = map.practices.scorecard!.maps;
    expect(own['nist-800-53r5']).not.toContain('SR-6');
    expect(own['nist-ssdf-1.1']).not.toContain('PW.4.4');
    expect(own['iso27001-2022']).not.toContain('5.21');
    expect(own['eu-cra']).not.toContain('Art.13(5)');
    expect(requirement('fedramp-high', 'SR-6').organisational).toBe(true);
  });

  it('licence requirements are claimed only when dependency review enforces a licence policy', () => {
    const template = readFileSync(path.join(import.meta.dirname, '../src/controls/dependency-review/templates/dependency-review.yml.ejs'), 'utf8');
    const enforcesLicences = /(allow|deny)-licenses:/.test(template);
    for (const [presetId, id] of [
      ['fedramp-moderate', 'CM-10'],
      ['fedramp-high', 'CM-10'],
      ['iso27001-2022', '5.32'],
    ] as const) {
      const r = requirement(presetId, id);
      expect(controlsForRequirement(r, CATALOG).some((c) => c.id === 'dependency-review'), `${presetId} ${id}`).toBe(enforcesLicences);
    }
  });
});
