import { UsageError } from '../errors.js';
import type { AnswerFlags } from '../answers.js';
import type { ConflictPolicy } from '../apply.js';
import type { OptionSpec, ParsedArgs } from './command.js';

/** Options of the generator (the default command). */
export interface CliArgs extends AnswerFlags {
  directory?: string | undefined;
  yes: boolean;
  dryRun: boolean;
  conflict: ConflictPolicy;
  interactive?: boolean | undefined;
}

export const CREATE_OPTIONS: OptionSpec = {
  name: { type: 'string' },
  repo: { type: 'string' },
  language: { type: 'string', multiple: true, short: 'l' },
  languages: { type: 'string', multiple: true },
  level: { type: 'string' },
  compliance: { type: 'string', multiple: true },
  artifacts: { type: 'string', multiple: true },
  branch: { type: 'string' },
  portal: { type: 'boolean' },
  charts: { type: 'string' },
  'ack-days': { type: 'string' },
  'fix-days': { type: 'string' },
  'no-portal': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  conflict: { type: 'string' },
  interactive: { type: 'boolean' },
  'no-interactive': { type: 'boolean' },
  'list-presets': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
};

export const FLAG_NAMES = [...Object.keys(CREATE_OPTIONS).map((name) => `--${name}`), '--help'];

const CONFLICT_POLICIES: ConflictPolicy[] = ['skip', 'overwrite', 'fail'];

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

/** Validate the generator's options into CliArgs. */
export function toCreateArgs({ values, positionals }: ParsedArgs): CliArgs {
  if (positionals.length > 1) throw new UsageError(`Expected at most one target directory, got: ${positionals.join(' ')}.`);
  const conflictValue = str(values['conflict']);
  if (values['force'] && conflictValue && conflictValue !== 'overwrite') {
    throw new UsageError('--force means --conflict overwrite; do not combine it with another --conflict value.');
  }
  const conflict = (values['force'] ? 'overwrite' : (conflictValue ?? 'skip')) as ConflictPolicy;
  if (!CONFLICT_POLICIES.includes(conflict)) {
    throw new UsageError(`Unknown --conflict value "${conflictValue}". Valid values: ${CONFLICT_POLICIES.join(', ')}.`);
  }
  const language = [...(strings(values['language']) ?? []), ...(strings(values['languages']) ?? [])];
  return {
    directory: positionals[0],
    name: str(values['name']),
    repo: str(values['repo']),
    language: language.length ? language : undefined,
    level: str(values['level']),
    compliance: strings(values['compliance']),
    artifacts: strings(values['artifacts']),
    branch: str(values['branch']),
    portal: values['no-portal'] ? false : (values['portal'] as boolean | undefined),
    charts: str(values['charts']),
    ackDays: str(values['ack-days']),
    fixDays: str(values['fix-days']),
    yes: Boolean(values['yes']),
    dryRun: Boolean(values['dry-run']),
    conflict,
    interactive: values['no-interactive'] ? false : (values['interactive'] as boolean | undefined),
  };
}
