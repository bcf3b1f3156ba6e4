import path from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { parseLevel } from '../../validate.js';
import { findRepositories, runSurvey } from '../../check/survey.js';
import { renderSurvey, SURVEY_FORMATS, type SurveyFormat } from '../../check/format/survey.js';
import { EXIT_STATUS_HELP } from '../exit-status.js';
import { checkOutputPath, writeOutputFile } from '../../output-file.js';

function help(version: string): string {
  return `secure-cncf survey ${version}
Run \`secure-cncf check\` over many local repositories and write an aggregate report: adoption of
each practice, distribution of levels, most common gaps. Progress goes to stderr; a repository
that cannot be audited is reported and skipped.

Usage
  secure-cncf survey <directory>... [options]
  secure-cncf survey --under <directory> [options]

Options
  --under <directory>      audit every git repository below this directory
  --level <level>          audit every repository against this level (default: each one's stored answers)
  --format <format>        ${SURVEY_FORMATS.join(', ')} (default markdown)
  -o, --output <file>      write the report to a file instead of stdout
  -h, --help               show this help

${EXIT_STATUS_HELP}`;
}

export const surveyCommand: Command = {
  name: 'survey',
  summary: 'audit many local repositories and aggregate the results',
  options: {
    under: { type: 'string', multiple: true },
    level: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
  },
  help,
  async run({ values, positionals }, io) {
    const format = (typeof values['format'] === 'string' ? values['format'] : 'markdown') as SurveyFormat;
    if (!SURVEY_FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}". Valid formats: ${SURVEY_FORMATS.join(', ')}.`);
    const output = typeof values['output'] === 'string' ? values['output'] : undefined;
    // Checked before auditing anything: a bad path should not cost a whole survey.
    const outputPath = output === undefined ? undefined : checkOutputPath(output);
    if (typeof values['level'] === 'string') parseLevel(values['level']);
    const under = Array.isArray(values['under']) ? values['under'].map(String) : [];
    const repositories = [...positionals.map((p) => path.resolve(p)), ...under.flatMap((dir) => findRepositories(dir))];
    if (repositories.length === 0) {
      throw new UsageError(under.length ? `No git repositories found under ${under.join(', ')}.` : 'Name one or more repository directories, or --under <directory>.');
    }
    const result = await runSurvey({
      repositories,
      level: typeof values['level'] === 'string' ? values['level'] : undefined,
      onProgress: (done, total, entry) => {
        const outcome = entry.report ? `level ${entry.report.achievedLevel}, ${entry.report.gaps.length} gaps` : `not audited: ${entry.error}`;
        io.stderr(`[${done}/${total}] ${entry.path}: ${outcome}`);
      },
    });
    const text = renderSurvey(result, format);
    if (outputPath) writeOutputFile(outputPath, text, output ?? outputPath);
    else io.stdout(text);
    return 0;
  },
};
