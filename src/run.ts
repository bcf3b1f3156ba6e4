import path from 'node:path';
import type { Answers, Plan, RepoFacts } from './model.js';
import { detect } from './detect/index.js';
import { answerDefaults, resolveAnswers, type AnswerFlags } from './answers.js';
import { buildProfile } from './profile.js';
import { createPlan } from './plan.js';

/** detect -> answers -> plan, with no prompts: the whole non-interactive pipeline up to writing. */
export async function planFromFlags(directory: string, flags: AnswerFlags): Promise<{ facts: RepoFacts; answers: Answers; plan: Plan }> {
  const root = path.resolve(directory);
  const facts = await detect(root);
  const answers = resolveAnswers(flags, answerDefaults(facts));
  const plan = await createPlan(buildProfile(answers, facts));
  return { facts, answers, plan };
}
