// The plan of `retrofit` and `upgrade` over an existing repository: the answers' plan context
// with the controls the repository already covers marked, so both commands leave out the same
// files (an `upgrade` after a retrofit never adds the CodeQL workflow the retrofit skipped).
import type { Answers, Plan } from '../model.js';
import type { AnswerFlags } from '../answers.js';
import type { PlanContext } from '../catalog/types.js';
import { answersFor, contextFor, type Session } from '../engine/session.js';
import { createPlan } from '../engine/plan.js';
import { hasMarker } from './markers.js';
import { coverage, type CoverDecision } from './coverage.js';

export interface RetrofitContext {
  answers: Answers;
  ctx: PlanContext;
  plan: Plan;
  /** Controls left out because the repository covers them, with what covers them. */
  covered: CoverDecision[];
}

/** Whether a planned path is already this tool's: recorded in the state file, or carrying the marker. */
function oursIn(session: Session): (path: string) => boolean {
  const stored = session.facts.stored?.files ?? {};
  return (path) => stored[path] !== undefined || (session.repo.has(path) && hasMarker(session.repo.read(path) ?? ''));
}

export async function retrofitContext(session: Session, flags: AnswerFlags): Promise<RetrofitContext> {
  const answers = answersFor(session, flags);
  const base = contextFor(session, answers);
  const decisions = coverage(session.repo, base, oursIn(session));
  const ctx: PlanContext = { ...base, covered: new Set(decisions.keys()) };
  const plan = await createPlan(ctx);
  const covered = [...decisions.values()];
  const skip = new Set(decisions.keys());
  // A file is left out only when every control that writes it is covered.
  plan.files = plan.files.filter((file) => file.controls.length === 0 || !file.controls.every((id) => skip.has(id)));
  return { answers, ctx, plan, covered };
}
