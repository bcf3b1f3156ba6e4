import { InputError } from '../../errors.js';
import type { Command, Io } from '../command.js';
import { CREATE_OPTIONS, toCreateArgs, type CliArgs } from '../args.js';
import { helpText } from '../help.js';
import { generatorInfo } from '../../version.js';
import { openSession } from '../../engine/session.js';
import { createNew, retrofitEnding } from '../../first-run.js';
import { hasExistingContent } from '../../detect/index.js';
import { targetDirectory } from '../../detect/root.js';
import { guarded, type InterruptGuard } from '../../interrupt.js';
import { checkCreateTarget } from '../../target.js';

async function retrofitExisting(directory: string, args: CliArgs, io: Io, guard: InterruptGuard): Promise<number> {
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
  const ending = args.dryRun ? undefined : retrofitEnding(directory, plan, process.cwd(), guard);
  return executePlan(directory, plan, { dryRun: args.dryRun, force: args.conflict === 'overwrite', ending, beforeWrite: () => guard.checkBeforeWriting() }, io.stdout);
}

async function createNonInteractive(directory: string, args: CliArgs, io: Io): Promise<number> {
  return guarded(async (guard) => {
    if (hasExistingContent(directory)) return retrofitExisting(directory, args, io, guard);
    return createNew(await openSession(directory), args, { dryRun: args.dryRun, policy: args.conflict, cwd: process.cwd(), guard }, io.stdout);
  });
}

async function createInteractive(directory: string, args: CliArgs): Promise<number> {
  // Yeoman (and with it inquirer) is loaded only for runs that ask questions.
  const { runInteractive } = await import('../../../generators/app/run.js');
  return runInteractive(directory, args);
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
    checkCreateTarget(args.directory ?? '.');
    const interactive = args.interactive ?? (!args.yes && io.stdinIsTTY);
    const directory = targetDirectory(args.directory);
    return interactive ? createInteractive(directory, args) : createNonInteractive(directory, args, io);
  },
};
