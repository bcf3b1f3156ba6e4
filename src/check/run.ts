// `secure-cncf check`: detect the repository (one walk shared with the evidence view), take the
// target from the stored answers unless --level / --compliance override it, run every control's
// evidence function, and build the report. Reads only; the network only with `--online`.
import path from 'node:path';
import { statSync } from 'node:fs';
import type { Answers, Profile } from '../model.js';
import type { Control, Evidence, PlanContext } from '../catalog/types.js';
import { openSession, type Session } from '../engine/session.js';
import { planContext } from '../engine/context.js';
import { STATE_FILE } from '../state.js';
import { buildProfile } from '../profile.js';
import { parseCompliance, parseLevel } from '../validate.js';
import { resolveField } from '../answers.js';
import { observeRepository } from '../evidence/observe.js';
import { selfSlug } from '../evidence/kit.js';
import { PRESET_IDS } from '../presets.js';
import { generatorInfo } from '../version.js';
import { InputError, UsageError } from '../errors.js';
import type { RepoView } from '../evidence/repo-view.js';
import { readOnline, type ReadRemoteFile } from '../evidence/online.js';
import { buildReport, fixFor, type CheckReport, type EvaluatedControl } from './report.js';
import { loadPins } from '../pins.js';
import { effectiveTable, readPinOverrides } from '../upgrade/pin-overrides.js';
import { repositoryPinning } from '../evidence/probes/pinning.js';
import { decidePin } from '../retrofit/uses-ref.js';
import { coverage, skipped } from '../retrofit/coverage.js';
import { hasMarker } from '../retrofit/markers.js';
import { CODEOWNERS_PATH, codeownersStep } from '../controls/codeowners/existing.js';

export interface CheckOptions {
  directory: string;
  /** "owner/name" when the directory has no GitHub remote (an export, a tarball). */
  repo?: string | undefined;
  level?: string | undefined;
  compliance?: string[] | undefined;
  catalog?: readonly Control[];
  now?: Date;
  /** `--online`: reads other repositories' files (shared workflows, the org's SECURITY.md). */
  readRemote?: ReadRemoteFile | undefined;
}

/**
 * Answers for auditing: stored answers, then detection; nothing is required (no --repo needed).
 * Flags and detected values go through the same validators as the generator's (resolveField).
 */
function checkAnswers(session: Session, options: CheckOptions, notes: string[]): Answers {
  const { facts, defaults } = session;
  // check has no --name or --branch: an unusable detected value is replaced, and the report says so.
  const orElse = <T>(get: () => T, fallback: T): T => {
    try {
      return get();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      notes.push(`${error.message.replace(/ Pass --\S+ to set it\.$/, '')} ${JSON.stringify(fallback)} is used instead.`);
      return fallback;
    }
  };
  const level = options.level !== undefined ? parseLevel(options.level) : defaults.level;
  return {
    projectName: orElse(() => resolveField('projectName', undefined, defaults.projectName, defaults) as string, path.basename(facts.root)),
    repository: resolveField('repository', options.repo, defaults.repository, defaults) ?? { owner: '', name: path.basename(facts.root) },
    languages: defaults.languages,
    level,
    // Same default as the generator's (src/answers.ts resolveAnswers): off in an existing repository
    // without earlier answers, so a retrofitted repository is not asked for portal files it declined.
    portal: defaults.portal ?? level >= 2,
    compliance: options.compliance !== undefined ? parseCompliance(options.compliance, PRESET_IDS) : defaults.compliance,
    artifacts: defaults.artifacts,
    defaultBranch: orElse(() => resolveField('defaultBranch', undefined, defaults.defaultBranch, defaults) as string, 'main'),
  };
}

/** For a control without an evidence function: are the files the generator would write there? */
function filesPresent(paths: () => string[], repo: RepoView): Evidence {
  const files = paths();
  if (files.length === 0) return { status: 'partial', summary: 'This version of secure-cncf cannot audit this control yet.', locations: [] };
  const missing = files.filter((file) => !repo.has(file));
  const present = files.filter((file) => repo.has(file)).map((file) => ({ file }));
  if (missing.length === 0) return { status: 'pass', summary: `Its files are in place (${files.join(', ')}); contents not audited.`, locations: present };
  return { status: present.length > 0 ? 'partial' : 'fail', summary: `Missing ${missing.join(', ')}.`, locations: present };
}

function evaluate(control: Control, repo: RepoView, ctx: PlanContext, paths: () => string[]): Evidence {
  const evidence = control.evidence;
  if (!evidence) return filesPresent(paths, repo);
  try {
    return evidence(repo, ctx);
  } catch (error) {
    return { status: 'partial', summary: `Could not be audited: ${(error as Error).message}`, locations: [] };
  }
}

function outputPaths(control: Control, ctx: PlanContext): string[] {
  try {
    return control.outputs(ctx).map((output) => output.path);
  } catch {
    return []; // e.g. no GitHub owner known for CODEOWNERS: nothing to point at
  }
}

export async function runCheck(options: CheckOptions): Promise<{ report: CheckReport; profile: Profile; ctx: PlanContext; repo: RepoView }> {
  const root = path.resolve(options.directory);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) throw new InputError(`${options.directory} is not a directory.`);
  const session = await openSession(root, options.catalog);
  const { facts, repo, catalog } = session;
  const notes: string[] = [];
  const answers = checkAnswers(session, options, notes);
  const profile = buildProfile(answers, facts);
  const ctx = planContext(profile, catalog);
  if (options.readRemote) {
    const stats = await readOnline(repo, options.readRemote, selfSlug(profile));
    notes.push(`Online: ${stats.requested} files of other repositories asked for, ${stats.found} found${stats.failed.length ? `, ${stats.failed.length} could not be read (first: ${stats.failed[0]!.file}: ${stats.failed[0]!.reason})` : ''}.`);
  }
  const required = new Set(ctx.controls.map((c) => c.id));
  const evaluated: EvaluatedControl[] = catalog.map((control) => {
    const applies = control.appliesTo?.(profile) ?? true;
    // Only gaps need the generated paths (where a fix lands); some controls' outputs() render templates.
    let files: string[] | undefined;
    const paths = () => (files ??= outputPaths(control, ctx));
    const evidence = evaluate(control, repo, ctx, paths);
    // A control that does not apply but is in place anyway (e.g. Renovate instead of Dependabot) shows as passing.
    if (evidence.status === 'pass') return { control, applies: true, evidence, files: [] };
    // A control this version cannot write yet counts at no level (whatever the target), and the report says why.
    const pendingReason = control.pending?.();
    if (pendingReason !== undefined) {
      return { control, applies: false, files: [], evidence: { status: 'not-applicable', summary: `Not required yet: ${pendingReason}`, locations: [] } };
    }
    if (applies) return { control, applies: true, evidence, files: paths() };
    return { control, applies, files: [], evidence: { status: 'not-applicable', summary: 'Does not apply to this project (its languages, artifacts or choices).', locations: [] } };
  });
  // Where retrofit would add no second copy of a tool the repository runs, the fix is a manual step.
  const stored = facts.stored?.files ?? {};
  // Only gaps get a fix; asking about passing controls would render every template for nothing.
  const gaps = evaluated.filter((entry) => entry.evidence.status !== 'pass' && entry.evidence.status !== 'not-applicable');
  const ours = (file: string) => stored[file] !== undefined || (repo.has(file) && hasMarker(repo.read(file) ?? ''));
  const decisions = coverage(repo, ctx, ours, {
    only: new Set(gaps.map((entry) => entry.control.id)),
    known: new Map(gaps.map((entry) => [entry.control.id, entry.evidence])),
  });
  for (const entry of evaluated) {
    const decision = decisions.get(entry.control.id);
    if (!decision || decision.manual.length === 0 || entry.evidence.status === 'pass') continue;
    if (decision.edits.length === 0) entry.manualFix = `${skipped(decision) ? 'by hand' : 'by hand (secure-cncf adds no second copy)'}: ${decision.manual.join(' ')}`;
    // Retrofit makes part of it in the repository's own files; the rest stays a manual step.
    else entry.manualFix = `${fixFor(entry.control, answers.level)} (edits ${[...new Set(decision.edits.map((e) => e.path))].join(', ')}), then by hand: ${decision.manual.join(' ')}`;
  }
  // In an existing repository retrofit writes no CODEOWNERS naming only the owner: the fix is to name teams by hand.
  const owners = evaluated.find((e) => e.control.id === 'codeowners');
  if (owners && !facts.isEmpty && owners.evidence.status !== 'pass' && owners.evidence.status !== 'not-applicable' && !ours(CODEOWNERS_PATH)) {
    owners.manualFix = `by hand: ${codeownersStep(repo, ctx)}`;
  }
  // Actions the pin table cannot pin at the version the workflow uses: retrofit leaves them (pinning
  // must not upgrade), so the fix says what to do by hand instead of a command that changes nothing.
  const pinning = evaluated.find((e) => e.control.id === 'pinned-actions');
  if (pinning && pinning.evidence.status !== 'pass' && pinning.evidence.status !== 'not-applicable') {
    const table = effectiveTable(loadPins(), readPinOverrides(root));
    const refs = repositoryPinning(repo).unpinned;
    const stuck = [...new Set(refs.filter((ref) => decidePin(ref.value, table).kind === 'skip').map((ref) => ref.value))];
    if (stuck.length > 0) {
      const rest = refs.length > stuck.length ? ` (\`${fixFor(pinning.control, answers.level)}\` pins the others)` : '';
      pinning.manualFix = `by hand: pin ${stuck.slice(0, 5).join(', ')}${stuck.length > 5 ? ', ...' : ''} to the full commit SHA of the tag in use (the pin table has another version, and pinning must not upgrade); online, \`npx create-secure-cncf pins --update --keep-versions\` does this${rest}`;
    }
  }
  if (!facts.stored) {
    notes.push(`No ${STATE_FILE}: the target is level ${answers.level}${options.level ? '' : ' (default; pass --level to choose)'} and languages come from detection (${answers.languages.join(', ') || 'none found'}).`);
  }
  for (const workflow of repo.workflows()) {
    if (workflow.error) notes.push(`${workflow.file} could not be read as a workflow (${workflow.error}); its contents were not counted.`);
    else if (workflow.warnings.length > 0) {
      const first = workflow.warnings[0]!;
      notes.push(`${workflow.file}:${first.line}: a strict YAML parser rejects this (${first.message}); GitHub may still run it, so it was read as far as it parses.`);
    }
  }
  const report = buildReport({ profile, evaluated, required, tool: generatorInfo(), notes, now: options.now });
  report.observed = observeRepository(repo, facts, selfSlug(profile));
  return { report, profile, ctx, repo };
}

