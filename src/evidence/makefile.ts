// Just enough of GNU make to follow `make <target>` from a workflow to the commands it runs:
// rules (targets, prerequisites, tab-indented recipes, line continuations), `include` of other
// makefiles (globs allowed), and recursive `$(MAKE) <target>` calls. Variables are not expanded:
// a recipe line is searched as written, which is what a reader of the Makefile sees too.
import path from 'node:path';

export interface RecipeLine {
  file: string;
  line: number;
  text: string;
}

export interface MakeRule {
  targets: string[];
  prerequisites: string[];
  recipe: RecipeLine[];
}

export interface Makefile {
  file: string;
  rules: MakeRule[];
  includes: string[];
}

const RULE = /^([^\s:=#][^:=#]*?)\s*::?(?![=])\s*([^=;#]*?)(?:;(.*))?$/;

/** Parse one makefile's text (no includes followed). */
export function parseMakefile(file: string, text: string): Makefile {
  const rules: MakeRule[] = [];
  const includes: string[] = [];
  const lines = text.split(/\r?\n/);
  let current: MakeRule | undefined;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? '';
    const start = index + 1;
    while (line.endsWith('\\') && index + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++index] ?? ''}`;
    if (line.startsWith('\t')) {
      if (current) current.recipe.push({ file, line: start, text: line.slice(1) });
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const include = /^-?s?include\s+(.+)$/.exec(trimmed);
    if (include) {
      includes.push(...include[1]!.split(/\s+/).filter(Boolean));
      current = undefined;
      continue;
    }
    if (/^(?:export\s+|override\s+)?[\w.-]+\s*(?:[:+?!]?=)/.test(trimmed) || /^(ifn?eq|ifn?def|else|endif|define|endef|export|unexport|vpath)\b/.test(trimmed)) {
      current = undefined;
      continue;
    }
    const rule = RULE.exec(trimmed);
    if (!rule) {
      current = undefined;
      continue;
    }
    current = { targets: rule[1]!.split(/\s+/).filter(Boolean), prerequisites: rule[2]!.split(/\s+/).filter((p) => p && !p.startsWith('|')), recipe: [] };
    if (rule[3]?.trim()) current.recipe.push({ file, line: start, text: rule[3].trim() });
    rules.push(current);
  }
  return { file, rules, includes };
}

/** `make` invocations in a command line: the directory (-C), makefile (-f) and targets. */
export function makeCalls(command: string): Array<{ directory?: string; makefile?: string; targets: string[] }> {
  const calls: Array<{ directory?: string; makefile?: string; targets: string[] }> = [];
  for (const match of command.matchAll(/(?:^|[\s;&|(`])(?:make|gmake|\$\(MAKE\)|\$\{MAKE\})((?:\s+[^\s;&|)`]+)*)/g)) {
    const words = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
    const call: { directory?: string; makefile?: string; targets: string[] } = { targets: [] };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word === '-C' || word === '--directory') call.directory = words[++i];
      else if (word.startsWith('--directory=')) call.directory = word.slice('--directory='.length);
      else if (word.startsWith('-C') && word.length > 2) call.directory = word.slice(2);
      else if (word === '-f' || word === '--file' || word === '--makefile') call.makefile = words[++i];
      else if (word === '-j' || word === '-l' || word === '-o' || word === '-W') i++;
      else if (word.startsWith('-') || word.includes('=') || /[$"'{}]/.test(word)) continue;
      else if (/^[\w./%@+-]+$/.test(word)) call.targets.push(word);
    }
    calls.push(call);
  }
  return calls;
}

/** The makefile `make` reads in a directory (repository-relative), if the repository has one. */
export function defaultMakefile(dir: string, has: (file: string) => boolean): string | undefined {
  for (const name of ['GNUmakefile', 'makefile', 'Makefile']) {
    const file = dir && dir !== '.' ? path.posix.join(dir, name) : name;
    if (has(file)) return file;
  }
  return undefined;
}

/** Rules matching a target, `%` patterns included (most specific first). */
export function rulesFor(rules: MakeRule[], target: string): MakeRule[] {
  const exact = rules.filter((rule) => rule.targets.includes(target));
  if (exact.length > 0) return exact;
  return rules.filter((rule) =>
    rule.targets.some((pattern) => {
      if (!pattern.includes('%')) return false;
      const [before, after] = pattern.split('%') as [string, string];
      return target.startsWith(before) && target.endsWith(after) && target.length >= before.length + after.length;
    }),
  );
}
