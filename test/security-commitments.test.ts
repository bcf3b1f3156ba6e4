// The response times SECURITY.md states come from the maintainers: flags with --yes, prompts
// otherwise (test/interactive.test.ts). Without either, it states no numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempRepo } from './helpers/generate.js';
import { cli, git } from './retrofit/helpers.js';
import { answerDefaults } from '../src/answers.js';
import { emptyFacts } from './helpers/generate.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function emptyDir(): string {
  const made = tempRepo({});
  cleanups.push(made.cleanup);
  return made.root;
}
const BASE = ['--yes', '--repo', 'acme/widget', '--language', 'go'];
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe('SECURITY.md commitments with --yes', () => {
  it('no flags: nothing is asked and no number is written', async () => {
    const root = emptyDir();
    const result = await cli([root, ...BASE]);
    expect(result.code, result.out + result.err).toBe(0);
    expect(read(root, 'SECURITY.md')).toMatch(/The maintainers acknowledge your report, assess it/);
    expect(read(root, 'SECURITY.md')).not.toMatch(/working days|\d+ days|90 days have passed/);
    expect(JSON.parse(read(root, '.secure-cncf.json')).answers.policy).toEqual({});
  });

  it('in a git repository without history: a second run changes nothing (the release wording follows the tags both times)', async () => {
    const root = emptyDir();
    git(root, 'init', '-q');
    expect((await cli([root, ...BASE])).code).toBe(0);
    const before = read(root, 'SECURITY.md');
    expect(before).toMatch(/No release has been published yet/);
    const again = await cli([root, '--yes']);
    expect(again.out).toContain('Nothing to do');
    expect(read(root, 'SECURITY.md')).toBe(before);
  });

  it('--ack-days and --fix-days are stated and stored; "none" removes one on a later run', async () => {
    const root = emptyDir();
    expect((await cli([root, ...BASE, '--ack-days', '5', '--fix-days', '60'])).code).toBe(0);
    expect(read(root, 'SECURITY.md')).toMatch(/\| Acknowledge your report +\| 5 working days \|\n\| Fix or mitigation for critical and high severity issues \| 60 days +\|/);
    expect(JSON.parse(read(root, '.secure-cncf.json')).answers.policy).toEqual({ acknowledgeDays: 5, fixDays: 60 });
    expect((await cli(['retrofit', root, '--yes', '--fix-days', 'none'])).code).toBeLessThanOrEqual(1);
    expect(JSON.parse(read(root, '.secure-cncf.json')).answers.policy).toEqual({ acknowledgeDays: 5 });
    expect(read(root, 'SECURITY.md')).not.toMatch(/Fix or mitigation for critical/);
  });

  it('a bad number is refused before anything is written (exit 2)', async () => {
    const root = emptyDir();
    const result = await cli([root, ...BASE, '--ack-days', '0']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--ack-days must be a whole number of days from 1 to 365, or none, got "0"/);
  });

  it('answers stored before the question existed keep their wording (no policy: undefined, not {})', () => {
    const facts = emptyFacts('/nonexistent/secure-cncf-test-repository');
    expect(answerDefaults(facts).policy).toEqual({});
    const stored = { ...facts, stored: { answers: { projectName: 'x' } } } as unknown as typeof facts;
    expect(answerDefaults(stored).policy).toBeUndefined();
  });
});
