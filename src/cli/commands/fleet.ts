import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from '../command.js';
import { UsageError, isExpectedError } from '../../errors.js';
import { SELECTION_HELP, SELECTION_OPTIONS, gitHubFor, hasSelection, levelOption, planOptions, positiveInt, serverUrl, tokenFromEnv } from '../../fleet/options.js';
import { MAX_MATRIX_JOBS, matrixFor } from '../../fleet/chunks.js';

const ACTIONS = ['plan', 'run', 'report'] as const;
const MODES = ['check', 'retrofit'] as const;

function help(version: string): string {
  return `secure-cncf fleet ${version}
The steps of the fleet workflow (an organisation's repositories audited by a matrix of jobs on
GitHub Actions); each also runs on its own. \`survey --org\` does all three on one machine.

Usage
  secure-cncf fleet plan (--org <org> [filters] | --repos <file>) [--max-jobs <n>] [--min-per-job <n>] -o plan.json
  secure-cncf fleet run --plan plan.json --chunk <n> --results <dir> [--mode check|retrofit] [--level <level>]
  secure-cncf fleet report --plan plan.json --results <dir> [--markdown <file>] [--csv <file>] [--html <file>]

plan: lists the repositories and splits them into at most --max-jobs chunks (default and most
${MAX_MATRIX_JOBS}, GitHub's limit per matrix). With GITHUB_OUTPUT set, writes the outputs matrix
(for strategy.matrix) and count.
${SELECTION_HELP}
  --max-jobs <n>           matrix jobs at most, 1-${MAX_MATRIX_JOBS} (default ${MAX_MATRIX_JOBS})
  --min-per-job <n>        repositories a job takes at least (default 1)

run: audits one chunk: head through the API, a shallow read-only fetch, \`check\`, one JSON row per
repository in --results. A repository that cannot be audited is a row with the reason.
  --mode retrofit          also run \`retrofit --yes\` and open or update one pull request per
                           repository on the branch secure-cncf/retrofit (nothing when nothing changes)
  --level <level>          audit (and retrofit) against this level

report: gathers every row into the survey report; a planned repository without a row is reported
as such. Writes Markdown (e.g. to "$GITHUB_STEP_SUMMARY"), CSV and the HTML dashboard.

Exit status
  0  done (repositories that could not be audited are rows in the report)
  2  usage error, unreadable plan, or a token without the needed scope
`;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const fleetCommand: Command = {
  name: 'fleet',
  summary: 'plan, run and report a fleet audit across an organisation (the GitHub Actions workflow steps)',
  options: {
    ...SELECTION_OPTIONS,
    'max-jobs': { type: 'string' },
    'min-per-job': { type: 'string' },
    plan: { type: 'string' },
    chunk: { type: 'string' },
    results: { type: 'string' },
    mode: { type: 'string' },
    level: { type: 'string' },
    markdown: { type: 'string' },
    csv: { type: 'string' },
    html: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  help,
  async run({ values, positionals }, io) {
    const action = positionals[0];
    if (!action || !(ACTIONS as readonly string[]).includes(action) || positionals.length > 1) {
      throw new UsageError(`Expected one of: ${ACTIONS.join(', ')}${action ? `; got "${positionals.join(' ')}"` : ''}. Run "secure-cncf fleet --help".`);
    }
    if (action === 'plan') return plan(values, io.stderr, io.stdout);
    const planFile = str(values['plan']);
    if (!planFile) throw new UsageError(`fleet ${action} needs --plan <file> (written by "fleet plan").`);
    const results = str(values['results']);
    if (!results) throw new UsageError(`fleet ${action} needs --results <dir>.`);
    const { readPlan } = await import('../../fleet/plan.js');
    const fleetPlan = readPlan(path.resolve(planFile));
    if (action === 'run') return runChunk(values, fleetPlan, path.resolve(results), io.stderr);
    return report(values, fleetPlan, path.resolve(results), io.stdout);
  },
};

async function plan(values: Record<string, unknown>, log: (t: string) => void, stdout: (t: string) => void): Promise<number> {
  if (!hasSelection(values as never)) throw new UsageError('fleet plan needs --org <org> or --repos <file>.');
  const output = str(values['output']);
  if (!output) throw new UsageError('fleet plan needs -o <file> for the plan.');
  const maxJobs = positiveInt(str(values['max-jobs']), '--max-jobs', MAX_MATRIX_JOBS, MAX_MATRIX_JOBS);
  const minPerJob = positiveInt(str(values['min-per-job']), '--min-per-job', 1, 10_000);
  const { buildPlan } = await import('../../fleet/plan.js');
  const gh = gitHubFor(values as never, log);
  const fleetPlan = await buildPlan(gh.client, { ...planOptions(values as never), maxJobs, minPerJob });
  writeFileSync(path.resolve(output), `${JSON.stringify(fleetPlan)}\n`);
  const matrix = JSON.stringify(matrixFor(fleetPlan.chunks.length));
  const githubOutput = process.env['GITHUB_OUTPUT'];
  if (githubOutput) appendFileSync(githubOutput, `matrix=${matrix}\ncount=${fleetPlan.chunks.length}\nrepositories=${fleetPlan.repos.length}\n`);
  else stdout(matrix);
  log(`${fleetPlan.repos.length} repositories in ${fleetPlan.chunks.length} jobs${fleetPlan.problems.length ? `; ${fleetPlan.problems.length} could not be looked up` : ''}. Plan written to ${output}.`);
  return 0;
}

async function runChunk(values: Record<string, unknown>, fleetPlan: import('../../fleet/plan.js').FleetPlan, results: string, log: (t: string) => void): Promise<number> {
  const { chunkRepos } = await import('../../fleet/plan.js');
  const { auditAll, writeEntry } = await import('../../fleet/run.js');
  const chunkValue = str(values['chunk']);
  if (chunkValue === undefined || !/^\d+$/.test(chunkValue)) throw new UsageError('fleet run needs --chunk <n>, a chunk number from the plan.');
  const mode = str(values['mode']) ?? 'check';
  if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`Unknown --mode "${mode}". Valid modes: ${MODES.join(', ')}.`);
  const level = levelOption(values as never);
  const repos = chunkRepos(fleetPlan, Number(chunkValue));
  const gh = gitHubFor(values as never, log);
  const token = tokenFromEnv();
  const git = serverUrl(values as never);
  const workDir = mkdtempSync(path.join(tmpdir(), 'secure-cncf-fleet-'));
  try {
    let then: Parameters<typeof import('../../fleet/audit.js').auditRepository>[2];
    if (mode === 'retrofit') {
      const { retrofitRepository } = await import('../../fleet/retrofit.js');
      const { gitAuthEnv } = await import('../../fleet/audit.js');
      const { retrofitCommand } = await import('./retrofit.js');
      const { parseCommandArgs } = await import('../command.js');
      // The retrofit command in-process, with the CLI's handling of expected errors (exit 2, message).
      const retrofitCli = async (argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> => {
        try {
          return await retrofitCommand.run(parseCommandArgs(retrofitCommand, argv.slice(1)), { stdout: out, stderr: err, stdinIsTTY: false });
        } catch (error) {
          if (!isExpectedError(error)) throw error;
          err(`error: ${error.message}`);
          return error.exitCode;
        }
      };
      then = async (dir, entry, url) => {
        const repo = repos.find((r) => r.fullName === entry.path);
        entry.retrofit = await retrofitRepository(dir, entry.path, {
          client: gh.client,
          url,
          env: gitAuthEnv(git, token),
          defaultBranch: repo?.defaultBranch ?? 'main',
          level,
          cli: retrofitCli,
        });
      };
    }
    const { auditRepository } = await import('../../fleet/audit.js');
    const ctx = { client: gh.client, serverUrl: git, token, workDir, level };
    await auditAll(repos, ctx, positiveInt(str(values['concurrency']), '--concurrency', 2, 64), (entry, done, total) => {
      writeEntry(results, entry);
      const outcome = entry.report ? `level ${entry.report.achievedLevel}` : `not audited: ${entry.error}`;
      log(`[${done}/${total}] ${entry.path}: ${outcome}${entry.retrofit ? `; pull request: ${entry.retrofit.outcome}${entry.retrofit.url ? ` ${entry.retrofit.url}` : ''}${entry.retrofit.detail ? ` (${entry.retrofit.detail})` : ''}` : ''}`);
    }, then ? (repo, c) => auditRepository(repo, c, then) : undefined);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return 0;
}

async function report(values: Record<string, unknown>, fleetPlan: import('../../fleet/plan.js').FleetPlan, results: string, stdout: (t: string) => void): Promise<number> {
  const { collect } = await import('../../fleet/run.js');
  const { renderSurvey } = await import('../../check/format/survey.js');
  const { fitSummary, fleetPullRequests } = await import('../../fleet/summary.js');
  const result = collect(fleetPlan, results);
  const markdown = `${renderSurvey(result, 'markdown')}${fleetPullRequests(result.entries)}`;
  const targets = { markdown: str(values['markdown']), csv: str(values['csv']), html: str(values['html']) };
  if (targets.markdown) appendFileSync(path.resolve(targets.markdown), fitSummary(markdown));
  if (targets.csv) writeFileSync(path.resolve(targets.csv), renderSurvey(result, 'csv'));
  if (targets.html) writeFileSync(path.resolve(targets.html), renderSurvey(result, 'html'));
  if (!targets.markdown && !targets.csv && !targets.html) stdout(markdown);
  return 0;
}
