// docs/guide/controls.md is generated from the catalog; this fails when the committed page is stale.
// Regenerate with: UPDATE_DOCS=1 npx vitest run test/docs/controls.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/index.js';
import { packageRoot } from '../../src/paths.js';
import { CONTROLS_PAGE, renderControlsPage } from './controls-reference.js';

const file = path.join(packageRoot, CONTROLS_PAGE);

describe('control reference page', () => {
  it('has a section for every control', async () => {
    const page = await renderControlsPage();
    for (const control of CATALOG) expect(page).toContain(`\n## ${control.id}\n`);
  });

  it(`${CONTROLS_PAGE} is up to date`, async () => {
    const page = await renderControlsPage();
    if (process.env.UPDATE_DOCS) writeFileSync(file, page);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(committed === page, `${CONTROLS_PAGE} is stale; regenerate it with: UPDATE_DOCS=1 npx vitest run test/docs/controls.test.ts`).toBe(true);
  });
});
