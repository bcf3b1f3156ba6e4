/** A problem with what the user asked for: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** A problem with the repository or file system that stops the run before anything is written. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly exitCode = 2;
}

/** The user interrupted the run before anything was written: exit code 130, as shells use for SIGINT. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  readonly exitCode = 130;
}

export function isExpectedError(error: unknown): error is UsageError | InputError | CancelledError {
  return error instanceof UsageError || error instanceof InputError || error instanceof CancelledError;
}
