// The last thing a run prints, for --yes and interactive runs alike: what was written (grouped by
// folder, counted), where (the absolute path), and the next steps no file can take, each with the
// exact link or gh command.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Answers } from './model.js';
import { readRegularFile } from './read-file.js';

export interface WrittenFile {
  path: string;
  /** created, updated, merged, hardened, refreshed */
  verb: string;
}

export interface EndingInput {
  /** Absolute path of the repository root the files went to. */
  root: string;
  answers: Answers;
  /** Every path the plan covers, written this time or not (decides which next steps apply). */
  planned: readonly string[];
  written: readonly WrittenFile[];
  kept: ReadonlyArray<{ path: string; why: string }>;
  /** Planned files already identical on disk. */
  unchanged: number;
  /** The directory the user ran from, to print a `cd` when it is not the root. */
  cwd?: string;
}

function readPackageName(root: string): string | undefined {
  try {
    const name = (JSON.parse(readRegularFile(path.join(root, 'package.json')) ?? '{}') as { name?: unknown }).name;
    return typeof name === 'string' && /^(@[a-z0-9._~-]+\/)?[a-z0-9._~-]+$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Files grouped by their folder (".github/workflows/", "docs/security/", "./"), folders in path order. */
export function groupByFolder(paths: readonly string[]): Array<{ folder: string; files: string[] }> {
  const groups = new Map<string, string[]>();
  for (const file of [...paths].sort((a, b) => a.localeCompare(b))) {
    const folder = path.posix.dirname(file);
    const key = folder === '.' ? './' : `${folder}/`;
    groups.set(key, [...(groups.get(key) ?? []), path.posix.basename(file)]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === './' ? -1 : b === './' ? 1 : a.localeCompare(b))).map(([folder, files]) => ({ folder, files }));
}

function writtenLines(input: EndingInput): string[] {
  const lines: string[] = [];
  const total = input.written.length;
  if (total === 0) {
    lines.push(`Nothing to do: every planned file in ${input.root} is already up to date.`);
  } else {
    const verbs = [...new Set(input.written.map((w) => w.verb))];
    const counted = verbs.map((verb) => `${input.written.filter((w) => w.verb === verb).length} ${verb}`).join(', ');
    lines.push(verbs.length === 1 && verbs[0] === 'created' ? `Created ${plural(total, 'file')} in ${input.root}` : `Wrote ${plural(total, 'file')} (${counted}) in ${input.root}`);
    const verbOf = new Map(input.written.map((w) => [w.path, w.verb]));
    for (const { folder, files } of groupByFolder(input.written.map((w) => w.path))) {
      lines.push(`  ${folder} (${files.length})`);
      for (const file of files) {
        const full = folder === './' ? file : `${folder}${file}`;
        const verb = verbOf.get(full);
        lines.push(`    ${file}${verb && verb !== 'created' ? `  (${verb})` : ''}`);
      }
    }
    if (input.unchanged > 0) lines.push(`  ${plural(input.unchanged, 'other planned file')} already up to date`);
  }
  if (input.kept.length > 0) {
    lines.push('', `Kept ${plural(input.kept.length, 'existing file')} unchanged (not overwritten):`);
    for (const kept of input.kept) lines.push(`  ${kept.path}  ${kept.why}`);
  }
  return lines;
}

function quote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The steps only the maintainers can take on GitHub (and npm), in the order they matter. */
export function nextSteps(input: EndingInput): string[] {
  const { owner, name } = input.answers.repository;
  const slug = `${owner}/${name}`;
  const settings = `https://github.com/${slug}/settings/security_analysis`;
  const steps: string[][] = [];
  const relative = input.cwd ? path.relative(input.cwd, input.root) : '';
  const cd = input.cwd && relative !== '' ? [`cd ${quote(relative.startsWith('..') ? input.root : relative)}`] : [];
  const git = existsSync(path.join(input.root, '.git'))
    ? []
    : [
        `git init -b ${quote(input.answers.defaultBranch)}`,
        `git remote add origin https://github.com/${slug}.git   # the repository must exist: gh repo create ${slug} --public`,
      ];
  steps.push([
    `Commit and push; the workflows run on the next push to ${input.answers.defaultBranch}:`,
    ...[...cd, ...git, 'git add -A', `git commit -m 'Add the secure development setup'`, `git push -u origin ${quote(input.answers.defaultBranch)}`].map((c) => `   ${c}`),
  ]);
  steps.push([
    'Turn on private vulnerability reporting (SECURITY.md sends reporters there):',
    `   gh api --method PUT repos/${slug}/private-vulnerability-reporting`,
    `   or: ${settings}`,
  ]);
  steps.push([
    'Turn on secret scanning and its push protection (blocks a push that contains a secret):',
    `   gh api --method PATCH repos/${slug} -f 'security_and_analysis[secret_scanning][status]=enabled' -f 'security_and_analysis[secret_scanning_push_protection][status]=enabled'`,
    `   or: ${settings}`,
  ]);
  if (input.planned.includes('.github/rulesets/default-branch.json')) {
    steps.push([
      'Import the branch ruleset (after the first push, so its required checks exist):',
      `   gh api --method POST repos/${slug}/rulesets --input .github/rulesets/default-branch.json`,
      `   or: https://github.com/${slug}/settings/rules (New ruleset > Import a ruleset)`,
    ]);
  }
  if (input.planned.includes('.github/workflows/release.yml') && input.answers.artifacts.includes('libraries') && input.answers.languages.includes('javascript')) {
    const pkg = readPackageName(input.root);
    steps.push([
      `Set up npm trusted publishing for ${pkg ?? 'the package'} (repository ${slug}, workflow release.yml), so no npm token is needed:`,
      `   ${pkg ? `https://www.npmjs.com/package/${pkg}/access` : 'https://www.npmjs.com/ > the package > Settings > Trusted Publisher'}`,
    ]);
  }
  return steps.flatMap((step, i) => [`${i + 1}. ${step[0]}`, ...step.slice(1)]);
}

export function endingText(input: EndingInput): string {
  return [...writtenLines(input), '', 'Next steps', ...nextSteps(input)].join('\n');
}
