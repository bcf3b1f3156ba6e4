import type { Control, PlanContext } from '../../catalog/types.js';
import { presetEvidence, type PresetEvidence } from '../../compliance/evidence.js';
import { componentDefinition, OSCAL_DIR, OSCAL_VERSION } from '../../compliance/oscal.js';
import { headlineText, presetHeadline } from '../../compliance/headline.js';
import { catalogHref, needsOwnCatalog, shippedCatalog } from '../../compliance/catalog.js';
import { getPresets } from '../../presets.js';
import { LEVEL_NAMES } from '../../model.js';
import { generatorInfo } from '../../version.js';
import { evidence } from './evidence.js';

/** Where the selected presets' merged settings landed in the generated files, for the mapping page. */
function appliedSettings(ctx: PlanContext): string[] {
  const settings = ctx.settings;
  if (!settings) return [];
  const lines: string[] = [];
  if (ctx.has('branch-ruleset')) {
    lines.push(`${settings.requiredReviewers} approving review${settings.requiredReviewers === 1 ? '' : 's'} required by \`.github/rulesets/default-branch.json\` (once the ruleset is imported)`);
  }
  if (ctx.has('release-signing')) lines.push(`release workflow artifacts kept at least ${settings.artifactRetentionDays} days (the lasting copies are the release assets)`);
  const scans = ['scorecard', 'container-scanning', 'fuzzing'].filter((id) => ctx.has(id));
  if (scans.length > 0) lines.push(`scan results kept as workflow artifacts at least ${settings.scanResultRetentionDays} days (${scans.join(', ')})`);
  return lines;
}

export const complianceDocs: Control = {
  id: 'compliance-docs',
  title: 'Compliance mapping of the generated controls',
  why: 'Auditors and downstream users need to see which requirement each generated file supports and what the organisation still has to do itself; a machine-readable OSCAL component definition lets GRC tools import the same mapping.',
  level: 1,
  osps: [],
  practices: [],
  appliesTo: (profile) => profile.answers.compliance.length > 0,
  // The evidence is computed when the templates render, not in outputs(): other controls (the
  // branch ruleset) call every control's outputs() to find workflow paths, and this control needs
  // every control's outputs() for its evidence; computing it eagerly would recurse forever.
  outputs: (ctx) => {
    const { profile } = ctx;
    let cached: PresetEvidence[] | undefined;
    const evidencing = ctx.controls.filter((control) => control.id !== 'compliance-docs');
    const loadEvidence = () => (cached ??= presetEvidence(ctx, evidencing));
    const generator = generatorInfo().name;
    const repoSlug = `${profile.answers.repository.owner}/${profile.answers.repository.name}`;
    return [
      ...profile.answers.compliance.map((presetId) => ({
        path: `${OSCAL_DIR}/${presetId}.md`,
        template: 'compliance-docs/preset.md.ejs',
        data: {
          evidence: () => loadEvidence().find((e) => e.preset.id === presetId)!,
          // The same number as `check` and --list-presets (src/compliance/headline.ts).
          headline: () => {
            const preset = loadEvidence().find((e) => e.preset.id === presetId)!.preset;
            const headline = presetHeadline(preset, evidencing);
            return { ...headline, text: headlineText(headline) };
          },
          projectName: profile.answers.projectName,
          repoSlug,
          generator,
          oscalVersion: OSCAL_VERSION,
          applied: appliedSettings(ctx),
          level: profile.answers.level,
          levelName: LEVEL_NAMES[profile.answers.level],
        },
      })),
      // Catalogs of ours for frameworks without a public OSCAL catalog, so every control-id resolves.
      ...[...new Map(getPresets(profile.answers.compliance).filter(needsOwnCatalog).map((p) => [p.framework, p])).values()].map((preset) => ({
        path: `${OSCAL_DIR}/${catalogHref(preset)}`,
        template: 'compliance-docs/oscal-catalog.json.ejs',
        data: { document: () => shippedCatalog(preset) },
      })),
      {
        path: `${OSCAL_DIR}/oscal-component-definition.json`,
        template: 'compliance-docs/oscal-component-definition.json.ejs',
        data: { document: () => JSON.stringify(componentDefinition(profile, loadEvidence(), generator), null, 2) },
      },
    ];
  },
  evidence,
  fix: 'npx create-secure-cncf --compliance <preset> (presets: npx create-secure-cncf --list-presets)',
};
