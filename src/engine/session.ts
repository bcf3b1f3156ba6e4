// The one entry every command and the Yeoman front end use: open a directory once (one walk of
// the tree shared by detection and the evidence view), then derive answers, the plan context and
// the plan from it. Nothing else detects or walks the repository.
import path from 'node:path';
import type { Control, PlanContext } from '../catalog/types.js';
import type { Answers, Plan, RepoFacts } from '../model.js';
import { CATALOG } from '../catalog/index.js';
import { detectFacts } from '../detect/index.js';
import { readGitInfo } from '../detect/git.js';
import { indexTreeAsync } from '../detect/walk.js';
import { parseWorkflowsWhile } from '../evidence/early-workflows.js';
import { RepoView } from '../evidence/repo-view.js';
import { answerDefaults, resolveAnswers, type AnswerDefaults, type AnswerFlags } from '../answers.js';
import { buildProfile } from '../profile.js';
import { planContext } from './context.js';
import { createPlan } from './plan.js';

export interface Session {
  readonly root: string;
  readonly facts: RepoFacts;
  /** The repository as the evidence probes see it. */
  readonly repo: RepoView;
  /** Defaults for every answer: stored answers, then detection, then fallbacks. */
  readonly defaults: AnswerDefaults;
  readonly catalog: readonly Control[];
}

export async function openSession(directory: string, catalog: readonly Control[] = CATALOG): Promise<Session> {
  const root = path.resolve(directory);
  // Origin and branch first: when git itself must be asked, its queries run while the tree is
  // listed. Workflows are parsed while git lists a large tree (nothing else can start before).
  const git = readGitInfo(root);
  const listing = indexTreeAsync(root);
  const early = parseWorkflowsWhile(root, listing);
  const index = await listing;
  const facts = await detectFacts(root, index, git);
  return { root, facts, repo: new RepoView(root, index, await early), defaults: answerDefaults(facts), catalog };
}

/** Flags over the session's defaults, validated (a bad value is a UsageError naming the choices). */
export function answersFor(session: Session, flags: AnswerFlags): Answers {
  return resolveAnswers(flags, session.defaults);
}

/** The plan context of some answers in this repository: computed once, read by every control. */
export function contextFor(session: Session, answers: Answers, date?: string): PlanContext {
  return planContext(date === undefined ? buildProfile(answers, session.facts) : buildProfile(answers, session.facts, date), session.catalog);
}

/** Answers, context and plan for flags over the session's defaults: the non-interactive path. */
export async function planWith(session: Session, flags: AnswerFlags): Promise<{ answers: Answers; ctx: PlanContext; plan: Plan }> {
  const answers = answersFor(session, flags);
  const ctx = contextFor(session, answers);
  return { answers, ctx, plan: await createPlan(ctx) };
}
