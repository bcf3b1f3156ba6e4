// One compliance headline: `check` on a repository generated with a preset at its recommended
// level, `--list-presets` and the generated preset document print the same number, computed by
// src/compliance/headline.ts, and no line that carries it calls it compliance.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/index.js';
import { main } from '../src/cli/main.js';
import { formatMarkdown } from '../src/check/format/markdown.js';
import { formatText } from '../src/check/format/text.js';
import { complianceHeadline, headlineText } from '../src/compliance/headline.js';
import { packageRoot } from '../src/paths.js';
import { getPresets, listPresetsText } from '../src/presets.js';
import { captureIo, check } from './check/helpers.js';
import { tempRepo } from './helpers/generate.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A repository with Go, Python and Rust manifests, a Dockerfile and a chart, generated with the CLI. */
async function generateRepo(args: string[]): Promise<{ root: string; cleanup: () => void }> {
  const repo = tempRepo({
    'go.mod': 'module example.com/widget\n\ngo 1.24\n',
    'main.go': 'package main\n\nfunc main() {}\n',
    'pyproject.toml': '[project]\nname = "widget"\nversion = "0.1.0"\n',
    'Cargo.toml': '[package]\nname = "widget"\nversion = "0.1.0"\nedition = "2021"\n',
    'src/main.rs': 'fn main() {}\n',
    Dockerfile: 'FROM scratch\n',
    'charts/widget/Chart.yaml': 'apiVersion: v2\nname: widget\nversion: 0.1.0\n',
  });
  cleanups.push(repo.cleanup);
  const io = captureIo();
  const code = await main([repo.root, '--yes', '--repo', 'acme/widget', ...args], io);
  if (code !== 0) throw new Error(`generation failed (${code}): ${io.err.join('\n')}\n${io.out.join('\n')}`);
  return repo;
}

describe('compliance headline', () => {
  it('counts every requirement in scope, organisational ones included', () => {
    const requirements = [
      { id: 'a', practices: ['sast'] },
      { id: 'b', practices: [] },
      { id: 'c', practices: ['sbom'] },
      { id: 'd', practices: ['sast', 'sbom'] },
    ];
    const h = complianceHeadline(requirements, new Set(['sast']));
    expect(h).toEqual({ total: 4, evidenced: 2, percent: 50, evidencedIds: ['a', 'd'] });
    expect(headlineText(h)).toBe('2 of 4 requirements (50%) the repository can evidence');
  });

  // Every language and artifact kind, so every control of the recommended level applies.
  it.each(['pci-dss-4.0.1', 'soc2', 'fedramp-high'])(
    '%s: check, --list-presets and the preset document agree',
    async (presetId) => {
      const preset = getPresets([presetId])[0]!;
      const level = String(preset.settings.minimumLevel);
      const repo = await generateRepo(['--language', 'go,python,rust', '--artifacts', 'binaries,container-images,helm-charts', '--level', level, '--compliance', presetId]);
      const report = await check(repo.root);
      const row = report.compliance.find((f) => f.id === presetId)!;
      expect(row.total).toBe(preset.requirements.length);
      const fromCheck = headlineText({ evidenced: row.covered, total: row.total });

      const listed = listPresetsText(CATALOG).split('\n').find((l) => l.trimStart().startsWith(`${presetId} `))!;
      const document = readFileSync(path.join(repo.root, `docs/security/compliance/${presetId}.md`), 'utf8');
      expect(listed).toContain(fromCheck);
      expect(document).toContain(`**${fromCheck}**`);
      expect(formatText(report)).toContain(`${preset.title}: ${fromCheck}`);
      expect(formatMarkdown(report)).toContain(fromCheck);

      // The share is never called compliance: no line that carries a headline says so.
      for (const text of [listed, document, formatText(report), formatMarkdown(report)]) {
        for (const line of text.split('\n').filter((l) => l.includes('requirements ('))) expect(line).not.toMatch(/complian(t|ce coverage)/i);
      }
    },
    120_000,
  );

  it('the deck quotes the real --list-presets lines', () => {
    const deck = readFileSync(path.join(packageRoot, 'docs/presentation/deck.md'), 'utf8');
    const block = deck.split('$ npx create-secure-cncf --list-presets\n')[1]!.split('```')[0]!;
    const quoted = block.split('\n').filter((l) => l.trim() !== '');
    expect(quoted.length).toBeGreaterThan(0);
    const real = listPresetsText(CATALOG).split('\n');
    for (const line of quoted) expect(real.some((r) => r.startsWith(line)), line).toBe(true);
  });
});
