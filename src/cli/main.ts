import { parseCommandArgs, type Io } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { generatorInfo } from '../version.js';
import { isExpectedError } from '../errors.js';
import { refuseMistypedCommand } from './suggest.js';

export type { Io } from './command.js';

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
};

/** The command-line entry point; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const named = findCommand(argv[0]);
    if (!named) refuseMistypedCommand(argv, COMMANDS.map((c) => c.name));
    const command = named ?? (findCommand('create') as NonNullable<ReturnType<typeof findCommand>>);
    const parsed = parseCommandArgs(command, named ? argv.slice(1) : argv);
    if (parsed.values['help']) {
      io.stdout(command.help(generatorInfo().version));
      if (command.name === 'create') {
        io.stdout(`Commands\n${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}\n`);
      }
      return 0;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (isExpectedError(error)) {
      io.stderr(`error: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
