// docs/compliance/annex.md is generated from the presets, the compliance map and the catalog;
// this fails when the committed copy is stale. Regenerate with:
//   UPDATE_ANNEX=1 npx vitest run test/compliance-annex.test.ts
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANNEX_PATH, ANNEX_REGENERATE, renderComplianceAnnex } from '../src/compliance/annex.js';
import { packageRoot } from '../src/paths.js';
import { loadPresets } from '../src/presets.js';

const file = path.join(packageRoot, ANNEX_PATH);

describe('compliance annex', () => {
  it('is rendered deterministically and names every requirement of every preset', () => {
    const annex = renderComplianceAnnex();
    expect(renderComplianceAnnex()).toBe(annex);
    for (const preset of loadPresets()) {
      expect(annex).toContain(`## ${preset.id}\n`);
      const section = annex.slice(annex.indexOf(`## ${preset.id}\n`)).split('\n## ')[0]!;
      const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Requirement') && !line.startsWith('| ---'));
      expect(rows).toHaveLength(preset.requirements.length);
    }
  });

  it(`${ANNEX_PATH} is up to date`, () => {
    const annex = renderComplianceAnnex();
    if (process.env.UPDATE_ANNEX) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, annex);
    }
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(committed === annex, `${ANNEX_PATH} is stale; regenerate it with: ${ANNEX_REGENERATE}`).toBe(true);
  });
});
