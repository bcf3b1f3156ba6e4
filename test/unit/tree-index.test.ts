import { describe, expect, it } from 'vitest';
import { anyNamePattern } from '../../src/detect/tree-index.js';
import { TARGET_PATTERNS } from '../../src/controls/fuzzing/evidence.js';

// Patterns the probes pass to RepoView.filesNamed, and some of the shapes they take.
const PATTERNS: RegExp[] = [
  ...TARGET_PATTERNS.map((pattern) => pattern.name),
  /^(?:GNUmakefile|[Mm]akefile|Jenkinsfile[^/]*|OWNERS(?:_ALIASES)?|[^/]+\.(?:mk|sh|bash|ya?ml))$/,
  /^oss[-_]fuzz[^/]*\.sh$/i,
  /^readme(?:\.[a-z]+)?$/i,
  /^[^.]+$/,
  /\.c$/g,
];

/** Names built from a few letters, dots and dashes, so that patterns meet near-misses often. */
function randomNames(seed: number, count: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const parts = ['fuzz', 'er', '_test', '.go', '.c', '.sh', 'Makefile', 'a', '.', '-', 'oss', '_', 'README', '.md', 'x.yml', 'Cargo.toml', '.py'];
  return Array.from({ length: count }, () => {
    let name = '';
    for (let n = 1 + Math.floor(next() * 4); n > 0; n--) name += parts[Math.floor(next() * parts.length)];
    return name;
  });
}

describe('anyNamePattern (one test over a directory of names joined by line breaks)', () => {
  it('passes a directory exactly when one of its names passes the pattern', () => {
    for (const pattern of PATTERNS) {
      const single = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
      const any = anyNamePattern(pattern);
      for (let seed = 1; seed <= 300; seed++) {
        const names = randomNames(seed, 1 + (seed % 7));
        expect(any.test(names.join('\n')), `${pattern} over ${JSON.stringify(names)}`).toBe(names.some((name) => single.test(name)));
      }
    }
  });

  it('keeps negated classes on one line, and leaves escapes and other classes alone', () => {
    expect(anyNamePattern(/^[^/]+\.sh$/).source).toBe(String.raw`^[^\n/]+\.sh$`);
    expect(anyNamePattern(/\[^x\]a[^]/).source).toBe(String.raw`\[^x\]a[^\n]`);
    expect(anyNamePattern(/[a^][\]^]b/).source).toBe(String.raw`[a^][\]^]b`);
    expect(anyNamePattern(/^[^.]+$/i).flags).toBe('im');
    expect(anyNamePattern(/x/gy).flags).toBe('m');
  });
});
