// Each reference-architecture page lists the exact files the generator writes for the reference
// project at its level; this compares the list (and the control named for each file) with the real
// plan, so a new or renamed output breaks the docs build instead of misleading readers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/model.js';
import { packageRoot } from '../../src/paths.js';
import { planFor } from '../helpers/generate.js';

const LEVELS: Level[] = [1, 2, 3];

/** The reference project of the pages: acme/widget, Go, binaries and container images. */
const reference = (level: Level) => planFor({ level, languages: ['go'], artifacts: ['binaries', 'container-images'] });

/** Rows of the table between `<!-- files:start level=N -->` and `<!-- files:end -->`: [path, control or ''] */
function documentedFiles(level: Level): [string, string][] {
  const page = readFileSync(path.join(packageRoot, `docs/reference-architectures/level-${level}.md`), 'utf8');
  const match = page.match(new RegExp(`<!-- files:start level=${level} -->\\n([\\s\\S]*?)<!-- files:end -->`));
  expect(match, `level-${level}.md has no files:start/files:end block`).toBeTruthy();
  return match![1]!
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [file, control] = line.split('|').slice(1, 3).map((cell) => cell.trim());
      return [file!.replace(/^`|`$/g, ''), control!.match(/^\[`([a-z-]+)`\]/)?.[1] ?? ''];
    });
}

describe('reference architectures', () => {
  for (const level of LEVELS) {
    it(`level ${level}: the page lists exactly the files of the plan, with their controls`, async () => {
      const plan = await reference(level);
      const expected = plan.files.map((file) => [file.path, file.controls.join(',')]).sort();
      expect(documentedFiles(level).sort()).toEqual(expected);
    });
  }

  it('each level is a strict superset of the one below, as the pages say', () => {
    for (const level of [2, 3] as Level[]) {
      const lower = new Set(documentedFiles((level - 1) as Level).map(([file]) => file));
      const files = new Set(documentedFiles(level).map(([file]) => file));
      for (const file of lower) expect(files.has(file), `level ${level} lost ${file}`).toBe(true);
      expect(files.size).toBeGreaterThan(lower.size);
    }
  });

  it('the index table counts the files of each level', () => {
    const index = readFileSync(path.join(packageRoot, 'docs/reference-architectures/README.md'), 'utf8');
    for (const level of LEVELS) {
      const row = index.split('\n').find((line) => line.startsWith(`| [${level}:`));
      expect(row?.trim().endsWith(`| ${documentedFiles(level).length} |`), `README row for level ${level}`).toBe(true);
    }
  });

  it('each page has a Mermaid diagram', () => {
    for (const level of LEVELS) {
      const page = readFileSync(path.join(packageRoot, `docs/reference-architectures/level-${level}.md`), 'utf8');
      expect(page).toMatch(/```mermaid\nflowchart /);
    }
  });
});
