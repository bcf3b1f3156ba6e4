import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Answers, Ecosystem, Plan, Profile, RepoFacts } from '../../src/model.js';
import type { Control, PlanContext } from '../../src/catalog/types.js';
import { CATALOG } from '../../src/catalog/index.js';
import { CHECK_ACTION, makeCheckGate } from '../../src/controls/check-gate/control.js';
import { loadPins, type PinTable } from '../../src/pins.js';
import { buildProfile } from '../../src/profile.js';
import { planContext } from '../../src/engine/context.js';
import { createPlan } from '../../src/engine/plan.js';

export function emptyFacts(root = '/nonexistent'): RepoFacts {
  return { root, isEmpty: true, languages: [], manifests: {}, artifacts: [] };
}

export function answers(overrides: Partial<Answers> = {}): Answers {
  return {
    portal: (overrides.level ?? 1) >= 2,
    projectName: 'widget',
    repository: { owner: 'acme', name: 'widget' },
    languages: ['go'],
    level: 1,
    compliance: [],
    artifacts: ['binaries'],
    defaultBranch: 'main',
    ...overrides,
  };
}

/** The manifest a new project of each language starts with, as detection would report it. */
const STARTER_ECOSYSTEM: Record<Answers['languages'][number], Ecosystem | undefined> = {
  go: 'gomod',
  rust: 'cargo',
  python: 'pip',
  javascript: 'npm',
  'java-maven': 'maven',
  'java-gradle': 'gradle',
  cpp: undefined,
};

/**
 * What detection reports for a repository that already has the chosen languages' manifests at its
 * root, a Dockerfile when it releases images and a chart under charts/ when it releases charts.
 */
export function repoFacts(chosen: Pick<Answers, 'languages' | 'artifacts'>): RepoFacts {
  const manifests: RepoFacts['manifests'] = {};
  for (const language of chosen.languages) {
    const ecosystem = STARTER_ECOSYSTEM[language];
    if (ecosystem) manifests[ecosystem] = ['/'];
  }
  if (chosen.artifacts.includes('container-images')) manifests.docker = ['/'];
  if (chosen.artifacts.includes('helm-charts')) manifests.helm = ['/charts/widget'];
  return { root: '/nonexistent', isEmpty: false, languages: [...chosen.languages], manifests, artifacts: [...chosen.artifacts] };
}

/** Generation date used by tests, so golden files do not depend on the day they run. */
export const TEST_DATE = '2026-01-15';

/** The plan context of a profile, over the whole catalog (or another, e.g. `catalogWithCheckAction()`). */
export function contextOf(profile: Profile, catalog: readonly Control[] = CATALOG): PlanContext {
  return planContext(profile, catalog);
}

export async function planOf(profile: Profile, catalog: readonly Control[] = CATALOG): Promise<Plan> {
  return createPlan(contextOf(profile, catalog));
}

/** The plan for answers; the repository defaults to one that has every chosen manifest (repoFacts). */
export async function planFor(overrides: Partial<Answers> = {}, facts?: RepoFacts, catalog: readonly Control[] = CATALOG): Promise<Plan> {
  const chosen = answers(overrides);
  return planOf(buildProfile(chosen, facts ?? repoFacts(chosen), TEST_DATE), catalog);
}

/** A stand-in release of the secure-cncf action (the shipped pin table records none yet). */
export const STAND_IN_CHECK_ACTION = { tag: 'v1.2.3', sha: 'a'.repeat(40) } as const;

/** The shipped pin table plus the stand-in release of the secure-cncf action. */
export function pinsWithCheckAction(): PinTable {
  const shipped = loadPins();
  const pin = { ...STAND_IN_CHECK_ACTION, kind: 'action', pinBy: 'sha', runsUsing: 'node24' } as const;
  return { ...shipped, actions: { ...shipped.actions, [CHECK_ACTION]: pin } };
}

/** The catalog as it will be once a release of the action is pinned: the check gate is generated. */
export function catalogWithCheckAction(): Control[] {
  const gate = makeCheckGate(pinsWithCheckAction);
  return CATALOG.map((control) => (control.id === gate.id ? gate : control));
}

/** A temporary directory populated with files (path -> content); removed by the returned cleanup. */
export function tempRepo(files: Record<string, string> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
