// A mistyped command ("chek") would otherwise become the target directory of `create`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/** The command a word is probably a typo of: close in spelling, or a prefix of at least three letters. */
export function closeCommand(word: string, commands: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const scored = commands
    .map((name) => ({ name, distance: editDistance(lower, name) }))
    .filter(({ name, distance }) => distance <= (name.length <= 4 ? 1 : 2) || (lower.length >= 3 && name.startsWith(lower)))
    .sort((x, y) => x.distance - y.distance);
  return scored[0]?.name;
}

/**
 * Refuse a first positional word that looks like a misspelt command and names no existing path;
 * `./chek` or an existing `chek/` still means a directory.
 */
export function refuseMistypedCommand(argv: readonly string[], commands: readonly string[], cwd: string = process.cwd()): void {
  const word = argv.find((arg) => !arg.startsWith('-'));
  if (word === undefined || word !== argv[0] || /[/\\.]/.test(word) || existsSync(path.resolve(cwd, word))) return;
  const command = closeCommand(word, commands);
  if (!command) return;
  throw new UsageError(
    `"${word}" is not a command and no directory of that name exists: did you mean \`${command}\`?\n` +
      `Commands: ${commands.join(', ')}. To generate into a new directory named ${word}, pass ./${word}.`,
  );
}
