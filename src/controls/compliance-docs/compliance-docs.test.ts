// compliance-docs: one Markdown mapping per selected preset plus an OSCAL 1.1.3 component
// definition that validates against the official schema, lists only real files of the plan,
// never marks an organisational requirement as covered, and is byte-identical on re-runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { findControl } from '../../catalog/index.js';
import type { Plan } from '../../model.js';
import { getPresets, PRESET_IDS } from '../../presets.js';
import { uuidV5 } from '../../compliance/oscal.js';
import { markdownText } from '../../escape.js';
import { planFor, TEST_DATE } from '../../../test/helpers/generate.js';
import { schemaValidator } from '../../../test/helpers/validators.js';

const DIR = 'docs/security/compliance';
const OSCAL = `${DIR}/oscal-component-definition.json`;

function file(plan: Plan, path: string): string {
  const found = plan.files.find((f) => f.path === path);
  expect(found, path).toBeDefined();
  return found!.content;
}

function oscalErrors(json: string): string[] {
  const validate = schemaValidator('oscal-complete-1.1.3.json');
  return validate(JSON.parse(json)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Headings "### <id>: <title>" of a preset mapping, as requirement ids. */
function headingIds(markdown: string): string[] {
  return [...markdown.matchAll(/^### (.+?): /gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

/** The section of one requirement, up to the next heading. */
function section(markdown: string, id: string): string {
  const start = markdown.indexOf(`### ${id}: `);
  expect(start, id).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n### ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('compliance-docs control', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await planFor({ level: 1, compliance: ['pci-dss-4.0.1', 'fedramp-high'] });
  });

  it('is a level-1 control that applies only when compliance presets are selected', async () => {
    const control = findControl('compliance-docs');
    expect(control?.level).toBe(1);
    const none = await planFor({ level: 1, compliance: [] });
    expect(none.files.filter((f) => f.path.startsWith(DIR))).toEqual([]);
    expect(plan.files.filter((f) => f.path.startsWith(DIR)).map((f) => f.path)).toEqual([
      `${DIR}/catalogs/pci-dss-4.0.1.json`,
      `${DIR}/fedramp-high.md`,
      OSCAL,
      `${DIR}/pci-dss-4.0.1.md`,
    ]);
  });

  it('lists every requirement of each preset, with its paraphrased title, once', () => {
    for (const preset of getPresets(['pci-dss-4.0.1', 'fedramp-high'])) {
      const markdown = file(plan, `${DIR}/${preset.id}.md`);
      expect(headingIds(markdown)).toEqual(preset.requirements.map((r) => r.id));
      for (const requirement of preset.requirements) {
        expect(section(markdown, requirement.id)).toContain(markdownText(requirement.title));
      }
    }
  });

  it('names only controls and files that are in the plan, and the checklist where the organisation must act', () => {
    const markdown = file(plan, `${DIR}/pci-dss-4.0.1.md`);
    const planned = new Set(plan.files.map((f) => f.path));
    for (const match of markdown.matchAll(/^- Files: (.*)$/gm)) {
      for (const path of match[1]!.split(', ')) expect(planned.has(path.replace(/^`|`$/g, '')), path).toBe(true);
    }
    const plannedControls = new Set(plan.files.flatMap((f) => f.controls));
    for (const match of markdown.matchAll(/\(`([a-z0-9-]+)`\)/g)) {
      if (!plannedControls.has(match[1]!)) expect(['pinned-actions', 'workflow-permissions']).toContain(match[1]); // properties of the workflows
    }
    // Organisational: no controls, the organisation's checklist, never "supported by generated files".
    const waf = section(markdown, '6.4.2');
    expect(waf).toContain("_The organisation’s own responsibility._");
    expect(waf).not.toContain('- Controls:');
    expect(waf).toContain('- [ ] Put an automated solution');
    // Shared: the control and the file, plus what is left to the organisation.
    const patches = section(markdown, '6.3.3');
    expect(patches).toContain('(`dependency-updates`)');
    expect(patches).toContain('`.github/dependabot.yml`');
    expect(patches).toContain('- [ ] Install critical security patches within one month');
    expect(markdown).toContain('provide evidence for');
  });

  it('the OSCAL component definition validates against the OSCAL 1.1.3 schema', () => {
    const json = file(plan, OSCAL);
    expect(oscalErrors(json)).toEqual([]);
    const doc = JSON.parse(json)['component-definition'];
    expect(doc.metadata['oscal-version']).toBe('1.1.3');
    // last-modified is the generation time (the generation date every generated file uses).
    expect(doc.metadata['last-modified']).toBe(`${TEST_DATE}T00:00:00Z`);
    const implementations = doc.components[0]['control-implementations'];
    expect(implementations.map((i: { source: string }) => i.source)).toEqual([
      'catalogs/pci-dss-4.0.1.json',
      'https://raw.githubusercontent.com/GSA/fedramp-automation/c784140bc6d1ac9fa159aabc0e8a29e9aa2c63a9/dist/content/rev5/baselines/json/FedRAMP_rev5_HIGH-baseline_profile.json',
    ]);
    const fedramp = implementations[1]['implemented-requirements'].map((r: { 'control-id': string }) => r['control-id']);
    expect(fedramp).toContain('ra-5');
    expect(fedramp).toContain('ia-5.7');
    // Organisational requirements are not claimed as implemented by the component.
    const pci = implementations[0]['implemented-requirements'].map((r: { 'control-id': string }) => r['control-id']);
    expect(pci).not.toContain('req-6.4.2');
    expect(pci).toContain('req-6.3.3');
    const uuids = [...json.matchAll(/"uuid": "([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('is byte-identical on a re-run', async () => {
    const again = await planFor({ level: 1, compliance: ['pci-dss-4.0.1', 'fedramp-high'] });
    for (const f of plan.files.filter((f) => f.path.startsWith(DIR))) expect(file(again, f.path), f.path).toBe(f.content);
  });

  it('every preset together, at level 3: valid OSCAL, one mapping per preset', async () => {
    const all = await planFor({ level: 3, compliance: [...PRESET_IDS], languages: ['go', 'python'], artifacts: ['binaries', 'container-images'] });
    expect(oscalErrors(file(all, OSCAL))).toEqual([]);
    for (const id of PRESET_IDS) expect(file(all, `${DIR}/${id}.md`)).toContain('## Requirements');
    const doc = JSON.parse(file(all, OSCAL))['component-definition'];
    expect(doc.components[0]['control-implementations']).toHaveLength(PRESET_IDS.length);
  });

  it('escapes user-supplied values for Markdown and JSON', async () => {
    const odd = await planFor({ level: 1, compliance: ['soc2'], projectName: 'w_*[x]"y' });
    expect(file(odd, `${DIR}/soc2.md`)).toContain('make w\\_\\*\\[x\\]"y or its maintainers compliant');
    const json = file(odd, OSCAL);
    expect(oscalErrors(json)).toEqual([]);
    expect(JSON.parse(json)['component-definition'].components[0].title).toBe('w_*[x]"y secure development controls');
  });

  it('derives RFC 4122 version-5 UUIDs, different per repository', async () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const other = await planFor({ level: 1, compliance: ['pci-dss-4.0.1', 'fedramp-high'], repository: { owner: 'acme', name: 'gadget' } });
    const uuid = (p: Plan) => JSON.parse(file(p, OSCAL))['component-definition'].uuid;
    expect(uuid(other)).not.toBe(uuid(plan));
  });
});
