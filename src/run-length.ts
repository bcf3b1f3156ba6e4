// How V8 is tuned for the length of a run. A run of one command over one repository usually lasts
// well under a second, and bin.ts tunes V8 for that once the CLI's modules have loaded (set any
// earlier, a changed flag makes V8 reject Node's built-in code cache for every Node module loaded
// afterwards):
// - no optimising compiler: it would spend more (about a fifth of all instructions, on a second
//   thread) than its code saves (ADR 0017);
// - a young generation that keeps the size it has then instead of doubling as the run allocates:
//   each new page costs a page fault (10-15 µs each on the 2-vCPU VMs measured), and once git has
//   been forked every page Node already had faults again on its first write (ADR 0020);
// - regular expressions compiled to machine code at once instead of interpreted on their first run
//   (the joined tool patterns of findTools run over every step and script; ADR 0020).
// Some runs turn out long: a retrofit of a workflow of thousands of jobs parses megabytes of YAML
// several times. They get V8's defaults back at the first checkpoint after a second, where the
// optimising compiler pays for itself and a growing young generation saves scavenges of a large
// parse tree (a 1 MB workflow's retrofit: 9.3 s with the short-run tuning throughout, 6.5 s with it lifted after a second).
import v8 from 'node:v8';

/** Commands that loop over many repositories keep V8's defaults from the start. */
const LONG_RUNNING_COMMANDS = new Set(['survey', 'fleet']);
/** From this time since the process started, a run counts as long. */
const LONG_AFTER_MS = 1000;

/** The two steps of a run's tuning, around one way of setting V8 flags (tests pass their own). */
export function runLength(setFlag: (flag: string) => void, now: () => number = () => performance.now()) {
  let tunedShort = false;
  return {
    /** Tunes V8 for a short run, unless the command line names a long-running command. */
    tuneForShortRun(argv: readonly string[]): void {
      if (argv.some((arg) => LONG_RUNNING_COMMANDS.has(arg))) return;
      setFlag('--no-opt');
      setFlag('--semi-space-growth-factor=1');
      setFlag('--no-regexp-tier-up');
      tunedShort = true;
    },
    /**
     * Called before work that grows with the input (a YAML parse): once the run has lasted a
     * second, V8's defaults for the optimising compiler and the young generation come back, once.
     */
    longRunCheckpoint(): void {
      if (!tunedShort || now() < LONG_AFTER_MS) return;
      tunedShort = false;
      setFlag('--opt');
      setFlag('--semi-space-growth-factor=2');
    },
  };
}

export const { tuneForShortRun, longRunCheckpoint } = runLength((flag) => v8.setFlagsFromString(flag));
