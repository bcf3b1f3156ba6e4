import path from 'node:path';
import { parseCli, type CliArgs } from './args.js';
import { helpText } from './help.js';
import { generatorInfo } from '../version.js';
import { isExpectedError } from '../errors.js';
import { planFromFlags } from '../run.js';
import { applyChanges, diffAgainstDisk } from '../apply.js';
import { applyReport, dryRunReport } from '../report.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdinIsTTY: boolean;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  stdinIsTTY: Boolean(process.stdin.isTTY),
};

async function createNonInteractive(args: CliArgs, io: Io): Promise<number> {
  const directory = path.resolve(args.directory ?? '.');
  const { plan } = await planFromFlags(directory, args);
  const changes = diffAgainstDisk(directory, plan.files);
  if (args.dryRun) {
    io.stdout(dryRunReport(plan, changes));
    return 0;
  }
  const result = applyChanges(changes, args.conflict);
  io.stdout(applyReport(plan, result));
  return result.kept.length > 0 ? 1 : 0;
}

async function createInteractive(args: CliArgs): Promise<number> {
  // Yeoman (and with it inquirer) is loaded only for runs that ask questions.
  const { runInteractive } = await import('../../generators/app/run.js');
  return runInteractive(args);
}

/** The command-line entry point; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const args = parseCli(argv);
    if (args.help) {
      io.stdout(helpText(generatorInfo().version));
      return 0;
    }
    if (args.version) {
      io.stdout(generatorInfo().version);
      return 0;
    }
    const interactive = args.interactive ?? (!args.yes && io.stdinIsTTY);
    return interactive ? await createInteractive(args) : await createNonInteractive(args, io);
  } catch (error) {
    if (isExpectedError(error)) {
      io.stderr(`error: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
