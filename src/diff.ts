import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file, as `git diff` would print it. */
export function unifiedDiff(filePath: string, before: string | undefined, after: string): string {
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${filePath}`,
    `b/${filePath}`,
    before ?? '',
    after,
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/, '');
}
