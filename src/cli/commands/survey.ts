import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { aggregate, findRepositories, runSurvey, type SurveyResult } from '../../check/survey.js';
import { renderSurvey, SURVEY_FORMATS, type SurveyFormat } from '../../check/format/survey.js';
import { SELECTION_HELP, SELECTION_OPTIONS, defaultCacheDir, gitHubFor, hasSelection, levelOption, planOptions, serverUrl, tokenFromEnv } from '../../fleet/options.js';
import { EXIT_STATUS_HELP } from '../exit-status.js';
import { checkOutputPath, writeOutputFile } from '../../output-file.js';

function help(version: string): string {
  return `secure-cncf survey ${version}
Run \`secure-cncf check\` over many repositories and write an aggregate report: adoption of each
practice, distribution of levels, most common gaps. Local clones, or a GitHub organisation's
repositories fetched read-only. Progress goes to stderr; a repository that cannot be audited is a
row in the report with the reason, and the survey goes on.

Usage
  secure-cncf survey <directory>... [options]
  secure-cncf survey --under <directory> [options]
  secure-cncf survey --org <org> [filters] [options]
  secure-cncf survey --repos <file> [options]

Options
  --under <directory>      audit every git repository below this directory
  --level <level>          audit every repository against this level (default: each one's stored answers)
  --format <format>        ${SURVEY_FORMATS.join(', ')} (default markdown)
  -o, --output <file>      write the report to a file instead of stdout
  -h, --help               show this help

Remote repositories (--org, --repos)
${SELECTION_HELP}
  --cache <dir>            API responses (ETags), shallow working copies and results by commit,
                           so the next run only fetches and audits what changed
                           (default $XDG_CACHE_HOME/secure-cncf, else ~/.cache/secure-cncf)
  --no-cache               fetch everything, keep nothing

A survey exits 0 when it ran, even when some repositories could not be audited (they are rows of
the report with the reason); 2 on a usage error, no repositories found, or a token without the
needed scope.

${EXIT_STATUS_HELP}`;
}

export const surveyCommand: Command = {
  name: 'survey',
  summary: 'audit many repositories (local, or a GitHub organisation) and aggregate the results',
  options: {
    under: { type: 'string', multiple: true },
    level: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    ...SELECTION_OPTIONS,
    cache: { type: 'string' },
    'no-cache': { type: 'boolean' },
  },
  help,
  async run({ values, positionals }, io) {
    const format = (typeof values['format'] === 'string' ? values['format'] : 'markdown') as SurveyFormat;
    if (!SURVEY_FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}". Valid formats: ${SURVEY_FORMATS.join(', ')}.`);
    const output = typeof values['output'] === 'string' ? values['output'] : undefined;
    // Checked before auditing anything: a bad path should not cost a whole survey.
    const outputPath = output === undefined ? undefined : checkOutputPath(output);
    const level = levelOption(values);
    const under = Array.isArray(values['under']) ? values['under'].map(String) : [];
    let result: SurveyResult;
    if (hasSelection(values)) {
      if (positionals.length || under.length) throw new UsageError('Give either directories (or --under) or --org/--repos, not both.');
      result = await surveyRemote(values, level, io.stderr);
    } else {
      const repositories = [...positionals.map((p) => path.resolve(p)), ...under.flatMap((dir) => findRepositories(dir))];
      if (repositories.length === 0) {
        throw new UsageError(under.length ? `No git repositories found under ${under.join(', ')}.` : 'Name one or more repository directories, --under <directory>, --org <org> or --repos <file>.');
      }
      result = await runSurvey({
        repositories,
        level,
        onProgress: (done, total, entry) => {
          const outcome = entry.report ? `level ${entry.report.achievedLevel}, ${entry.report.gaps.length} gaps` : `not audited: ${entry.error}`;
          io.stderr(`[${done}/${total}] ${entry.path}: ${outcome}`);
        },
      });
    }
    const text = renderSurvey(result, format);
    if (outputPath) writeOutputFile(outputPath, text, output ?? outputPath);
    else io.stdout(text);
    return 0;
  },
};

async function surveyRemote(values: Record<string, unknown>, level: string | undefined, log: (text: string) => void): Promise<SurveyResult> {
  const { buildPlan } = await import('../../fleet/plan.js');
  const { auditAll, problemRows } = await import('../../fleet/run.js');
  const options = planOptions(values as never);
  const noCache = Boolean(values['no-cache']);
  const cacheDir = noCache ? undefined : path.resolve(typeof values['cache'] === 'string' ? values['cache'] : defaultCacheDir());
  const gh = gitHubFor(values as never, log, cacheDir);
  const plan = await buildPlan(gh.client, { ...options, maxJobs: 1 });
  log(`${plan.repos.length} repositories to audit${plan.problems.length ? `, ${plan.problems.length} could not be looked up` : ''}.`);
  const entries = await auditAll(
    plan.repos,
    {
      client: gh.client,
      serverUrl: serverUrl(values as never),
      token: tokenFromEnv(),
      workDir: cacheDir ? path.join(cacheDir, 'clones') : path.join(tmpdir(), `secure-cncf-survey-${process.pid}`),
      keepClones: Boolean(cacheDir),
      resultsDir: cacheDir ? path.join(cacheDir, 'results') : undefined,
      level,
    },
    options.concurrency ?? 4,
    (entry, done, total) => {
      const outcome = entry.report ? `level ${entry.report.achievedLevel}, ${entry.report.gaps.length} gaps${entry.cached ? ' (unchanged)' : ''}` : `not audited: ${entry.error}`;
      log(`[${done}/${total}] ${entry.path}: ${outcome}`);
    },
  );
  const { requests, notModified, waits } = gh.client.stats;
  log(`GitHub API: ${requests} requests, ${notModified} unchanged (304), ${waits} rate-limit waits.`);
  return aggregate([...problemRows(plan), ...entries].sort((a, b) => a.path.localeCompare(b.path)));
}
