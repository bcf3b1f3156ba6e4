// The Yeoman front end: asks the questions, hands the answers to the engine's pure `plan`, and
// lets Yeoman's in-memory file system and conflicter show diffs and ask before touching a file.
// In a directory that already has files it plans a retrofit instead (merges and hardening), and
// the conflicter asks about each existing file the retrofit would change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Generator from 'yeoman-generator';
import type { AnswerFlags } from '../../src/answers.js';
import { promptAnswersToFlags, questions } from '../../src/questions.js';
import { answersFor, contextFor, openSession } from '../../src/engine/session.js';
import { createPlan } from '../../src/engine/plan.js';
import { diffAgainstDisk, preflight } from '../../src/apply.js';
import { dryRunReport } from '../../src/report.js';
import { hasExistingContent } from '../../src/detect/index.js';
import { planRetrofit, type RetrofitPlan } from '../../src/retrofit/plan.js';
import { executePlan } from '../../src/retrofit/run.js';
import { stateChange } from '../../src/retrofit/state-change.js';
import { writeChanges } from '../../src/retrofit/apply.js';
import { STATE_FILE } from '../../src/state.js';
import type { Answers, Plan } from '../../src/model.js';

export interface SecureCncfOptions {
  flags?: AnswerFlags;
  dryRun?: boolean;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export default class SecureCncfGenerator extends Generator {
  private answers?: Answers;
  private plan?: Plan;
  private flags: AnswerFlags = {};
  private retrofit?: RetrofitPlan;

  private get secureOptions(): SecureCncfOptions {
    return this.options as unknown as SecureCncfOptions;
  }

  async prompting(): Promise<void> {
    const given = this.secureOptions.flags ?? {};
    const session = await openSession(this.destinationRoot());
    const raw = await this.prompt(questions(session.defaults, given) as never);
    this.flags = promptAnswersToFlags(raw as Record<string, unknown>, given);
    this.answers = answersFor(session, this.flags);
    if (!hasExistingContent(this.destinationRoot())) this.plan = await createPlan(contextFor(session, this.answers));
  }

  async writing(): Promise<void> {
    const root = this.destinationRoot();
    if (!this.plan) {
      this.retrofit = await planRetrofit(root, this.flags);
      if (this.secureOptions.dryRun) {
        await executePlan(root, this.retrofit, { dryRun: true, force: false }, (text) => this.log(text));
        return;
      }
      // The engine's guard already ran while planning; the conflicter shows each edit's diff.
      for (const change of this.retrofit.changes) this.fs.write(path.join(root, change.path), change.after);
      return;
    }
    const plan = this.plan;
    // The engine's path guard and writability check run before Yeoman commits anything.
    const changes = diffAgainstDisk(root, plan.files);
    if (this.secureOptions.dryRun) {
      this.log(dryRunReport(plan, changes));
      return;
    }
    preflight(changes.filter((c) => c.kind !== 'unchanged'));
    for (const change of changes) {
      if (change.kind !== 'unchanged') this.fs.write(path.join(root, change.file.path), change.file.content);
    }
  }

  end(): void {
    if (this.secureOptions.dryRun) return;
    const root = this.destinationRoot();
    if (this.retrofit) {
      // Record as generated exactly the files the user accepted (their bytes are ours on disk).
      const rp = this.retrofit;
      const accepted = rp.changes.filter((c) => ['create', 'refresh', 'conflict'].includes(c.action) && readIfExists(path.join(root, c.path)) === c.after).map((c) => c.path);
      const state = stateChange(rp.answers, rp.plan.profile.facts.stored, readIfExists(path.join(root, STATE_FILE)), rp.hashes, new Set([...rp.same, ...accepted]), rp.plan.profile.date);
      if (state) writeChanges(root, [state]);
      for (const kept of rp.kept) this.log(`kept     ${kept.path}  ${kept.why}`);
      for (const finding of rp.findings) this.log(`${finding.level.padEnd(8)} ${finding.path}${finding.line ? `:${finding.line}` : ''}  ${finding.message}`);
    } else if (this.plan) {
      for (const note of this.plan.notes) this.log(`note: ${note}`);
    }
    this.log(`Done. Commit the files and push: the workflows run on the next push to ${this.answers?.defaultBranch ?? 'main'}.`);
  }
}
