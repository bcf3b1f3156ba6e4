// The Yeoman front end: asks the questions, then every question about an existing file (each
// merge or replacement with its diff), and only then writes, all at once, through the engine's
// checked, atomic, rolled-back writer. So a Ctrl-C at any prompt leaves the tree untouched.
// In a directory that already has files it runs the retrofit plan (merges and hardening).
import Generator from 'yeoman-generator';
import type { AnswerFlags } from '../../src/answers.js';
import { POLICY_QUESTIONS, promptAnswersToFlags, questions } from '../../src/questions.js';
import { openSession } from '../../src/engine/session.js';
import { hasExistingContent } from '../../src/detect/index.js';
import { planRetrofit } from '../../src/retrofit/plan.js';
import { executePlan } from '../../src/retrofit/run.js';
import type { Confirm } from '../../src/retrofit/apply.js';
import { createNew, retrofitEnding } from '../../src/first-run.js';
import { EXIT } from '../../src/cli/exit-status.js';
import { guarded } from '../../src/interrupt.js';
import { CancelledError } from '../../src/errors.js';

export interface SecureCncfOptions {
  flags?: AnswerFlags;
  dryRun?: boolean;
  /** Filled by the run: the exit status under the CLI's contract (src/cli/exit-status.ts). */
  outcome?: { code: number };
  /** Directory the user ran from (for the `cd` in the next steps). */
  cwd?: string;
}

const CANCEL_ERRORS = ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'];

/** Ctrl-C or the end of input at an inquirer prompt. */
export function isPromptCancel(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause;
  return CANCEL_ERRORS.includes((error as Error)?.name) || CANCEL_ERRORS.includes((cause as Error)?.name);
}

export default class SecureCncfGenerator extends Generator {
  constructor(args: string[], options: Record<string, unknown>) {
    // No package.json is ever written, so the environment's npm-install step has nothing to say.
    super(args, options as never, { customInstallTask: true } as never);
  }

  private get secureOptions(): SecureCncfOptions {
    return this.options as unknown as SecureCncfOptions;
  }

  private _setOutcome(code: number): void {
    if (this.secureOptions.outcome) this.secureOptions.outcome.code = code;
  }

  /** One Yeoman phase does it all: asking first (both the answers and each conflict), writing last. */
  async prompting(): Promise<void> {
    try {
      this._setOutcome(await this._askAndWrite());
    } catch (error) {
      if (!isPromptCancel(error) && !(error instanceof CancelledError)) throw error;
      // The run ends here; runInteractive says so (Yeoman would print the error as a failure).
      this._setOutcome(EXIT.cancelled);
    }
  }

  private async _askAndWrite(): Promise<number> {
    const root = this.destinationRoot();
    const given = this.secureOptions.flags ?? {};
    const dryRun = Boolean(this.secureOptions.dryRun);
    const session = await openSession(root);
    const newProject = !hasExistingContent(root);
    // A new project gets SECURITY.md, so its commitments are asked with the rest; a retrofit asks them
    // only once its plan shows SECURITY.md will be written.
    const raw = await this.prompt(questions(session.defaults, given, { securityPolicy: newProject }) as never);
    let flags = promptAnswersToFlags(raw as Record<string, unknown>, given);
    let plan = newProject ? undefined : await planRetrofit(root, flags);
    if (plan?.plan.files.some((f) => f.path === 'SECURITY.md')) {
      const open = questions(session.defaults, flags, { securityPolicy: true }).filter((q) => POLICY_QUESTIONS.includes(q.name));
      if (open.length > 0) {
        flags = promptAnswersToFlags((await this.prompt(open as never)) as Record<string, unknown>, flags);
        plan = await planRetrofit(root, flags);
      }
    }
    const out = (text: string) => this.log(text);
    // From here on a Ctrl-C outside a prompt is a signal: noted, and honoured before the first write.
    return guarded(async (guard) => {
      if (!plan) return createNew(session, flags, { dryRun, policy: 'skip', cwd: this.secureOptions.cwd, guard }, out);
      if (!dryRun) out(`${root} already has files: each change to an existing file is shown and asked about before anything is written.`);
      const ending = dryRun ? undefined : retrofitEnding(root, plan, this.secureOptions.cwd, guard);
      return executePlan(root, plan, { dryRun, force: false, confirm: this._confirm(), ending, beforeWrite: () => guard.checkBeforeWriting() }, out);
    });
  }

  /** New files need no question; an edit of an existing file is shown as a diff and asked. */
  private _confirm(): Confirm {
    return async (change, diff, warning) => {
      if (change.before === undefined && !warning) return true;
      this.log(diff.trimEnd());
      if (warning) this.log(`warning: ${warning}`);
      const what = change.details.join('; ') || change.action;
      const message =
        change.action === 'merge' || change.action === 'harden'
          ? `Merge these changes into ${change.path}? (${what})`
          : `Replace ${change.path} with the version above? (${what})`;
      const { ok } = (await this.prompt([{ type: 'confirm', name: 'ok', message, default: change.safe && !warning }] as never)) as { ok: boolean };
      return ok;
    };
  }
}
