// docs/report/survey-results.{md,csv} are the output of `secure-cncf survey` over the synthetic
// corpus that scripts/survey-corpus.mjs builds; this re-runs the script in --check mode, which fails
// when the committed results differ. Regenerate with: node scripts/survey-corpus.mjs
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

describe('survey report', () => {
  it('docs/report/survey-results.{md,csv} match a fresh survey of the corpus', () => {
    const result = spawnSync(process.execPath, [path.join(packageRoot, 'scripts/survey-corpus.mjs'), '--check'], { cwd: packageRoot, encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  }, 180_000);
});
