// An OSCAL 1.1.3 component definition of the project's generated controls, one control
// implementation per compliance preset. Each implemented requirement carries its
// implementation-status (partial when the organisation must also act), and its control-id resolves
// in `source`: the FedRAMP baseline profile (NIST SP 800-53) or, for frameworks without a public
// OSCAL catalog, a catalog of ours written next to it (src/compliance/catalog.ts).
// Deterministic so re-runs are byte-identical:
// - every uuid is a version-5 (name-based, SHA-1) UUID of a stable name (repository slug, preset,
//   requirement) under this tool's namespace;
// - `last-modified` is the generation time: the day the files were first generated (the date every
//   generated file uses, kept by re-runs), at 00:00:00Z;
// - `version` is a short hash of the document's content, so any change of content changes it.
import { createHash } from 'node:crypto';
import type { Profile } from '../model.js';
import type { Preset } from '../presets.js';
import type { PresetEvidence } from './evidence.js';
import { catalogHref } from './catalog.js';

/** Namespace of this tool's name-based UUIDs (a fixed random UUID; never change it). */
export const UUID_NAMESPACE = 'eecc6df3-78de-416f-afe5-ba985b0db07c';
export const OSCAL_VERSION = '1.1.3';

/** RFC 4122 version-5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The requirement id as an OSCAL token (letter first; letters, digits, ".", "-", "_"):
 * "nist" style follows the NIST OSCAL catalog (AC-6(1) -> ac-6.1); "plain" lower-cases,
 * turns "(x)" into ".x" and adds the preset's prefix (PCI 6.3.1 -> req-6.3.1).
 */
export function oscalControlId(preset: Pick<Preset, 'oscal'>, requirementId: string): string {
  const base = requirementId
    .toLowerCase()
    .replace(/\(([^)]+)\)/g, '.$1')
    .replace(/[^a-z0-9._-]+/g, '-');
  return `${preset.oscal.controlIdStyle === 'nist' ? '' : preset.oscal.controlIdPrefix}${base}`;
}

/** Location of the generated files, relative to the component definition's own directory. */
export const OSCAL_DIR = 'docs/security/compliance';
const toRepoRoot = OSCAL_DIR.split('/').map(() => '..').join('/');

export function componentDefinition(profile: Profile, evidence: readonly PresetEvidence[], generator: string): Record<string, unknown> {
  const slug = `${profile.answers.repository.owner}/${profile.answers.repository.name}`;
  const name = (...parts: string[]) => [slug, ...parts].join('#');
  const implementations = evidence
    .map(({ preset, requirements }) => ({
      uuid: uuidV5(name('control-implementation', preset.id)),
      source: preset.oscal.source ?? catalogHref(preset),
      description: `Evidence the files generated in ${slug} provide for ${preset.frameworkTitle}, as scoped by the ${preset.id} preset. Requirements the organisation meets on its own are listed in ${preset.id}.md, not here. Requirement titles are paraphrases; the mapping is engineering judgement, not an official crosswalk.`,
      'implemented-requirements': requirements
        .filter((r) => r.controls.length > 0)
        .map((r) => ({
          uuid: uuidV5(name('implemented-requirement', preset.id, r.requirement.id)),
          'control-id': oscalControlId(preset, r.requirement.id),
          description: `${preset.title} ${r.requirement.id}: ${r.requirement.title}. Evidence from: ${r.controls.map((c) => `${c.title} (${c.id})`).join('; ')}.`,
          // partial: the generated files provide evidence, and the organisation must also act.
          props: [{ name: 'implementation-status', value: r.status === 'covered' ? 'implemented' : 'partial' }],
          ...(r.files.length > 0
            ? { links: r.files.map((file) => ({ href: `${toRepoRoot}/${file}`, rel: 'reference', text: file })) }
            : {}),
          ...(r.requirement.checklist.length > 0
            ? { remarks: `The organisation must also: ${r.requirement.checklist.join('; ')}.` }
            : {}),
        })),
    }))
    .filter((implementation) => implementation['implemented-requirements'].length > 0);

  const lastModified = `${profile.date}T00:00:00Z`;
  const component = {
    uuid: uuidV5(name('component')),
    type: 'software',
    title: `${profile.answers.projectName} secure development controls`,
    description: `The CI workflows, policies and configuration ${generator} generated in ${slug}: what each one provides evidence for, per compliance preset.`,
    ...(implementations.length > 0 ? { 'control-implementations': implementations } : {}),
  };
  const version = createHash('sha256').update(JSON.stringify({ component, lastModified })).digest('hex').slice(0, 12);
  return {
    'component-definition': {
      uuid: uuidV5(name('component-definition')),
      metadata: {
        title: `${profile.answers.projectName}: compliance evidence of the generated secure development controls`,
        'last-modified': lastModified,
        version,
        'oscal-version': OSCAL_VERSION,
      },
      components: [component],
    },
  };
}
