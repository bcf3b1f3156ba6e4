// Fan-out past GitHub's limit of 256 jobs per matrix: the repositories are split into at most
// `maxJobs` contiguous chunks of nearly equal size, and the matrix carries only chunk numbers (the
// lists travel in the plan artifact), so the matrix stays a few kilobytes even for 10,000 names.

/** GitHub Actions runs at most 256 jobs from one matrix. */
export const MAX_MATRIX_JOBS = 256;

export interface ChunkOptions {
  /** Jobs at most (1-256; default 256). */
  maxJobs?: number;
  /** Repositories a job takes at least, to spread the start-up cost of a job (default 1). */
  minPerJob?: number;
}

export function chunk<T>(items: readonly T[], options: ChunkOptions = {}): T[][] {
  const maxJobs = options.maxJobs ?? MAX_MATRIX_JOBS;
  const minPerJob = options.minPerJob ?? 1;
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MAX_MATRIX_JOBS) {
    throw new RangeError(`max jobs must be an integer from 1 to ${MAX_MATRIX_JOBS}, got ${maxJobs}.`);
  }
  if (!Number.isInteger(minPerJob) || minPerJob < 1) throw new RangeError(`repositories per job must be a positive integer, got ${minPerJob}.`);
  if (items.length === 0) return [];
  const jobs = Math.min(maxJobs, Math.ceil(items.length / minPerJob));
  const base = Math.floor(items.length / jobs);
  const extra = items.length % jobs;
  const chunks: T[][] = [];
  let start = 0;
  for (let i = 0; i < jobs; i += 1) {
    const size = base + (i < extra ? 1 : 0);
    chunks.push(items.slice(start, start + size));
    start += size;
  }
  return chunks;
}

/** The `strategy.matrix` value for a plan of `count` chunks (fromJSON in the workflow). */
export function matrixFor(count: number): { chunk: number[] } {
  return { chunk: Array.from({ length: count }, (_, i) => i) };
}
