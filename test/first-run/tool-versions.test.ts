// Every tool a generated workflow installs is pinned to a version read from the tool's own release
// tag (data/tool-versions.json names the tag, its commit and the files read), and the workflows use
// exactly those versions.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, LANGUAGES } from '../../src/model.js';
import { planFor } from '../helpers/generate.js';

const data = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/tool-versions.json'), 'utf8')) as Record<string, { version: string; module?: string; go?: string; source: string }>;
const tools = Object.entries(data).filter(([key]) => key !== '$comment');

describe('data/tool-versions.json', () => {
  it.each(tools)('%s names the tag and commit it was read from', (_, tool) => {
    expect(tool.source).toMatch(new RegExp(`tag v?${tool.version.replace(/^v/, '').replace(/\./g, '\\.')} \\(commit [0-9a-f]{40}`));
    if (tool.module) expect(tool.go, 'go.mod go directive').toMatch(/^1\.\d+(\.\d+)?$/);
  });

  it('the generated workflows install exactly these versions', async () => {
    const plan = await planFor({ level: 3, languages: [...LANGUAGES], artifacts: [...ARTIFACTS] });
    const text = plan.files.map((f) => f.content).join('\n');
    const installs = [
      ...text.matchAll(/go install (\S+)@(\S+)/g),
      ...text.matchAll(/pipx run --spec "pip-audit==([^"]+)"/g),
      ...text.matchAll(/cargo install cargo-fuzz --locked --version (\S+)/g),
      ...text.matchAll(/"atheris==([^"]+)"/g),
    ].map((m) => m.slice(1).join('@'));
    expect(installs.length).toBeGreaterThanOrEqual(5);
    const expected = new Set([
      `${data['govulncheck']!.module}@${data['govulncheck']!.version}`,
      `${data['gitleaks']!.module}@${data['gitleaks']!.version}`,
      data['pipAudit']!.version,
      data['cargoFuzz']!.version,
      data['atheris']!.version,
    ]);
    for (const install of installs) expect(expected.has(install), install).toBe(true);
  });
});
