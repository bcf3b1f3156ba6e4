// Each maturity level is a strict superset of the one below: every file, workflow job and step
// at level n is still there at level n+1.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LANGUAGES, type Artifact } from '../src/model.js';
import { planFor } from './helpers/generate.js';

const ARTIFACTS: Artifact[] = ['binaries', 'container-images', 'helm-charts', 'libraries'];

function jobsAndSteps(content: string): string[] {
  const workflow = parse(content) as { jobs?: Record<string, { steps?: Array<{ name?: string; uses?: string }> }> };
  return Object.entries(workflow.jobs ?? {}).flatMap(([id, job]) => [id, ...(job.steps ?? []).map((s) => `${id}/${s.name ?? s.uses}`)]);
}

describe.each(LANGUAGES)('levels for %s', (language) => {
  it('level 1 ⊂ level 2 ⊂ level 3 (files, jobs and steps)', async () => {
    const plans = await Promise.all(([1, 2, 3] as const).map((level) => planFor({ languages: [language], level, artifacts: ARTIFACTS })));
    for (let i = 0; i < 2; i++) {
      const lower = plans[i]!;
      const higher = plans[i + 1]!;
      const higherPaths = new Set(higher.files.map((f) => f.path));
      expect(higher.files.length, `level ${i + 2} adds files`).toBeGreaterThan(lower.files.length);
      for (const file of lower.files) {
        expect(higherPaths.has(file.path), `${file.path} kept at level ${i + 2}`).toBe(true);
        if (file.path.startsWith('.github/workflows/')) {
          const above = new Set(jobsAndSteps(higher.files.find((f) => f.path === file.path)!.content));
          for (const entry of jobsAndSteps(file.content)) expect(above.has(entry), `${file.path}: ${entry} at level ${i + 2}`).toBe(true);
        }
      }
    }
  });
});
