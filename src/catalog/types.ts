import type { Level, PresetSettings, Profile } from '../model.js';
import type { RepoView } from '../evidence/repo-view.js';

/** One file a control renders from `templates/<template>`. */
export interface ControlOutput {
  path: string;
  template: string;
  data?: Record<string, unknown>;
}

/**
 * Everything a control may ask about the plan, computed once per run (src/engine/context.ts):
 * the profile, which controls are selected and the selected compliance presets' settings.
 * Templates ask "is release-signing selected?" (`has`), never "is the level at least 2?".
 */
export interface PlanContext {
  readonly profile: Profile;
  /** The selected controls, in catalog order. */
  readonly controls: readonly Control[];
  has(controlId: string): boolean;
  /** Whether a selected control implements a practice (data/compliance-map.json). */
  hasPractice(practice: string): boolean;
  /** The selected presets' settings merged (the strictest of each); undefined without presets. */
  readonly settings: PresetSettings | undefined;
}

/**
 * One security control: everything the generator, `check`, the compliance views and the docs
 * know about it lives in its own module under src/controls/.
 */
export interface Control {
  id: string;
  title: string;
  /** One paragraph for humans: what the control protects against. */
  why: string;
  /** Lowest maturity level that requires it (levels are cumulative). */
  level: Level;
  /** OSPS Baseline requirement ids the control implements (data/osps-baseline.json). */
  osps: string[];
  /** Practice ids in data/compliance-map.json; requirement mappings come from there. */
  practices: string[];
  /** Whether the control makes sense for this project (languages, artifacts). Default: always. */
  appliesTo?: (profile: Profile) => boolean;
  /** The files it renders. Controls that are properties of other files (e.g. pinning) render none. */
  outputs: (ctx: PlanContext) => ControlOutput[];
  /** Audits an existing repository for this control (`secure-cncf check`); reads, never writes. */
  evidence?: (repo: RepoView, ctx: PlanContext) => Evidence;
  /** The exact generator command or flag that writes this control, shown next to a gap. */
  fix?: string;
}

/** Outcome of auditing one control in an existing repository (`secure-cncf check`). */
export type EvidenceStatus = 'pass' | 'partial' | 'fail' | 'not-applicable';

/** A place in the repository that supports (or contradicts) a finding; line is 1-based. */
export interface EvidenceLocation {
  file: string;
  line?: number;
}

/** What `check` found for one control: a verdict, one sentence why, and where. */
export interface Evidence {
  status: EvidenceStatus;
  summary: string;
  locations: EvidenceLocation[];
  /** The work happens in a reusable workflow or composite action of another repository ("org/.github"). */
  delegatedTo?: string;
}

export type { RepoView };
