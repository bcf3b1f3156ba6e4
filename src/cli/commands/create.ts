import path from 'node:path';
import { InputError } from '../../errors.js';
import type { Command, Io } from '../command.js';
import { CREATE_OPTIONS, toCreateArgs, type CliArgs } from '../args.js';
import { helpText } from '../help.js';
import { generatorInfo } from '../../version.js';
import { openSession, planWith } from '../../engine/session.js';
import { hasExistingContent } from '../../detect/index.js';
import { applyChanges, diffAgainstDisk } from '../../apply.js';
import { applyReport, dryRunReport } from '../../report.js';


async function retrofitExisting(directory: string, args: CliArgs, io: Io): Promise<number> {
  const { planRetrofit } = await import('../../retrofit/plan.js');
  const { executePlan } = await import('../../retrofit/run.js');
  const { hasHistory } = await import('../../retrofit/releases.js');
  // A directory without commit history is a project being started: it gets the whole setup,
  // SECURITY.md included. An existing repository is retrofitted as `retrofit` does.
  const plan = await planRetrofit(directory, args, { newProject: !(await hasHistory(directory)) });
  if (args.conflict === 'fail') {
    const touched = [...plan.changes.filter((c) => c.before !== undefined).map((c) => c.path), ...plan.kept.map((k) => k.path)];
    if (touched.length > 0) {
      throw new InputError(`Nothing was written: --conflict fail, and these existing files would be edited or kept: ${touched.join(', ')}.`);
    }
  }
  if (!args.dryRun) io.stdout(`${directory} already has files: retrofitting (existing files are merged or kept, never replaced).`);
  return executePlan(directory, plan, { dryRun: args.dryRun, force: args.conflict === 'overwrite' }, io.stdout);
}

async function createNonInteractive(args: CliArgs, io: Io): Promise<number> {
  const directory = path.resolve(args.directory ?? '.');
  if (hasExistingContent(directory)) return retrofitExisting(directory, args, io);
  const { plan } = await planWith(await openSession(directory), args);
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
