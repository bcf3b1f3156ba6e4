// The GitHub Action's entry point (action.yml: runs.using node24, main dist/action.js). Reads the
// inputs GitHub passes as INPUT_* variables, runs `check` (or `survey`) in-process from the bundle
// that travels in the release tag, writes the report and the outputs; nothing is fetched at run time.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isExpectedError, UsageError } from './errors.js';
import { parseLevel } from './validate.js';

export const ACTION_COMMANDS = ['check', 'survey'] as const;

export interface ActionIo {
  env: NodeJS.ProcessEnv;
  /** Workflow commands and logs. */
  log: (text: string) => void;
}

/** An input as the runner passes it: INPUT_<NAME> with the name upper-cased (hyphens kept). */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
}

/** Escape a message for a `::error::` workflow command. */
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const file = env['GITHUB_OUTPUT'];
  if (!file) return;
  // Values here never contain newlines (a level, a path), so the simple name=value form is safe.
  appendFileSync(file, Object.entries(outputs).map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, ' ')}\n`).join(''));
}

export async function runAction(io: ActionIo): Promise<number> {
  const { env } = io;
  const workspace = env['GITHUB_WORKSPACE'] || process.cwd();
  try {
    const command = input(env, 'command') || 'check';
    if (!(ACTION_COMMANDS as readonly string[]).includes(command)) throw new UsageError(`Unknown command "${command}". Valid commands: ${ACTION_COMMANDS.join(', ')}.`);
    const level = input(env, 'level') || undefined;
    if (level) parseLevel(level);
    const minLevelText = input(env, 'min-level');
    const minLevel = minLevelText ? parseLevel(minLevelText) : undefined;
    const compliance = input(env, 'compliance')
      .split(/[\s,]+/)
      .filter(Boolean);
    const directory = path.resolve(workspace, input(env, 'directory') || '.');
    const summary = (input(env, 'summary') || 'true') !== 'false';
    const summaryFile = env['GITHUB_STEP_SUMMARY'];

    if (command === 'survey') {
      const { findRepositories, runSurvey } = await import('./check/survey.js');
      const { renderSurvey, SURVEY_FORMATS } = await import('./check/format/survey.js');
      const format = (input(env, 'format') || 'markdown') as (typeof SURVEY_FORMATS)[number];
      if (!SURVEY_FORMATS.includes(format)) throw new UsageError(`Unknown format "${format}" for survey. Valid formats: ${SURVEY_FORMATS.join(', ')}.`);
      const repositories = findRepositories(directory);
      if (repositories.length === 0) throw new UsageError(`No git repositories found under ${directory}.`);
      const result = await runSurvey({ repositories, level });
      const output = path.resolve(workspace, input(env, 'output') || `secure-cncf-survey.${format === 'markdown' ? 'md' : format}`);
      writeFileSync(output, renderSurvey(result, format));
      if (summary && summaryFile) appendFileSync(summaryFile, renderSurvey(result, 'markdown'));
      setOutputs(env, { report: output, level: '', 'target-met': '' });
      return 0;
    }

    const { runCheck } = await import('./check/run.js');
    const { exitCode } = await import('./check/report.js');
    const { FORMATS, renderReport } = await import('./check/format/index.js');
    const { headline } = await import('./check/format/common.js');
    const format = (input(env, 'format') || 'sarif') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${format}". Valid formats: ${FORMATS.join(', ')}.`);
    const { report } = await runCheck({ directory, level, compliance: compliance.length ? compliance : undefined });
    const extension = format === 'markdown' ? 'md' : format === 'text' ? 'txt' : format;
    const output = path.resolve(workspace, input(env, 'output') || `secure-cncf.${extension}`);
    writeFileSync(output, renderReport(report, format, false));
    if (summary && summaryFile) appendFileSync(summaryFile, renderReport(report, 'markdown', false));
    setOutputs(env, { level: String(report.achievedLevel), report: output, 'target-met': String(report.targetMet) });
    io.log(`${headline(report)} Report written to ${path.relative(workspace, output) || output}.`);
    const code = exitCode(report, minLevel);
    if (code !== 0) io.log(`::error title=secure-cncf check::${escapeData(`${headline(report)} See the report.`)}`);
    return code;
  } catch (error) {
    if (isExpectedError(error)) {
      io.log(`::error title=secure-cncf::${escapeData(error.message)}`);
      return error.exitCode;
    }
    throw error;
  }
}
