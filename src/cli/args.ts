import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { AnswerFlags } from '../answers.js';
import type { ConflictPolicy } from '../apply.js';

export const COMMANDS = ['create'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs extends AnswerFlags {
  command: Command;
  directory?: string | undefined;
  yes: boolean;
  dryRun: boolean;
  conflict: ConflictPolicy;
  help: boolean;
  version: boolean;
  interactive?: boolean | undefined;
}

const OPTIONS = {
  name: { type: 'string' },
  repo: { type: 'string' },
  language: { type: 'string', multiple: true, short: 'l' },
  languages: { type: 'string', multiple: true },
  level: { type: 'string' },
  compliance: { type: 'string', multiple: true },
  artifacts: { type: 'string', multiple: true },
  branch: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  conflict: { type: 'string' },
  interactive: { type: 'boolean' },
  'no-interactive': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export const FLAG_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

const CONFLICT_POLICIES: ConflictPolicy[] = ['skip', 'overwrite', 'fail'];

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(`${message}\nValid options: ${FLAG_NAMES.join(', ')}. Run with --help for details.`);
  }
  const { values, positionals } = parsed;
  let command: Command = 'create';
  const rest = [...positionals];
  if (rest[0] && (COMMANDS as readonly string[]).includes(rest[0])) command = rest.shift() as Command;
  if (rest.length > 1) throw new UsageError(`Expected at most one target directory, got: ${rest.join(' ')}.`);

  if (values.force && values.conflict && values.conflict !== 'overwrite') {
    throw new UsageError('--force means --conflict overwrite; do not combine it with another --conflict value.');
  }
  const conflict = (values.force ? 'overwrite' : (values.conflict ?? 'skip')) as ConflictPolicy;
  if (!CONFLICT_POLICIES.includes(conflict)) {
    throw new UsageError(`Unknown --conflict value "${values.conflict}". Valid values: ${CONFLICT_POLICIES.join(', ')}.`);
  }
  const language = [...(values.language ?? []), ...(values.languages ?? [])];
  return {
    command,
    directory: rest[0],
    name: values.name,
    repo: values.repo,
    language: language.length ? language : undefined,
    level: values.level,
    compliance: values.compliance,
    artifacts: values.artifacts,
    branch: values.branch,
    yes: values.yes ?? false,
    dryRun: values['dry-run'] ?? false,
    conflict,
    help: values.help ?? false,
    version: values.version ?? false,
    interactive: values['no-interactive'] ? false : values.interactive,
  };
}
