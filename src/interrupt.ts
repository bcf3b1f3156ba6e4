// Ctrl-C outside a prompt (while planning or writing) is a real SIGINT, which by default kills
// the process wherever it is, even half-way through the writes. While a run plans and writes, the
// signal is only noted: before the first write it cancels the run (nothing written, exit 130);
// during the writes (synchronous, a few milliseconds) they finish and the run reports them.
import { CancelledError } from './errors.js';

export class InterruptGuard {
  interrupted = false;
  private readonly onSignal = (): void => {
    this.interrupted = true;
  };

  constructor() {
    process.on('SIGINT', this.onSignal);
  }

  /** Call right before the first write. */
  checkBeforeWriting(): void {
    if (this.interrupted) throw new CancelledError('Cancelled: nothing was written.');
  }

  /** Stop listening once the signals sent during the writes have been delivered. */
  async release(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    process.off('SIGINT', this.onSignal);
  }
}

/** Runs `work` with SIGINT noted instead of killing the process; the guard is always released. */
export async function guarded<T>(work: (guard: InterruptGuard) => Promise<T>): Promise<T> {
  const guard = new InterruptGuard();
  try {
    return await work(guard);
  } finally {
    await guard.release();
  }
}
