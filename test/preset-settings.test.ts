// Preset settings are applied, not only promised: every setting the preset schema declares changes
// what the generator writes, and the values land where the presets say (approving reviews in the
// ruleset, retention-days of evidence and scan-result artifacts). A setting no control reads fails
// the first test: implement it in a control or remove it from the schema and the presets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATALOG } from '../src/catalog/index.js';
import { planContext } from '../src/engine/context.js';
import { createPlan } from '../src/engine/plan.js';
import type { Plan, PresetSettings } from '../src/model.js';
import { buildProfile } from '../src/profile.js';
import { loadPresets, presetSettings } from '../src/presets.js';
import { presetsDir } from '../src/paths.js';
import { STATE_FILE } from '../src/state.js';
import { answers, repoFacts, TEST_DATE } from './helpers/generate.js';

const schema = JSON.parse(readFileSync(path.join(presetsDir, 'preset.schema.json'), 'utf8'));
const SETTING_KEYS: string[] = schema.properties.settings.required;

// Every language and artifact whose controls could read a setting, below the highest level so that
// a higher minimumLevel can add controls.
const chosen = answers({
  level: 1,
  languages: ['go', 'python', 'rust'],
  artifacts: ['binaries', 'container-images', 'helm-charts'],
  compliance: ['fedramp-moderate'],
});
const profile = buildProfile(chosen, repoFacts(chosen), TEST_DATE);

async function planWith(settings: PresetSettings): Promise<Map<string, string>> {
  const plan: Plan = await createPlan(planContext(profile, CATALOG, settings));
  return new Map(plan.files.filter((f) => f.path !== STATE_FILE).map((f) => [f.path, f.content]));
}

function changedFiles(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

/** retention-days of every upload-artifact step of a workflow. */
function retention(workflow: string): number[] {
  const doc = parse(workflow) as { jobs: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
  return Object.values(doc.jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses?.startsWith('actions/upload-artifact@'))
    .map((step) => Number(step.with?.['retention-days']));
}

describe('preset settings', () => {
  const base = presetSettings(['fedramp-moderate'])!;

  it('the schema and every preset declare the same settings', () => {
    expect(SETTING_KEYS.length).toBeGreaterThan(0);
    for (const preset of loadPresets()) expect(Object.keys(preset.settings).sort(), preset.id).toEqual([...SETTING_KEYS].sort());
  });

  it.each(SETTING_KEYS)('a control reads %s: changing it changes the generated files', async (key) => {
    const before = await planWith(base);
    const bumped = { ...base, [key]: key === 'minimumLevel' ? 3 : (base[key as keyof PresetSettings] as number) + 7 } as PresetSettings;
    expect(bumped[key as keyof PresetSettings]).not.toBe(base[key as keyof PresetSettings]);
    const after = await planWith(bumped);
    expect(changedFiles(before, after), `no generated file depends on settings.${key}`).not.toEqual([]);
  });

  it('the values land where the presets say', async () => {
    const files = await planWith({ minimumLevel: 3, artifactRetentionDays: 41, scanResultRetentionDays: 37, requiredReviewers: 2 });
    const ruleset = JSON.parse(files.get('.github/rulesets/default-branch.json')!);
    const review = ruleset.rules.find((r: { type: string }) => r.type === 'pull_request');
    expect(review.parameters.required_approving_review_count).toBe(2);

    const release = retention(files.get('.github/workflows/release.yml')!);
    expect(release.length).toBeGreaterThan(0);
    expect(new Set(release)).toEqual(new Set([41]));
    for (const scan of ['.github/workflows/scorecard.yml', '.github/workflows/fuzzing.yml', '.github/workflows/container-scan.yml']) {
      const days = retention(files.get(scan)!);
      expect(days.length, scan).toBeGreaterThan(0);
      expect(new Set(days), scan).toEqual(new Set([37]));
    }
  });

  it('fedramp-high: two approving reviews and 90-day retention in the generated files', async () => {
    const high = answers({ ...chosen, compliance: ['fedramp-high'] });
    const plan = await createPlan(planContext(buildProfile(high, repoFacts(high), TEST_DATE), CATALOG));
    const get = (p: string) => plan.files.find((f) => f.path === p)!.content;
    const review = JSON.parse(get('.github/rulesets/default-branch.json')).rules.find((r: { type: string }) => r.type === 'pull_request');
    expect(review.parameters.required_approving_review_count).toBe(2);
    for (const workflow of plan.files.filter((f) => f.path.startsWith('.github/workflows/'))) {
      for (const days of retention(workflow.content)) expect(days, workflow.path).toBe(90);
    }
  });

  it('without a preset, the short defaults stay', async () => {
    const plain = answers({ ...chosen, level: 3, compliance: [] });
    const plan = await createPlan(planContext(buildProfile(plain, repoFacts(plain), TEST_DATE), CATALOG));
    const get = (p: string) => plan.files.find((f) => f.path === p)!.content;
    expect(new Set(retention(get('.github/workflows/release.yml')))).toEqual(new Set([5]));
    expect(retention(get('.github/workflows/container-scan.yml'))).toEqual([]);
  });
});
