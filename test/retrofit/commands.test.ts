// The retrofit, upgrade and pins sub-commands: help, strict options, registration.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('sub-commands', () => {
  it.each([
    ['retrofit', /secure-cncf retrofit .*\n[\s\S]*--dry-run[\s\S]*Exit status[\s\S]*3 {4}done in part: some existing files could not be read or edited/],
    ['upgrade', /secure-cncf upgrade [\s\S]*--force[\s\S]*changes no\s+byte/],
    ['pins', /secure-cncf pins [\s\S]*git ls-remote --tags[\s\S]*\(pins --update\) offline/],
  ])('%s --help', async (name, text) => {
    const result = await cli([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(text);
  });

  it('lists the new commands in the main help', async () => {
    const result = await cli(['--help']);
    for (const name of ['retrofit', 'upgrade', 'pins']) expect(result.out).toMatch(new RegExp(`\\n  ${name}\\s+\\S`));
  });

  it.each([
    [['retrofit', '--conflict', 'skip'], /Unknown option '--conflict'.*\nValid options for "retrofit"/s],
    [['upgrade', '--level', '2'], /Unknown option '--level'/],
    [['pins', '--dry-run'], /--dry-run only applies to --update/],
    [['upgrade', 'a', 'b'], /at most one directory/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });
});
