// The compliance annex (docs/compliance/annex.md): for every preset, each requirement and the
// catalog controls that address it, or the organisation's checklist. A view of presets/*.yaml,
// data/compliance-map.json and the catalog; test/compliance-annex.test.ts fails when the
// committed file is stale and rewrites it with UPDATE_ANNEX=1.
import { CATALOG } from '../catalog/index.js';
import type { Control } from '../catalog/types.js';
import { markdownCode, markdownText } from '../escape.js';
import { controlsForRequirement, loadPresets, type Preset } from '../presets.js';
import { loadComplianceMap } from './map.js';
import { controlsAtRecommendedLevel, headlineText, presetHeadline } from './headline.js';

export const ANNEX_PATH = 'docs/compliance/annex.md';
export const ANNEX_REGENERATE = 'UPDATE_ANNEX=1 npx vitest run test/compliance-annex.test.ts';

function cell(text: string): string {
  return markdownText(text).replace(/\r?\n/g, ' ');
}

function presetTable(preset: Preset, catalog: readonly Control[]): string[] {
  const practices = loadComplianceMap().practices;
  const lines = [
    '| Requirement | Paraphrased title | Controls (level) | Other practices, no control yet | The organisation |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const requirement of preset.requirements) {
    const controls = controlsForRequirement(requirement, catalog);
    const implemented = new Set(controls.flatMap((c) => c.practices));
    const others = requirement.practices.filter((p) => !implemented.has(p)).map((p) => markdownCode(p));
    const organisation = requirement.organisational
      ? `**organisational**: ${requirement.checklist.map(cell).join('; ')}`
      : requirement.checklist.map(cell).join('; ') || '—';
    lines.push(
      `| ${cell(requirement.id)} | ${cell(requirement.title)} | ${controls.map((c) => `${markdownCode(c.id)} (L${c.level})`).join(', ') || '—'} | ${others.join(', ') || '—'} | ${organisation} |`,
    );
  }
  return lines;
}

/** The annex as Markdown; deterministic for a given catalog, presets and compliance map. */
export function renderComplianceAnnex(catalog: readonly Control[] = CATALOG): string {
  const presets = loadPresets();
  const out: string[] = [
    '# Compliance annex',
    '',
    `<!-- Generated from presets/*.yaml, data/compliance-map.json and the control catalog. Do not edit; run: ${ANNEX_REGENERATE} -->`,
    '',
    'For each compliance preset: every requirement in scope, the catalog controls that help satisfy it',
    '(added by the preset whatever the maturity level, when they apply to the project), the mapped',
    'practices no control implements yet, and what the organisation must do itself. Controls provide',
    'evidence; they do not make a project compliant. Titles are paraphrases and the mapping is',
    'engineering judgement, not an official crosswalk or legal advice.',
    '',
    'The headline is the one `check`, `--list-presets` and the generated preset documents print: the',
    'share of all requirements in scope that the repository can evidence with the controls the preset',
    'brings at its recommended level, when every control applies to the project. It is not a',
    'compliance verdict.',
    '',
    '| Preset | Framework | Recommended level | Requirements the repository can evidence |',
    '| --- | --- | --- | --- |',
  ];
  for (const preset of presets) {
    const headline = headlineText(presetHeadline(preset, controlsAtRecommendedLevel(preset, catalog)));
    out.push(
      `| [${markdownCode(preset.id)}](#${preset.id.replace(/[^a-z0-9-]/g, '')}) | ${cell(preset.frameworkTitle)} | ${preset.settings.minimumLevel} | ${headline} |`,
    );
  }
  for (const preset of presets) {
    out.push('', `## ${preset.id}`, '', `${cell(preset.title)}. Framework ${markdownCode(preset.framework)}: ${cell(preset.frameworkTitle)}. Mapping reviewed ${preset.reviewed}.`, '');
    const s = preset.settings;
    out.push(
      `Settings, applied by the generated files: controls up to level ${s.minimumLevel}; ${s.requiredReviewers} approving review${s.requiredReviewers === 1 ? '' : 's'} in the default-branch ruleset; release workflow artifacts kept ${s.artifactRetentionDays} days; scan results kept as artifacts (Scorecard and container-scan SARIF, fuzzing crashes) ${s.scanResultRetentionDays} days.`,
      '',
    );
    out.push(...presetTable(preset, catalog));
  }
  return `${out.join('\n')}\n`;
}
