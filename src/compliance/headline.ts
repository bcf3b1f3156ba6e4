// The one definition of the compliance headline number that `check`, `--list-presets`, the preset
// documents and the annex print: of ALL the requirements in scope, how many the repository can
// evidence (at least one control implementing a mapped practice provides evidence). It is a share of
// requirements with evidence, never a compliance verdict: the organisation's own measures are needed
// for the rest, and for most of the evidenced ones as well.
import type { Control } from '../catalog/types.js';
import type { Level } from '../model.js';

export interface HeadlineRequirement {
  id: string;
  /** Practice ids that help satisfy the requirement (empty: the organisation's alone). */
  practices: readonly string[];
}

export interface Headline {
  /** Every requirement in scope, organisational ones included. */
  total: number;
  /** Requirements at least one evidencing control implements a practice of. */
  evidenced: number;
  /** evidenced / total, rounded to a whole percent. */
  percent: number;
  /** Ids of the evidenced requirements, in scope order. */
  evidencedIds: string[];
}

export function complianceHeadline(requirements: readonly HeadlineRequirement[], practices: ReadonlySet<string>): Headline {
  const evidencedIds = requirements.filter((r) => r.practices.some((p) => practices.has(p))).map((r) => r.id);
  const total = requirements.length;
  return { total, evidenced: evidencedIds.length, percent: sharePercent(evidencedIds.length, total), evidencedIds };
}

/** A share as a whole percent (0 when there is nothing in scope). */
export function sharePercent(evidenced: number, total: number): number {
  return total === 0 ? 0 : Math.round((evidenced / total) * 100);
}

/** The headline of a preset, given the controls that provide evidence (generated, or passing `check`). */
export function presetHeadline(preset: { requirements: readonly HeadlineRequirement[] }, controls: readonly Control[]): Headline {
  return complianceHeadline(preset.requirements, new Set(controls.flatMap((control) => control.practices)));
}

/** "23 of 50 requirements (46%) the repository can evidence": the wording every view uses. */
export function headlineText(headline: Pick<Headline, 'evidenced' | 'total'>): string {
  return `${headline.evidenced} of ${headline.total} requirements (${sharePercent(headline.evidenced, headline.total)}%) the repository can evidence`;
}

/** The catalog controls a preset brings at its recommended level, when every control applies. */
export function controlsAtRecommendedLevel(preset: { settings: { minimumLevel: Level } }, catalog: readonly Control[]): Control[] {
  return catalog.filter((control) => control.level <= preset.settings.minimumLevel);
}
