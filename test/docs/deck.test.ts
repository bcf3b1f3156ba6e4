// The maintainer-summit deck (docs/presentation/deck.md) builds to HTML with marp-cli through
// scripts/build-deck.mjs, every slide is in the output, and the numbers it quotes are the real
// ones: the survey results committed in docs/report/ and the generator's file counts per level.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { planFor } from '../helpers/generate.js';

const deckFile = path.join(packageRoot, 'docs/presentation/deck.md');
const htmlFile = path.join(packageRoot, '.build/deck/index.html');
const deck = readFileSync(deckFile, 'utf8');

/** Slide bodies: the Markdown after the front matter, split on Marp's `---` separators. */
function slides(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split(/^---$/m).map((s) => s.trim()).filter(Boolean);
}

let html = '';
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  build = spawnSync(process.execPath, [path.join(packageRoot, 'scripts/build-deck.mjs')], { cwd: packageRoot, encoding: 'utf8' });
  html = readFileSync(htmlFile, 'utf8');
}, 120_000);

describe('presentation deck', () => {
  it('is a Marp deck', () => {
    expect(deck.startsWith('---\nmarp: true\n')).toBe(true);
  });

  it('builds to HTML with one section per slide', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    const sections = html.match(/<section\b[^>]*\bid="\d+"/g) ?? [];
    expect(sections.length).toBe(slides(deck).length);
    expect(sections.length).toBeGreaterThanOrEqual(10);
    // Every slide's heading made it into the HTML.
    for (const slide of slides(deck)) {
      const heading = slide.split('\n').find((line) => /^#{1,3} /.test(line));
      if (heading) expect(html).toContain(heading.replace(/^#+ /, '').replace(/`/g, '').split(':')[0]!.replace(/&/g, '&amp;'));
    }
  });

  it('quotes the survey numbers of docs/report/survey-results.md', () => {
    const survey = readFileSync(path.join(packageRoot, 'docs/report/survey-results.md'), 'utf8');
    const total = survey.match(/^(\d+) repositories audited/m)?.[1];
    expect(total).toBeTruthy();
    expect(deck).toContain(`${total} repositories`);
    for (const level of ['none', '1', '2', '3']) {
      const share = survey.match(new RegExp(`^\\| ${level} \\| (\\d+/\\d+ \\(\\d+%\\)) \\|`, 'm'))?.[1];
      expect(share, `survey level ${level}`).toBeTruthy();
      expect(deck, `deck row for level ${level}`).toMatch(new RegExp(`\\| ${level} \\| ${share!.replace(/[()]/g, '\\$&')}`));
      expect(html).toContain(share!);
    }
  });

  it('quotes the real number of files per level', async () => {
    for (const level of [1, 2, 3] as const) {
      const plan = await planFor({ level, languages: ['go'], artifacts: ['binaries', 'container-images'] });
      expect(deck).toMatch(new RegExp(`\\| ${level} [a-z]+ \\| ${plan.files.length} \\|`));
    }
  });
});
