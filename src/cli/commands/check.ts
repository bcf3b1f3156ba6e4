import os from 'node:os';
import path from 'node:path';
import type { ReadRemoteFile } from '../../evidence/online.js';
import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { LEVELS, LEVEL_NAMES } from '../../model.js';
import { PRESET_IDS } from '../../presets.js';
import { parseLevel } from '../../validate.js';
import { runCheck } from '../../check/run.js';
import { exitCode } from '../../check/report.js';
import { FORMATS, renderReport, type ReportFormat } from '../../check/format/index.js';
import { headline } from '../../check/format/common.js';
import { EXIT_STATUS_HELP } from '../exit-status.js';
import { checkOutputPath, writeOutputFile } from '../../output-file.js';

/** The GitHub client behind --online, loaded only then (the offline check never loads it). */
async function onlineReader(): Promise<ReadRemoteFile> {
  const { createGitHub } = await import('../../github/index.js');
  const github = createGitHub({ cacheDir: githubCacheDir() });
  return (owner, repo, file, ref) => github.getContents(owner, repo, file, ref);
}

function githubCacheDir(): string {
  if (process.env['SECURE_CNCF_CACHE_DIR']) return path.join(process.env['SECURE_CNCF_CACHE_DIR'], 'github');
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'secure-cncf', 'github');
}

function help(version: string): string {
  const levels = LEVELS.map((l) => `${l}|${LEVEL_NAMES[l]}`).join(', ');
  return `secure-cncf check ${version}
Audit a repository against its secure-cncf level and compliance targets. Reads files only (no
network unless --online); the target comes from .secure-cncf.json when the repository has one.

Usage
  secure-cncf check [directory] [options]

Options
  --level <level>          target level: ${levels} (default: stored answers, else 1)
  --compliance <list>      ${PRESET_IDS.join(', ')}, or none (default: stored answers)
  --repo <owner/name>      the GitHub repository, when the directory has no origin remote (e.g. an export)
  --format <format>        ${FORMATS.join(', ')} (default text)
  -o, --output <file>      write the report to a file instead of stdout
  --min-level <level>      CI gate: exit 1 when the achieved level is lower (instead of the target)
  --online                 also read, through the GitHub API, the shared workflows and actions of
                           other repositories that this one calls (at the ref it names) and the
                           organisation's default SECURITY.md in <owner>/.github, so delegated
                           practices are verified; token from GITHUB_TOKEN or GH_TOKEN, responses
                           cached in $XDG_CACHE_HOME/secure-cncf/github (or SECURE_CNCF_CACHE_DIR)
  -h, --help               show this help

${EXIT_STATUS_HELP}`;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'audit a repository against its level and compliance targets',
  options: {
    level: { type: 'string' },
    compliance: { type: 'string', multiple: true },
    repo: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'min-level': { type: 'string' },
    online: { type: 'boolean' },
  },
  help,
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError(`Expected at most one directory, got: ${positionals.join(' ')}.`);
    const format = (typeof values['format'] === 'string' ? values['format'] : 'text') as ReportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}". Valid formats: ${FORMATS.join(', ')}.`);
    const minLevel = typeof values['min-level'] === 'string' ? parseLevel(values['min-level']) : undefined;
    const output = typeof values['output'] === 'string' ? values['output'] : undefined;
    const outputPath = output === undefined ? undefined : checkOutputPath(output);
    const { report } = await runCheck({
      directory: positionals[0] ?? '.',
      level: typeof values['level'] === 'string' ? values['level'] : undefined,
      compliance: Array.isArray(values['compliance']) ? values['compliance'].map(String) : undefined,
      repo: typeof values['repo'] === 'string' ? values['repo'] : undefined,
      readRemote: values['online'] === true ? await onlineReader() : undefined,
    });
    if (outputPath) {
      writeOutputFile(outputPath, renderReport(report, format, false), output ?? outputPath);
      io.stderr(`${headline(report)} Report written to ${output}.`);
    } else {
      // Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
      io.stdout(renderReport(report, format, Boolean(io.stdoutIsTTY) && !process.env['NO_COLOR']));
    }
    return exitCode(report, minLevel);
  },
};
