import path from 'node:path';
import type { Command, Io } from '../command.js';
import { CREATE_OPTIONS, toCreateArgs, type CliArgs } from '../args.js';
import { helpText } from '../help.js';
import { generatorInfo } from '../../version.js';
import { planFromFlags } from '../../run.js';
import { applyChanges, diffAgainstDisk } from '../../apply.js';
import { applyReport, dryRunReport } from '../../report.js';

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
  const { runInteractive } = await import('../../../generators/app/run.js');
  return runInteractive(args);
}

export const createCommand: Command = {
  name: 'create',
  summary: 'generate the hardened setup (the default command)',
  options: CREATE_OPTIONS,
  help: helpText,
  async run(parsed, io) {
    if (parsed.values['version']) {
      io.stdout(generatorInfo().version);
      return 0;
    }
    if (parsed.values['list-presets']) {
      const [{ listPresetsText }, { CATALOG }] = await Promise.all([import('../../presets.js'), import('../../catalog/index.js')]);
      io.stdout(listPresetsText(CATALOG));
      return 0;
    }
    const args = toCreateArgs(parsed);
    const interactive = args.interactive ?? (!args.yes && io.stdinIsTTY);
    return interactive ? createInteractive(args) : createNonInteractive(args, io);
  },
};
