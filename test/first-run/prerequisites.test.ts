// A missing test prerequisite is named with how to install it, not a bare "not found".
import { describe, expect, it } from 'vitest';
import { findProgram, missingMessage, requireProgram, PREREQUISITES, type Prerequisite } from '../helpers/prerequisites.js';

const absent: Prerequisite = { ...PREREQUISITES.chromium, candidates: () => ['/nonexistent/chromium', 'secure-cncf-no-such-program'] };

describe('test prerequisites', () => {
  it('a missing program: what is missing, which suite needs it, how to install it', () => {
    expect(findProgram(absent)).toBeUndefined();
    expect(() => requireProgram(absent)).toThrow(
      'chromium is not installed (looked for /nonexistent/chromium, secure-cncf-no-such-program). It is needed by test/check/html.test.ts (HTML dashboard screenshots). Install it: apt-get install -y chromium (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome.',
    );
    expect(missingMessage(PREREQUISITES.tmux)).toContain('apt-get install -y tmux');
  });

  it('finds a program on PATH', () => {
    expect(findProgram({ ...absent, candidates: () => ['sh'] })).toMatch(/\/sh$/);
  });
});
