// OSCAL output tools can resolve: the component definition and the catalogs we ship validate
// against NIST's OSCAL 1.1.3 JSON schema (the complete schema of the v1.1.3 release, vendored in
// data/schemas/), each implemented requirement carries its implementation-status, and every
// control-id resolves in its control implementation's source. The shipped catalogs are what
// src/compliance/catalog.ts builds from data/compliance-map.json; regenerate them with
// UPDATE_OSCAL=1 npx vitest run test/oscal.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, needsOwnCatalog, SHIPPED_CATALOG_DIR } from '../src/compliance/catalog.js';
import { loadComplianceMap } from '../src/compliance/map.js';
import { OSCAL_VERSION, oscalControlId } from '../src/compliance/oscal.js';
import type { Plan } from '../src/model.js';
import { loadPresets, PRESET_IDS } from '../src/presets.js';
import { planFor, TEST_DATE } from './helpers/generate.js';
import { schemaValidator } from './helpers/validators.js';

const DIR = 'docs/security/compliance';

function oscalErrors(document: unknown): string[] {
  const validate = schemaValidator('oscal-complete-1.1.3.json');
  return validate(document) ? [] : (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

const own = [...new Map(loadPresets().filter(needsOwnCatalog).map((p) => [p.framework, p])).values()];

describe('shipped OSCAL catalogs', () => {
  it('one per framework without a public OSCAL catalog', () => {
    expect(own.map((p) => p.framework).sort()).toEqual(['eu-cra', 'iso27001-2022', 'nist-ssdf-1.1', 'pci-dss-4.0.1', 'soc2']);
  });

  it.each(own)('$framework: up to date, valid OSCAL, IDs and titles only', (preset) => {
    const framework = preset.framework;
    const file = path.join(SHIPPED_CATALOG_DIR, `${framework}.json`);
    const built = `${JSON.stringify(buildCatalog(preset), null, 2)}\n`;
    if (process.env.UPDATE_OSCAL) {
      mkdirSync(SHIPPED_CATALOG_DIR, { recursive: true });
      writeFileSync(file, built);
    }
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '', `${file} is stale; run UPDATE_OSCAL=1 npx vitest run test/oscal.test.ts`).toBe(built);
    const catalog = JSON.parse(built);
    expect(oscalErrors(catalog)).toEqual([]);
    expect(catalog.catalog.metadata['oscal-version']).toBe(OSCAL_VERSION);
    // IDs and titles only, with the standard cited.
    for (const control of catalog.catalog.controls) expect(Object.keys(control).sort()).toEqual(['id', 'props', 'title']);
    expect(catalog.catalog['back-matter'].resources[0].citation.text).toMatch(/\S/);
    expect(catalog.catalog['back-matter'].resources[0].rlinks[0].href).toMatch(/^https:\/\//);
    // Control ids are unique, and the citation link resolves to the back-matter resource.
    const ids = catalog.catalog.controls.map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(catalog.catalog.metadata.links[0].href).toBe(`#${catalog.catalog['back-matter'].resources[0].uuid}`);
  });
});

describe('OSCAL component definition', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await planFor({ level: 3, languages: ['go'], artifacts: ['binaries', 'container-images'], compliance: [...PRESET_IDS] });
  });
  const file = (p: string) => plan.files.find((f) => f.path === p)?.content;

  it(`validates against the OSCAL ${OSCAL_VERSION} schema, last-modified is the generation time`, () => {
    const document = JSON.parse(file(`${DIR}/oscal-component-definition.json`)!);
    expect(oscalErrors(document)).toEqual([]);
    // The validator rejects what OSCAL 1.1 does not allow (it is not a validator that cannot fail).
    const broken = structuredClone(document);
    broken['component-definition'].components[0]['control-implementations'][0]['implemented-requirements'][0].status = 'partial';
    expect(oscalErrors(broken)).not.toEqual([]);
    expect(document['component-definition'].metadata['oscal-version']).toBe('1.1.3');
    expect(document['component-definition'].metadata['last-modified']).toBe(`${TEST_DATE}T00:00:00Z`);
  });

  it('every implemented requirement has an implementation-status, and every control-id resolves in its source', () => {
    const document = JSON.parse(file(`${DIR}/oscal-component-definition.json`)!);
    const implementations = document['component-definition'].components[0]['control-implementations'] as Array<{
      source: string;
      'implemented-requirements': Array<{ 'control-id': string; props?: Array<{ name: string; value: string }> }>;
    }>;
    expect(implementations).toHaveLength(PRESET_IDS.length);
    const statuses = new Set<string>();
    for (const implementation of implementations) {
      let ids: Set<string>;
      if (/^https:\/\/raw\.githubusercontent\.com\/GSA\/fedramp-automation\/[0-9a-f]{40}\//.test(implementation.source)) {
        // The FedRAMP baseline profile selects these NIST SP 800-53 controls, ids as NIST writes them.
        const baseline = /_HIGH-baseline/.test(implementation.source) ? 'high' : 'moderate';
        const nist = loadComplianceMap().frameworks['nist-800-53r5']!.requirements;
        ids = new Set(Object.entries(nist).filter(([, r]) => r.fedramp?.includes(baseline)).map(([id]) => oscalControlId({ oscal: { controlIdStyle: 'nist', controlIdPrefix: '' } }, id)));
      } else {
        expect(implementation.source).toMatch(/^catalogs\/[a-z0-9.-]+\.json$/);
        const catalog = file(`${DIR}/${implementation.source}`);
        expect(catalog, implementation.source).toBeDefined();
        ids = new Set(JSON.parse(catalog!).catalog.controls.map((c: { id: string }) => c.id));
      }
      for (const requirement of implementation['implemented-requirements']) {
        expect(ids.has(requirement['control-id']), `${implementation.source} ${requirement['control-id']}`).toBe(true);
        const status = requirement.props?.find((p) => p.name === 'implementation-status')?.value;
        expect(['implemented', 'partial']).toContain(status);
        statuses.add(status!);
      }
    }
    expect(statuses.has('partial')).toBe(true);
  });

  it('the catalogs written into the project are the shipped ones', () => {
    for (const preset of own) {
      const written = file(`${DIR}/catalogs/${preset.framework}.json`);
      expect(written, preset.framework).toBe(readFileSync(path.join(SHIPPED_CATALOG_DIR, `${preset.framework}.json`), 'utf8'));
    }
  });
});
