// Just enough of GNU make to follow `make <target>` from a workflow to the commands it runs:
// rules (targets, prerequisites, tab-indented recipes, line continuations), `include` of other
// makefiles (globs allowed), recursive `$(MAKE) <target>` calls, and variable assignments, so a
// recipe's `$(COSIGN) sign` or `$(ATTESTATIONS)` can be read as the command it stands for.
// Conditionals are not evaluated: every assignment counts (a tool a branch may run is reported).
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
  /** Variable name -> every value assigned to it (in file order). */
  variables: Map<string, string[]>;
}

const RULE = /^([^\s:=#][^:=#]*?)\s*::?(?![=])\s*([^=;#]*?)(?:;(.*))?$/;

/** Parse one makefile's text (no includes followed). */
export function parseMakefile(file: string, text: string): Makefile {
  const rules: MakeRule[] = [];
  const includes: string[] = [];
  const variables = new Map<string, string[]>();
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
    // A comment runs from an unescaped # to the end of a (non-recipe) line: "target: deps ## help".
    const trimmed = line.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (trimmed === '') continue;
    const include = /^-?s?include\s+(.+)$/.exec(trimmed);
    if (include) {
      includes.push(...include[1]!.split(/\s+/).filter(Boolean));
      current = undefined;
      continue;
    }
    const assignment = /^(?:export\s+|override\s+)?([\w.-]+)\s*(?:::?=|[+?!]?=)\s*(.*)$/.exec(trimmed);
    if (assignment) {
      variables.set(assignment[1]!, [...(variables.get(assignment[1]!) ?? []), assignment[2]!]);
      current = undefined;
      continue;
    }
    // Conditionals may wrap part of a recipe: make reads the tab lines after them as the same recipe.
    if (/^(ifn?eq|ifn?def|else|endif)\b/.test(trimmed)) continue;
    if (/^(define|endef|export|unexport|vpath)\b/.test(trimmed)) {
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
  return { file, rules, includes, variables };
}

/** `make` invocations in a command line: the directory (-C), makefile (-f) and targets. */
export interface MakeCall {
  directory?: string;
  makefile?: string;
  targets: string[];
  /** A target word built at run time ("build-$$platform"): which targets run cannot be told. */
  dynamic?: boolean;
}

export function makeCalls(command: string): MakeCall[] {
  const calls: MakeCall[] = [];
  for (const match of command.matchAll(/(?:^|[\s;&|(`@+])(?:make|gmake|\$\(MAKE\)|\$\{MAKE\})((?:\s+[^\s;&|)`]+)*)/g)) {
    const words = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
    const call: MakeCall = { targets: [] };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word === '-C' || word === '--directory') call.directory = words[++i];
      else if (word.startsWith('--directory=')) call.directory = word.slice('--directory='.length);
      else if (word.startsWith('-C') && word.length > 2) call.directory = word.slice(2);
      else if (word === '-f' || word === '--file' || word === '--makefile') call.makefile = words[++i];
      else if (word === '-j' || word === '-l' || word === '-o' || word === '-W') i++;
      else if (word.startsWith('-') || word.includes('=')) continue;
      else if (/[$"'{}]/.test(word)) call.dynamic = true;
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

/** The default goal: the first rule's first target that is not a special target (".PHONY", ...). */
export function defaultGoal(rules: MakeRule[]): string | undefined {
  for (const rule of rules) {
    const target = rule.targets.find((t) => !t.startsWith('.') && !t.includes('%'));
    if (target) return target;
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

/** A recipe line with `$(VAR)` / `${VAR}` replaced by the values assigned to VAR (two levels deep). */
export function expandVariables(text: string, variables: Map<string, string[]>): string {
  let result = text;
  for (let pass = 0; pass < 2; pass++) {
    const next = result.replace(/\$[({]([\w.-]+)[)}]/g, (whole, name: string) => {
      const values = variables.get(name);
      return values && values.length > 0 ? values.join(' ') : whole;
    });
    if (next === result) break;
    result = next;
  }
  return result;
}
