// This repository follows its own advice at level 3: its workflows and security files are the
// generator's own output for the answers in .secure-cncf.json. A template or pin change that is
// not re-applied here (`node dist/bin.js upgrade --yes` after `npm run build`) fails this test.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contextFor, openSession } from '../src/engine/session.js';
import { createPlan } from '../src/engine/plan.js';
import { STATE_FILE } from '../src/state.js';
import { runCheck } from '../src/check/run.js';

const root = path.resolve(import.meta.dirname, '..');

describe('self-hosting', () => {
  it('every generated file in this repository is what the current generator writes', async () => {
    const session = await openSession(root);
    expect(session.facts.stored, 'this repository keeps its answers in .secure-cncf.json').toBeDefined();
    const plan = await createPlan(contextFor(session, session.facts.stored!.answers));
    const files = plan.files.filter((f) => f.path !== STATE_FILE);
    expect(files.filter((f) => f.path.startsWith('.github/workflows/')).length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      expect(readFileSync(path.join(root, file.path), 'utf8'), `${file.path} drifted from the generator's output`).toBe(file.content);
    }
  });

  it('passes its own check at level 3', async () => {
    const { report } = await runCheck({ directory: root, level: '3' });
    expect(report.gaps).toEqual([]);
    expect(report.achievedLevel).toBe(3);
    expect(report.targetMet).toBe(true);
  });
});
