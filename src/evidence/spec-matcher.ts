// What a list of tool specs can match, worked out once per list. `findTools` asks every unit of a
// repository about every spec of a practice; real repositories have thousands of units (kyverno:
// 39 workflows, their steps, composite actions, Makefile targets and scripts) and most mention no
// tool at all. One test of a unit's text against all the specs' patterns at once, and `uses:`
// prefixes lower-cased once instead of per unit and spec, leave the exact per-spec tests to the
// few units that could match.
import type { UsesRef } from './workflow.js';
import type { ToolSpec } from './tools.js';

export interface SpecMatcher {
  /** Each spec's `uses:` prefixes, lower case (undefined where the spec has none). */
  readonly prefixes: readonly (readonly string[] | undefined)[];
  /** True when some spec's `run` pattern may match the text; false only when none can. */
  readonly anyRun: (text: string) => boolean;
  /** True when some spec's `uses:` prefix may cover the (lower-cased) name; false only when none can. */
  readonly anyUses: (name: string) => boolean;
}

const matchers = new WeakMap<readonly ToolSpec[], SpecMatcher>();

/** Back-references and named groups would change meaning once patterns are joined. */
const JOIN_UNSAFE = /\\[1-9k]|\(\?<[A-Za-z]/;

/** One pattern per set of flags, each the alternation of the specs' patterns with those flags. */
function joinedPatterns(specs: readonly ToolSpec[]): RegExp[] | undefined {
  const byFlags = new Map<string, string[]>();
  for (const spec of specs) {
    if (!spec.run) continue;
    if (JOIN_UNSAFE.test(spec.run.source)) return undefined;
    const flags = spec.run.flags.replace(/[gy]/g, '');
    const sources = byFlags.get(flags) ?? [];
    sources.push(`(?:${spec.run.source})`);
    byFlags.set(flags, sources);
  }
  try {
    return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
  } catch {
    return undefined;
  }
}

export function specMatcher(specs: readonly ToolSpec[]): SpecMatcher {
  let matcher = matchers.get(specs);
  if (!matcher) {
    const joined = joinedPatterns(specs);
    const prefixes = specs.map((spec) => spec.uses?.map((prefix) => prefix.toLowerCase()));
    const allPrefixes = new Set(prefixes.flatMap((list) => list ?? []));
    const usesSeen = new Map<string, boolean>();
    matcher = {
      prefixes,
      anyRun: joined ? (text) => joined.some((pattern) => pattern.test(text)) : () => true,
      // Thousands of steps name the same few dozen actions: each name is worked out once.
      anyUses: (name) => {
        let known = usesSeen.get(name);
        if (known === undefined) {
          known = allPrefixes.size > 0 && coveringPrefixes(name).some((prefix) => allPrefixes.has(prefix));
          usesSeen.set(name, known);
        }
        return known;
      },
    };
    matchers.set(specs, matcher);
  }
  return matcher;
}

/** The name and its beginnings that end before a "/", "@" or "-": the only prefixes that can cover it. */
function coveringPrefixes(name: string): string[] {
  const found = [name];
  for (let i = 1; i < name.length; i++) {
    const c = name.charAt(i);
    if (c === '/' || c === '@' || c === '-') found.push(name.slice(0, i));
  }
  return found;
}

/**
 * A `uses:` name (lower case) equal to or under one of the prefixes: `owner/repo` also covers
 * `owner/repo/path`, and a prefix with a slash covers names that go on with "/", "@" or "-"
 * (`aquasecurity/trivy` covers `aquasecurity/trivy-action`).
 */
export function usesNameMatches(name: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) {
    if (name === p || name.startsWith(`${p}/`)) return true;
    if (p.includes('/') && name.startsWith(p)) {
      const next = name.charAt(p.length);
      if (next === '' || next === '/' || next === '@' || next === '-') return true;
    }
  }
  return false;
}

/** The lower-cased name of a `uses:` reference to another repository's action or workflow. */
export function remoteUsesName(ref: UsesRef | undefined): string | undefined {
  if (!ref || ref.kind === 'local' || ref.kind === 'local-workflow') return undefined;
  return ref.name.toLowerCase();
}
