// The matrix fan-out past GitHub's 256-jobs-per-matrix limit, at 1,000 and 10,000 repositories.
import { describe, expect, it } from 'vitest';
import { MAX_MATRIX_JOBS, chunk, matrixFor } from '../../src/fleet/chunks.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `some-long-organisation-name/repository-with-a-long-name-${i}`);

describe('chunking the fleet into matrix jobs', () => {
  for (const count of [1_000, 10_000]) {
    it(`${count} repositories: at most 256 jobs, every repository in exactly one, sizes within one, order kept`, () => {
      const repos = names(count);
      const chunks = chunk(repos);
      expect(chunks.length).toBe(MAX_MATRIX_JOBS);
      expect(chunks.flat()).toEqual(repos);
      const sizes = chunks.map((c) => c.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(Math.max(...sizes)).toBe(Math.ceil(count / MAX_MATRIX_JOBS));
      // The matrix holds chunk numbers only: small whatever the names (job outputs are capped at 1 MB).
      const matrix = JSON.stringify(matrixFor(chunks.length));
      expect(matrix.length).toBeLessThan(2_000);
      expect(JSON.parse(matrix).chunk).toHaveLength(chunks.length);
    });
  }

  it('a smaller job cap and a minimum per job shape the fan-out', () => {
    expect(chunk(names(1_000), { maxJobs: 100 }).map((c) => c.length)).toEqual(Array(100).fill(10));
    expect(chunk(names(1_000), { minPerJob: 20 })).toHaveLength(50);
    expect(chunk(names(10), { minPerJob: 20 })).toHaveLength(1);
    expect(chunk(names(3))).toEqual(names(3).map((n) => [n]));
    expect(chunk([])).toEqual([]);
  });

  it('refuses a job cap beyond what GitHub runs', () => {
    expect(() => chunk(names(10), { maxJobs: 257 })).toThrow(/1 to 256/);
    expect(() => chunk(names(10), { maxJobs: 0 })).toThrow(/1 to 256/);
    expect(() => chunk(names(10), { minPerJob: 0 })).toThrow(/positive integer/);
  });
});

describe('the job summary of a large fleet', () => {
  it('is cut to fit GitHub\'s 1 MiB limit at a line break, with a note; small summaries are untouched', async () => {
    const { fitSummary, SUMMARY_LIMIT } = await import('../../src/fleet/summary.js');
    const big = Array.from({ length: 20_000 }, (_, i) => `- org/repository-${i}: not found or not readable with this token`).join('\n');
    const fitted = fitSummary(big);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(fitted).toMatch(/not readable with this token\n\n_The summary was cut/);
    expect(fitSummary('# small\n')).toBe('# small\n');
  });
});
