// The result of `secure-cncf check`: one model that every output format renders. Its JSON form is
// the published, versioned contract described by schemas/check-report.schema.json.
import type { Control, Evidence, EvidenceLocation, EvidenceStatus } from '../catalog/types.js';
import { LEVEL_NAMES, LEVELS, type Level, type Profile } from '../model.js';
import { loadComplianceMap } from '../compliance/map.js';
import type { ObservedRepository } from '../evidence/observe.js';
import { controlsForRequirement, getPresets } from '../presets.js';
import { complianceHeadline, presetHeadline } from '../compliance/headline.js';

/** Bump the major version for breaking changes to the JSON report, the minor one for additions. */
export const REPORT_SCHEMA_VERSION = '1.1.0';
export const REPORT_SCHEMA_ID = 'https://github.com/secure-cncf/create-secure-cncf/schemas/check-report.schema.json';

export interface ControlResult {
  id: string;
  title: string;
  why: string;
  level: Level;
  osps: string[];
  practices: string[];
  /** The target level and compliance selection require it (and it applies to the project). */
  required: boolean;
  status: EvidenceStatus;
  summary: string;
  locations: EvidenceLocation[];
  delegatedTo?: string;
  /** Files the generator writes for this control in this project (where a fix lands); empty when it passes. */
  files: string[];
  /** Command that writes the control; present when the status is not pass / not-applicable. */
  fix?: string;
}

export interface RequirementCoverage {
  id: string;
  title: string;
  status: 'met' | 'gap' | 'organisation';
  controls: string[];
}

export interface FrameworkCoverage {
  id: string;
  title: string;
  /**
   * Every requirement in scope (organisational ones included) and how many of them the repository
   * can evidence with a passing control: src/compliance/headline.ts, the one definition.
   */
  total: number;
  covered: number;
  /** Requirement ids an applicable control addresses but none passes. */
  uncovered: string[];
  /** Per-requirement detail, for the compliance presets the user selected. */
  requirements?: RequirementCoverage[];
}

export interface NextStep {
  id: string;
  title: string;
  level: Level;
  status: EvidenceStatus;
  fix: string;
}

export interface CheckReport {
  $schema: string;
  schemaVersion: string;
  tool: { name: string; version: string };
  generatedAt: string;
  repository: { root: string; slug?: string };
  target: { level: Level; levelName: string; compliance: string[] };
  /** Highest level whose controls (and all lower levels') pass; 0 when level 1 is not met. */
  achievedLevel: 0 | Level;
  targetMet: boolean;
  counts: Record<EvidenceStatus, number>;
  controls: ControlResult[];
  /** Ids of required controls that do not pass, in catalog order. */
  gaps: string[];
  /** What it takes to reach the level above the achieved one (undefined at level 3). */
  nextLevel?: { level: Level; steps: NextStep[] };
  compliance: FrameworkCoverage[];
  notes: string[];
  /** What the probes saw: languages, manifest directories, update tool, policy, practices, workflow facts (since 1.1.0). */
  observed?: ObservedRepository;
}

const met = (status: EvidenceStatus) => status === 'pass' || status === 'not-applicable';

/** The control's fix command, raised to the target level (a level-1 control of a level-2 project is written by `--level 2`). */
export function fixFor(control: Control, target: Level): string {
  const base = control.fix ?? `npx create-secure-cncf retrofit --level ${control.level}`;
  return base.replace(/--level (\d)/, (_, n: string) => `--level ${Math.max(Number(n), target)}`);
}

export interface EvaluatedControl {
  control: Control;
  applies: boolean;
  evidence: Evidence;
  /** Paths the control's outputs would write for this profile (computed for controls that do not pass). */
  files: string[];
  /**
   * The manual step, when the repository runs the control's tool itself and retrofit would add no
   * second copy: printing the generator command there would send the user in a loop.
   */
  manualFix?: string;
}

export function achievedLevel(evaluated: EvaluatedControl[]): 0 | Level {
  let achieved: 0 | Level = 0;
  for (const level of LEVELS) {
    const needed = evaluated.filter((e) => e.applies && e.control.level <= level);
    if (!needed.every((e) => met(e.evidence.status))) break;
    achieved = level;
  }
  return achieved;
}

function frameworkCoverage(evaluated: EvaluatedControl[], presetIds: string[]): FrameworkCoverage[] {
  const map = loadComplianceMap();
  const applicable = evaluated.filter((e) => e.applies);
  const passingControls = applicable.filter((e) => e.evidence.status === 'pass').map((e) => e.control);
  const passing = new Set(passingControls.flatMap((control) => control.practices));
  const applicablePractices = new Set(applicable.flatMap((e) => e.control.practices));
  // Whole frameworks (data/compliance-map.json), for those an applicable control maps to: every
  // requirement the map lists counts, mapped or not, so the number never reads as "all done".
  // Requirement -> practices per framework, from one pass over the map (not one per requirement).
  const practicesOf = new Map<string, string[]>();
  for (const [practiceId, practice] of Object.entries(map.practices)) {
    for (const [frameworkId, requirementIds] of Object.entries(practice.maps)) {
      for (const requirement of requirementIds ?? []) {
        const key = `${frameworkId}\u0000${requirement}`;
        const list = practicesOf.get(key);
        if (!list) practicesOf.set(key, [practiceId]);
        else if (!list.includes(practiceId)) list.push(practiceId);
      }
    }
  }
  const coverage: FrameworkCoverage[] = Object.entries(map.frameworks).flatMap(([id, framework]) => {
    const requirements = Object.keys(framework.requirements).map((requirement) => ({
      id: requirement,
      practices: practicesOf.get(`${id}\u0000${requirement}`) ?? [],
    }));
    if (!requirements.some((r) => r.practices.some((p) => applicablePractices.has(p)))) return [];
    const headline = complianceHeadline(requirements, passing);
    const withControl = requirements.filter((r) => r.practices.some((p) => applicablePractices.has(p))).map((r) => r.id);
    const evidenced = new Set(headline.evidencedIds);
    const uncovered = withControl.filter((r) => !evidenced.has(r)).sort();
    return [{ id, title: framework.title, total: headline.total, covered: headline.evidenced, uncovered }];
  });
  const presets = presetIds.length > 0 ? getPresets(presetIds) : [];
  const presetCoverage = presets.map((preset): FrameworkCoverage => {
    const requirements = preset.requirements.map((requirement): RequirementCoverage => {
      const controls = controlsForRequirement(requirement, applicable.map((e) => e.control)).map((c) => c.id);
      const ok = applicable.some((e) => controls.includes(e.control.id) && e.evidence.status === 'pass');
      const status = ok ? 'met' : controls.length === 0 || requirement.organisational ? 'organisation' : 'gap';
      return { id: requirement.id, title: requirement.title, status, controls };
    });
    // The same number as --list-presets and the preset documents (src/compliance/headline.ts).
    const headline = presetHeadline(preset, passingControls);
    return {
      id: preset.id,
      title: preset.title,
      total: headline.total,
      covered: headline.evidenced,
      uncovered: requirements.filter((r) => r.status === 'gap').map((r) => r.id),
      requirements,
    };
  });
  return [...presetCoverage, ...coverage];
}

export interface BuildReportInput {
  profile: Profile;
  evaluated: EvaluatedControl[];
  required: Set<string>;
  tool: { name: string; version: string };
  notes: string[];
  now?: Date;
}

export function buildReport({ profile, evaluated, required, tool, notes, now = new Date() }: BuildReportInput): CheckReport {
  const target = profile.answers.level;
  const controls = evaluated.map(({ control, evidence, files, manualFix }): ControlResult => {
    const result: ControlResult = {
      id: control.id,
      title: control.title,
      why: control.why,
      level: control.level,
      osps: control.osps,
      practices: control.practices,
      required: required.has(control.id),
      status: evidence.status,
      summary: evidence.summary,
      locations: evidence.locations,
      files,
    };
    if (evidence.delegatedTo) result.delegatedTo = evidence.delegatedTo;
    if (!met(evidence.status)) result.fix = manualFix ?? fixFor(control, target);
    return result;
  });
  const counts: Record<EvidenceStatus, number> = { pass: 0, partial: 0, delegated: 0, fail: 0, 'not-applicable': 0 };
  for (const c of controls) counts[c.status] += 1;
  const gaps = controls.filter((c) => c.required && !met(c.status)).map((c) => c.id);
  const achieved = achievedLevel(evaluated);
  const report: CheckReport = {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    generatedAt: now.toISOString(),
    repository: { root: profile.facts.root },
    target: { level: target, levelName: LEVEL_NAMES[target], compliance: profile.answers.compliance },
    achievedLevel: achieved,
    targetMet: gaps.length === 0,
    counts,
    controls,
    gaps,
    compliance: frameworkCoverage(evaluated, profile.answers.compliance),
    notes,
  };
  const { owner, name } = profile.answers.repository;
  if (owner && name) report.repository.slug = `${owner}/${name}`;
  if (achieved < 3) {
    const next = (achieved + 1) as Level;
    const steps = evaluated
      .filter((e) => e.applies && e.control.level <= next && !met(e.evidence.status))
      .sort((a, b) => a.control.level - b.control.level)
      .map((e) => ({ id: e.control.id, title: e.control.title, level: e.control.level, status: e.evidence.status, fix: e.manualFix ?? fixFor(e.control, next) }));
    report.nextLevel = { level: next, steps };
  }
  return report;
}

/** Exit status: 0 target (or --min-level) met, 1 gaps. Usage errors (2) are thrown before a report exists. */
export function exitCode(report: CheckReport, minLevel?: Level): number {
  if (minLevel !== undefined) return report.achievedLevel >= minLevel ? 0 : 1;
  return report.targetMet ? 0 : 1;
}
