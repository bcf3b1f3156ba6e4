// The Yeoman front end: asks the questions, hands the answers to the engine's pure `plan`, and
// lets Yeoman's in-memory file system and conflicter show diffs and ask before touching a file.
import path from 'node:path';
import Generator from 'yeoman-generator';
import { detect } from '../../src/detect/index.js';
import { answerDefaults, resolveAnswers, type AnswerFlags } from '../../src/answers.js';
import { promptAnswersToFlags, questions } from '../../src/questions.js';
import { buildProfile } from '../../src/profile.js';
import { createPlan } from '../../src/plan.js';
import { diffAgainstDisk, preflight } from '../../src/apply.js';
import { dryRunReport } from '../../src/report.js';
import type { Answers, Plan } from '../../src/model.js';

export interface SecureCncfOptions {
  flags?: AnswerFlags;
  dryRun?: boolean;
}

export default class SecureCncfGenerator extends Generator {
  private answers?: Answers;
  private plan?: Plan;

  private get secureOptions(): SecureCncfOptions {
    return this.options as unknown as SecureCncfOptions;
  }

  async prompting(): Promise<void> {
    const flags = this.secureOptions.flags ?? {};
    const facts = await detect(this.destinationRoot());
    const defaults = answerDefaults(facts);
    const raw = await this.prompt(questions(defaults, flags) as never);
    this.answers = resolveAnswers(promptAnswersToFlags(raw as Record<string, unknown>, flags), defaults);
    this.plan = await createPlan(buildProfile(this.answers, facts));
  }

  writing(): void {
    const plan = this.plan as Plan;
    const root = this.destinationRoot();
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
    if (this.secureOptions.dryRun || !this.plan) return;
    for (const note of this.plan.notes) this.log(`note: ${note}`);
    this.log(`Done. Commit the files and push: the workflows run on the next push to ${this.answers?.defaultBranch ?? 'main'}.`);
  }
}
