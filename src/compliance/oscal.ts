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
import type { PresetEvidence } from './evidence.js';
import { catalogHref } from './catalog.js';

export { OSCAL_VERSION, oscalControlId, UUID_NAMESPACE, uuidV5 } from './oscal-ids.js';
import { OSCAL_VERSION, oscalControlId, uuidV5 } from './oscal-ids.js';

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
