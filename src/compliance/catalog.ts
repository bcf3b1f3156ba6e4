// Small OSCAL catalogs of our own for frameworks that have no public OSCAL catalog (PCI DSS, SSDF,
// CRA, SOC 2, ISO 27001): each requirement id with its paraphrased title, the standard cited, and
// nothing of the standard's text. They ship in data/oscal/ (test/oscal.test.ts keeps them equal to
// what this module builds from data/compliance-map.json) and the generator copies the ones a
// project's presets need next to its component definition, so every control-id resolves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../paths.js';
import type { Preset } from '../presets.js';
import { loadComplianceMap } from './map.js';
import { OSCAL_VERSION, oscalControlId, uuidV5 } from './oscal-ids.js';

/** Where the shipped catalogs live in the package, and where the generator writes them. */
export const SHIPPED_CATALOG_DIR = path.join(dataDir, 'oscal');
export const CATALOG_SUBDIR = 'catalogs';

/** Presets whose requirements need a catalog of ours (no public OSCAL source configured). */
export function needsOwnCatalog(preset: Pick<Preset, 'oscal'>): boolean {
  return preset.oscal.source === undefined;
}

/** `catalogs/<framework>.json`, relative to the component definition. */
export function catalogHref(preset: Pick<Preset, 'framework'>): string {
  return `${CATALOG_SUBDIR}/${preset.framework}.json`;
}

/** The catalog of a preset's framework, built from the compliance map (ids in the preset's style). */
export function buildCatalog(preset: Pick<Preset, 'framework' | 'oscal' | 'reviewed'>): Record<string, unknown> {
  const framework = loadComplianceMap().frameworks[preset.framework];
  if (!framework) throw new Error(`unknown framework ${preset.framework}`);
  if (!framework.citation) throw new Error(`framework ${preset.framework} has no citation in data/compliance-map.json`);
  const name = (...parts: string[]) => ['catalog', preset.framework, ...parts].join('#');
  const resource = uuidV5(name('standard'));
  return {
    catalog: {
      uuid: uuidV5(name()),
      metadata: {
        title: `${framework.title}: requirement identifiers`,
        'last-modified': `${preset.reviewed}T00:00:00Z`,
        version: preset.reviewed,
        'oscal-version': OSCAL_VERSION,
        links: [{ href: `#${resource}`, rel: 'citation', text: framework.citation.text }],
        remarks: `Requirement identifiers of ${framework.title} with paraphrased titles, so that OSCAL documents can reference them. It does not reproduce the standard: read the requirements in the publication cited in back-matter.`,
      },
      controls: Object.entries(framework.requirements).map(([id, requirement]) => ({
        id: oscalControlId(preset, id),
        title: requirement.title,
        props: [{ name: 'label', value: id }],
      })),
      'back-matter': {
        resources: [
          {
            uuid: resource,
            title: framework.title,
            citation: { text: framework.citation.text },
            rlinks: [{ href: framework.citation.href }],
          },
        ],
      },
    },
  };
}

/** The shipped catalog of a preset's framework, as written into a project (2-space JSON). */
export function shippedCatalog(preset: Pick<Preset, 'framework'>): string {
  return readFileSync(path.join(SHIPPED_CATALOG_DIR, `${preset.framework}.json`), 'utf8');
}
