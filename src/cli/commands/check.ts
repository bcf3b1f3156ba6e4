import type { Command } from '../command.js';
import { UsageError } from '../../errors.js';
import { LEVELS, LEVEL_NAMES } from '../../model.js';
import { PRESET_IDS } from '../../presets.js';
import { parseLevel } from '../../validate.js';
import { runCheck } from '../../check/run.js';
import { exitCode } from '../../check/report.js';
import { FORMATS, renderReport, type ReportFormat } from '../../check/format/index.js';
import { headline } from '../../check/format/common.js';
import { checkOutputPath, writeOutputFile } from '../../output-file.js';

function help(version: string): string {
  const levels = LEVELS.map((l) => `${l}|${LEVEL_NAMES[l]}`).join(', ');
  return `secure-cncf check ${version}
Audit a repository against its secure-cncf level and compliance targets. Reads files only (no
network); the target comes from .secure-cncf.json when the repository has one.

Usage
  secure-cncf check [directory] [options]

Options
  --level <level>          target level: ${levels} (default: stored answers, else 1)
  --compliance <list>      ${PRESET_IDS.join(', ')}, or none (default: stored answers)
  --repo <owner/name>      the GitHub repository, when the directory has no origin remote (e.g. an export)
  --format <format>        ${FORMATS.join(', ')} (default text)
  -o, --output <file>      write the report to a file instead of stdout
  --min-level <level>      CI gate: exit 1 when the achieved level is lower (instead of the target)
  -h, --help               show this help

Exit status
  0  the target level (or --min-level) is met
  1  gaps found
  2  usage or input error
`;
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
