// The `create` run shared by --yes and the interactive front end: plan, write all at once, and end
// with the same summary (src/ending.ts) and the same exit status either way.
import type { AnswerFlags } from './answers.js';
import { answersFor, contextFor, type Session } from './engine/session.js';
import { createPlan } from './engine/plan.js';
import { applyChanges, diffAgainstDisk, type ConflictPolicy } from './apply.js';
import { dryRunReport } from './report.js';
import { endingText, type WrittenFile } from './ending.js';
import { findingLines, type ReportInput } from './retrofit/report.js';
import type { RetrofitPlan } from './retrofit/plan.js';
import { releaseState } from './retrofit/releases.js';
import { EXIT } from './cli/exit-status.js';
import type { InterruptGuard } from './interrupt.js';

export interface CreateOptions {
  dryRun: boolean;
  policy: ConflictPolicy;
  cwd?: string | undefined;
  /** Notes a Ctrl-C while planning (cancels before the first write) or writing (reported after). */
  guard?: InterruptGuard | undefined;
}

/** Said after the ending when Ctrl-C came while the files were being written. */
export const INTERRUPTED_WHILE_WRITING = 'Ctrl-C came while writing: the writes were finished, and everything listed above is in place.';

/** A directory with nothing in it yet: every planned file is new. */
export async function createNew(session: Session, flags: AnswerFlags, options: CreateOptions, out: (text: string) => void): Promise<number> {
  const answers = answersFor(session, flags);
  // SECURITY.md's release wording follows the tags, as in a later retrofit or upgrade of the same tree.
  const plan = await createPlan({ ...contextFor(session, answers), releases: await releaseState(session.root) });
  const changes = diffAgainstDisk(session.root, plan.files);
  if (options.dryRun) {
    out(dryRunReport(plan, changes));
    return EXIT.ok;
  }
  options.guard?.checkBeforeWriting();
  const result = applyChanges(changes, options.policy);
  const notes = plan.notes.map((note) => `note: ${note}`);
  out(
    [
      ...notes,
      ...(notes.length ? [''] : []),
      endingText({
        root: session.root,
        answers,
        planned: plan.files.map((f) => f.path),
        written: result.written.map((c) => ({ path: c.file.path, verb: c.kind === 'create' ? 'created' : 'updated' })),
        kept: result.kept.map((c) => ({ path: c.file.path, why: 'exists and differs (--dry-run shows the diff, --force replaces it)' })),
        unchanged: result.unchanged.length,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      }),
      ...(options.guard?.interrupted ? ['', INTERRUPTED_WHILE_WRITING] : []),
    ].join('\n'),
  );
  return result.kept.length > 0 ? EXIT.attention : EXIT.ok;
}

const VERBS: Record<string, string> = { create: 'created', refresh: 'refreshed', merge: 'merged', harden: 'hardened', conflict: 'replaced' };

/** The ending of a retrofit run: warnings and findings first (each with its fix), then the summary. */
export function retrofitEnding(root: string, plan: RetrofitPlan, cwd?: string, guard?: InterruptGuard): (report: ReportInput) => string {
  return (report) => {
    const written: WrittenFile[] = report.written.map((c) => ({ path: c.path, verb: c.before === undefined ? 'created' : (VERBS[c.action] ?? 'updated') }));
    const findings = findingLines(report.findings);
    const lines = [
      ...report.warnings.map((w) => `warning  ${w}`),
      ...(findings.length ? ['About your existing files (left unchanged):', ...findings, ''] : []),
      ...plan.plan.notes.map((note) => `note: ${note}`),
      ...(plan.plan.notes.length ? [''] : []),
      // What retrofit left to the maintainers (a CODEOWNERS naming their teams, the security policy).
      ...(report.manual?.length ? ['To do by hand:', ...report.manual.map((step) => `  - ${step}`), ''] : []),
      endingText({
        root,
        answers: plan.answers,
        planned: plan.plan.files.map((f) => f.path),
        written,
        kept: [...report.skipped.map(({ change, why }) => ({ path: change.path, why })), ...report.kept],
        unchanged: report.same.length,
        ...(cwd ? { cwd } : {}),
      }),
      ...(guard?.interrupted ? ['', INTERRUPTED_WHILE_WRITING] : []),
    ];
    return lines.join('\n');
  };
}
