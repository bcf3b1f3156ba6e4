import type { Level, PresetSettings, Profile } from '../model.js';
import type { RepoView } from '../evidence/repo-view.js';
import type { Evidence } from '../evidence/types.js';

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
  /**
   * Controls the level or presets ask for that this version of the tool cannot write yet (see
   * `Control.pending`), with the reason: left out of `controls`, reported by the generator.
   */
  readonly pending: readonly PendingControl[];
  /**
   * Retrofit only: controls whose files are not written because the repository already does the
   * work (its own CodeQL, Scorecard, release pipeline...). Controls that describe the whole plan
   * (the ruleset's required checks) leave these out, so nothing waits for a check no workflow runs.
   */
  readonly covered?: ReadonlySet<string>;
  /** Retrofit only: whether the repository has release tags ('unknown' without git history). */
  readonly releases?: 'tagged' | 'none' | 'unknown';
  /**
   * Retrofit only: facts about the repository as it will be after the run, so the files that
   * describe it (Security Insights, the TechDocs page) state those facts, not the generator's template.
   */
  readonly existing?: ExistingRepository;
}

/** The security policy that applies to an existing repository after the run. */
export type PolicyFact =
  /** A file in the repository (its own, or the SECURITY.md this run writes). */
  | { kind: 'file'; path: string; ours: boolean; privateReporting: boolean }
  /** No file here; the organisation's policy in <owner>/.github applies (known online). */
  | { kind: 'organisation'; url: string }
  /** No file here, and whether an organisation policy applies is not known. */
  | { kind: 'unknown' };

/** A security tool the repository runs itself, found by the evidence layer. */
export interface OwnTool {
  label: string;
  /** The workflow that runs it, or where it runs when not in a workflow of this repository. */
  where: string;
  /** Where is a workflow file of this repository (named as a path), not a description. */
  inWorkflow: boolean;
  onPullRequests: boolean;
  onRelease: boolean;
}

export interface ExistingRepository {
  policy: PolicyFact;
  /** Covered control id -> the tools the repository runs itself for it (empty when none were named). */
  ownTools: ReadonlyMap<string, readonly OwnTool[]>;
  /** The repository's own Security Insights file, when it has one and keeps it. */
  insightsPath?: string;
  /**
   * A merge bot that decides when pull requests merge (Prow's Tide, on /lgtm and /approve): a
   * GitHub approval rule would hold every merge back.
   */
  mergedBy?: string;
  /** Docker manifest directories whose images carry no version or digest: Dependabot cannot update them. */
  unversionedDocker?: string[];
  /** Security assessments kept in the repository (paths): its self-assessment and audit reports. */
  assessments?: { self?: string; thirdParty: string[] };
}

/** A control the plan asks for but that cannot be written yet, and why. */
export interface PendingControl {
  readonly control: Control;
  readonly reason: string;
}

/** An edit a control's retrofit hook proposes to an existing file (the smallest change that completes it). */
export interface RetrofitEdit {
  path: string;
  before: string;
  after: string;
  /** One line per change, for the report and the pull-request description. */
  details: string[];
}

/** What a control's retrofit hook proposes when the repository does the practice only partly. */
export interface RetrofitProposal {
  edits: RetrofitEdit[];
  /** Steps a maintainer must take by hand (the hook could not make them safely). */
  manual: string[];
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
  /**
   * Why this version of secure-cncf cannot write the control yet, though the level asks for it
   * (the check gate before a release of its action is pinned); undefined when it can. A pending
   * control is not selected: nothing is generated for it, nothing waits for it (required checks),
   * and `check` reports it as not required, with this reason, unless the repository has it anyway.
   */
  pending?: () => string | undefined;
  /** The files it renders. Controls that are properties of other files (e.g. pinning) render none. */
  outputs: (ctx: PlanContext) => ControlOutput[];
  /** Audits an existing repository for this control (`secure-cncf check`); reads, never writes. */
  evidence?: (repo: RepoView, ctx: PlanContext) => Evidence;
  /** The exact generator command or flag that writes this control, shown next to a gap. */
  fix?: string;
  /**
   * Retrofit of a repository that already runs this practice partly (evidence partial): the
   * smallest edit of its own files instead of a second copy of the tool (src/controls/<id>/retrofit.ts).
   */
  retrofit?: (repo: RepoView, ctx: PlanContext, evidence: Evidence) => RetrofitProposal;
}

export type { Evidence, EvidenceLocation, EvidenceStatus } from '../evidence/types.js';

export type { RepoView };
