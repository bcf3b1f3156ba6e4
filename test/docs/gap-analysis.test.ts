// docs/compliance/gap-analysis-template.md is generated from the presets' organisational checklists.
// Regenerate with: UPDATE_DOCS=1 npx vitest run test/docs/gap-analysis.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../src/presets.js';
import { packageRoot } from '../../src/paths.js';
import { GAP_TEMPLATE, renderGapAnalysisTemplate } from './gap-analysis.js';

const file = path.join(packageRoot, GAP_TEMPLATE);

describe('gap-analysis template', () => {
  it('has one row per checklist item of every preset', () => {
    const template = renderGapAnalysisTemplate();
    for (const preset of loadPresets()) {
      const section = template.slice(template.indexOf(`\n## ${preset.id}\n`)).split('\n## ')[1]!;
      const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Requirement') && !line.startsWith('| ---'));
      expect(rows).toHaveLength(preset.requirements.reduce((n, r) => n + r.checklist.length, 0));
      for (const requirement of preset.requirements.filter((r) => r.organisational)) {
        expect(section).toContain(`| ${requirement.id} **organisational** |`);
      }
    }
  });

  it(`${GAP_TEMPLATE} is up to date`, () => {
    const template = renderGapAnalysisTemplate();
    if (process.env.UPDATE_DOCS) writeFileSync(file, template);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(committed === template, `${GAP_TEMPLATE} is stale; regenerate it with: UPDATE_DOCS=1 npx vitest run test/docs/gap-analysis.test.ts`).toBe(true);
  });
});
