import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdinIsTTY: boolean;
  stdoutIsTTY?: boolean;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** One sub-command of the CLI: its own options, help text and runner. Registered in commands/index.ts. */
export interface Command {
  name: string;
  summary: string;
  options: OptionSpec;
  help: (version: string) => string;
  run: (args: ParsedArgs, io: Io) => Promise<number>;
}

/** Strict parsing: an unknown option is a usage error that lists the valid ones. */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options: OptionSpec = { ...command.options, help: { type: 'boolean', short: 'h' } };
  try {
    const { values, positionals, tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
    // --x and --no-x: the one given last wins, as in every CLI (parseArgs keeps both).
    for (const name of Object.keys(options)) {
      const negated = `no-${name}`;
      if (!(negated in options) || values[name] === undefined || values[negated] === undefined) continue;
      const last = tokens.filter((t) => t.kind === 'option' && (t.name === name || t.name === negated)).pop();
      delete values[last?.kind === 'option' && last.name === name ? negated : name];
    }
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    const names = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`${message}\nValid options for "${command.name}": ${names.join(', ')}. Run with --help for details.`);
  }
}
