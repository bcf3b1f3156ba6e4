// Renders docs/compliance/gap-analysis-template.md from the organisational checklists of
// presets/*.yaml: every requirement with something the organisation must do itself, one row per
// checklist item, with blank columns a team fills in. test/docs/gap-analysis.test.ts keeps the
// committed template in step with the presets (UPDATE_DOCS=1 rewrites it).
import { CATALOG } from '../../src/catalog/index.js';
import { markdownText } from '../../src/escape.js';
import { controlsForRequirement, loadPresets } from '../../src/presets.js';

export const GAP_TEMPLATE = 'docs/compliance/gap-analysis-template.md';

const cell = (text: string) => markdownText(text).replace(/\r?\n/g, ' ');

export function renderGapAnalysisTemplate(): string {
  const presets = loadPresets();
  const lines = [
    '# Gap analysis: organisational controls',
    '',
    '<!-- Generated from the checklists in presets/*.yaml. Do not edit this copy; run: UPDATE_DOCS=1 npx vitest run test/docs/gap-analysis.test.ts -->',
    '',
    'Copy this file into your own repository or document system and fill it in. It lists, for each',
    'compliance preset, every requirement where the organisation has work of its own — the items no',
    'generated file can do. How to use it: [README](README.md#gap-analysis).',
    '',
    '## About this assessment',
    '',
    '| | |',
    '| --- | --- |',
    '| Project / product | |',
    '| Repository | |',
    '| Presets in scope | |',
    '| secure-cncf level (target / achieved by `secure-cncf check`) | |',
    '| Assessed by, date | |',
    '| Next review | |',
    '',
    'Status values: `not started`, `in progress`, `done`, `not applicable` (give the reason in Notes).',
    'Evidence is a link or document reference an assessor can follow: a policy, a record, a ticket.',
    '',
    '## Presets',
    '',
  ];
  for (const preset of presets) lines.push(`- [\`${preset.id}\`](#${preset.id.replace(/\./g, '')}): ${cell(preset.frameworkTitle)}`);
  for (const preset of presets) {
    const rows = preset.requirements.filter((requirement) => requirement.checklist.length > 0);
    lines.push(
      '',
      `## ${preset.id}`,
      '',
      `${cell(preset.frameworkTitle)}. Delete this section if the preset is not in scope. Requirements marked **organisational** have no generated control at all; for the others, the controls named provide part of the evidence (see the [annex](annex.md#${preset.id.replace(/\./g, '')})).`,
      '',
      '| Requirement | Controls that help | What the organisation does | Owner | Status | Evidence | Notes |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const requirement of rows) {
      const controls = controlsForRequirement(requirement, CATALOG).map((c) => `\`${c.id}\``).join(', ');
      requirement.checklist.forEach((item, index) => {
        const id = index === 0 ? `${cell(requirement.id)}${requirement.organisational ? ' **organisational**' : ''}` : '〃';
        lines.push(`| ${id} | ${index === 0 ? controls || '—' : ''} | ${cell(item)} | | | | |`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
