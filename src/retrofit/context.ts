// The plan of `retrofit` and `upgrade` over an existing repository: the answers' plan context
// with the controls the repository already covers marked, so both commands leave out the same
// files (an `upgrade` after a retrofit never adds the CodeQL workflow the retrofit skipped).
import type { Answers, Plan, SecurityCommitments } from '../model.js';
import type { ReleaseState } from './releases.js';
import { existingRepository, findSecurityPolicy } from './repository-facts.js';
import { resolveAnswers, type AnswerDefaults, type AnswerFlags } from '../answers.js';
import type { PlanContext } from '../catalog/types.js';
import { contextFor, type Session } from '../engine/session.js';
import { createPlan } from '../engine/plan.js';
import { hasMarker } from './markers.js';
import { coverage, type CoverDecision } from './coverage.js';
import { CODEOWNERS_PATH, codeownersStep } from '../controls/codeowners/existing.js';

export interface RetrofitContext {
  answers: Answers;
  ctx: PlanContext;
  plan: Plan;
  /** Controls left out because the repository covers them, with what covers them. */
  covered: CoverDecision[];
  /** Why no SECURITY.md is planned, when it is left out (an organisation policy may apply). */
  policyNote?: string;
  /** The manual step replacing CODEOWNERS in an existing repository (no owner secure-cncf can name). */
  codeownersStep?: string;
}

export interface RetrofitContextOptions {
  /** SECURITY.md may be written: no organisation-wide policy applies (confirmed, or known online). */
  writePolicy?: boolean;
  /** Commitments given with flags (--ack-days, --fix-days). */
  commitments?: SecurityCommitments | undefined;
  /** Whether the repository has release tags. */
  releases?: ReleaseState;
  /** A project being started (`create` without commit history). */
  newProject?: boolean;
  /** The organisation's security policy that applies here, when known (online). */
  organisationPolicy?: string | undefined;
}

/** Whether a planned path is already this tool's: recorded in the state file, or carrying the marker. */
function oursIn(session: Session): (path: string) => boolean {
  const stored = session.facts.stored?.files ?? {};
  return (path) => stored[path] !== undefined || (session.repo.has(path) && hasMarker(session.repo.read(path) ?? ''));
}

/**
 * `create` in a directory without commit history starts a project: the portal answer keeps the
 * level's default there, as in an empty directory, unless an earlier run stored one. Only an
 * existing repository gets developer-portal files on request alone (see answerDefaults).
 */
function startedProjectDefaults(session: Session): AnswerDefaults {
  if (typeof session.facts.stored?.answers.portal === 'boolean') return session.defaults;
  const { portal: _existingRepository, ...defaults } = session.defaults;
  return defaults;
}

export async function retrofitContext(session: Session, flags: AnswerFlags, options: RetrofitContextOptions = {}): Promise<RetrofitContext> {
  const { facts } = session;
  const answers = resolveAnswers(flags, options.newProject ? startedProjectDefaults(session) : session.defaults);
  // Commitments come from the maintainers (flags, prompts, earlier answers; see resolveAnswers):
  // without any, SECURITY.md states no number nobody chose.
  if (options.commitments) answers.policy = options.commitments;
  const base = contextFor(session, answers);
  const ours = oursIn(session);
  const decisions = coverage(session.repo, base, ours);
  // A project being started gets the full setup: what it will scan arrives with its first dependencies.
  if (options.newProject) for (const [id, decision] of decisions) if (decision.skipped) decisions.delete(id);
  const coveredIds = new Set(decisions.keys());
  // GitHub shows the organisation's SECURITY.md for a repository without its own: a new file here
  // would shadow it. Written only when that is known not to apply, or the maintainers confirm it.
  const ownPolicy = findSecurityPolicy(session.repo) !== undefined;
  const writesPolicy = base.has('security-policy') && (facts.isEmpty || ours('SECURITY.md') || (!ownPolicy && Boolean(options.writePolicy)));
  // Decided before the plan renders, so the files that describe the repository name what will be there.
  // The controls' own edits (a GoReleaser configuration that now signs) are part of that.
  const edited = new Map([...decisions.values()].flatMap((d) => d.edits.map((e) => [e.path, e.after] as const)));
  const described = edited.size > 0 ? session.repo.withTexts(edited) : session.repo;
  const existing = existingRepository(described, base, coveredIds, { writes: writesPolicy, organisationUrl: options.organisationPolicy });
  const ctx: PlanContext = { ...base, covered: coveredIds, releases: options.releases ?? 'unknown', existing };
  const plan = await createPlan(ctx);
  const covered = [...decisions.values()];
  const skip = new Set(decisions.keys());
  // A file is left out only when every control that writes it is covered.
  plan.files = plan.files.filter((file) => file.controls.length === 0 || !file.controls.every((id) => skip.has(id)));
  const result: RetrofitContext = { answers, ctx, plan, covered };
  // An existing repository's code owners are for its maintainers to name (see codeownersStep);
  // a CODEOWNERS this tool wrote earlier stays managed.
  if (!facts.isEmpty && !options.newProject && !ours(CODEOWNERS_PATH) && plan.files.some((f) => f.path === CODEOWNERS_PATH)) {
    plan.files = plan.files.filter((f) => f.path !== CODEOWNERS_PATH);
    result.codeownersStep = codeownersStep(session.repo, ctx);
  }
  if (!writesPolicy && plan.files.some((f) => f.path === 'SECURITY.md')) {
    plan.files = plan.files.filter((f) => f.path !== 'SECURITY.md');
    if (ownPolicy) return result; // the repository's own policy: kept and reported by retrofit
    const owner = answers.repository.owner || '<owner>';
    result.policyNote = `No SECURITY.md here. If ${owner}/.github has one, GitHub already shows it for this repository and a new file would shadow it. Check that (or run with --online), then run \`secure-cncf retrofit --security-policy\` to add one (commitments only with --ack-days/--fix-days).`;
  }
  return result;
}
