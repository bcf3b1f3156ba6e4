// `secure-cncf survey`: many repositories, aggregate Markdown / CSV / HTML, progress on stderr,
// a broken repository reported without stopping the run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { findRepositories } from '../../src/check/survey.js';
import { captureIo } from './helpers.js';

let base: string;

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-survey-'));
  for (const [name, level] of [['alpha', '1'], ['beta', '2']] as const) {
    const dir = path.join(base, 'org', name);
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    expect(await main([dir, '--yes', '--repo', `acme/${name}`, '--language', 'go', '--level', level], captureIo())).toBe(0);
  }
  const bare = path.join(base, 'org', 'gamma');
  mkdirSync(path.join(bare, '.git'), { recursive: true });
  writeFileSync(path.join(bare, 'go.mod'), 'module x\n');
  // A repository whose state file is broken: check stops with an input error for it.
  const broken = path.join(base, 'other', 'broken');
  mkdirSync(path.join(broken, '.git'), { recursive: true });
  writeFileSync(path.join(broken, '.secure-cncf.json'), '{ not json');
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('survey', () => {
  it('finds every git repository under a directory', () => {
    expect(findRepositories(base).map((p) => path.relative(base, p))).toEqual(['org/alpha', 'org/beta', 'org/gamma', 'other/broken']);
  });

  it('Markdown: levels, adoption, most common gaps; progress on stderr; keeps going past a broken repository', async () => {
    const io = captureIo();
    expect(await main(['survey', '--under', base], io)).toBe(0);
    const markdown = io.out.join('\n');
    expect(io.err).toHaveLength(4);
    expect(io.err[0]).toMatch(/^\[1\/4\] .*alpha: level 1, 0 gaps$/);
    expect(io.err[3]).toMatch(/^\[4\/4\] .*broken: not audited: .*not valid JSON/);
    expect(markdown).toContain('3 repositories audited, 1 could not be audited.');
    expect(markdown).toMatch(/\| 1 \| 1\/3 \(33%\) \|/); // alpha at level 1
    expect(markdown).toMatch(/\| 2 \| 1\/3 \(33%\) \|/); // beta at level 2
    expect(markdown).toMatch(/\| none \| 1\/3 \(33%\) \|/); // gamma has nothing
    expect(markdown).toContain('## Most common gaps');
    expect(markdown).toContain('## Not audited');
  });

  it('CSV: one row per repository, one column per control, formula-safe', async () => {
    const file = path.join(base, 'survey.csv');
    expect(await main(['survey', path.join(base, 'org', 'alpha'), path.join(base, 'org', 'gamma'), '--format', 'csv', '-o', file], captureIo())).toBe(0);
    const rows = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^path,repository,target_level,achieved_level,gaps,error,security-policy,/);
    expect(rows[1]).toContain(',acme/alpha,1,1,0,,pass,');
  });

  it('HTML is self-contained', async () => {
    const io = captureIo();
    expect(await main(['survey', '--under', base, '--format', 'html'], io)).toBe(0);
    const html = io.out.join('\n');
    expect(html).toContain('<h2>Most common gaps</h2>');
    expect(html).not.toMatch(/<script|\b(src|href)=/i);
  });

  it('usage errors: nothing to survey, unknown format', async () => {
    expect(await main(['survey'], captureIo())).toBe(2);
    expect(await main(['survey', '--under', path.join(base, 'org', 'gamma', '.git')], captureIo())).toBe(2);
    expect(await main(['survey', base, '--format', 'pdf'], captureIo())).toBe(2);
  });
});
