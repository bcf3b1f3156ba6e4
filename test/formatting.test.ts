// prettier is the formatter of record. YAML is emitted prettier-clean by the templates (no
// formatting pass at run time), so this test runs prettier over every generated YAML file of the
// matrix, including odd user values, and requires that it changes nothing.
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { parse } from 'yaml';
import { LANGUAGES, type Answers } from '../src/model.js';
import { yamlString } from '../src/escape.js';
import { planFor } from './helpers/generate.js';

const ODD_NAMES = ['a: b # "c"', "it's", 'both \' and "', '"quoted"', 'back\\slash', '- [x] {y}', 'ünï ☃', '<script>`x`</script>'];

async function prettierYaml(source: string): Promise<string> {
  return prettier.format(source, { parser: 'yaml', printWidth: 100, proseWrap: 'preserve' });
}

async function prettierMarkdown(source: string): Promise<string> {
  return prettier.format(source, { parser: 'markdown', printWidth: 100, proseWrap: 'preserve' });
}

describe('generated Markdown is prettier-clean (tables aligned without running prettier)', () => {
  it.each([1, 2, 3] as const)('level %i, every language, artifact kind and preset, portal on', async (level) => {
    const plan = await planFor({
      level,
      languages: [...LANGUAGES],
      artifacts: ['binaries', 'container-images', 'helm-charts', 'libraries'],
      portal: true,
      compliance: ['pci-dss-4.0.1', 'fedramp-moderate', 'fedramp-high', 'nist-ssdf-1.1', 'eu-cra', 'soc2', 'iso27001-2022'],
    });
    const markdown = plan.files.filter((f) => f.path.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(level === 1 ? 7 : 9);
    for (const file of markdown) expect(await prettierMarkdown(file.content), file.path).toBe(file.content);
  });

  it.each(ODD_NAMES)('odd project name %j keeps every Markdown file prettier-clean', async (projectName) => {
    const plan = await planFor({ projectName, level: 3, languages: ['go', 'python'], artifacts: ['container-images'], portal: true, compliance: ['soc2'] } as Partial<Answers>);
    for (const file of plan.files.filter((f) => f.path.endsWith('.md'))) {
      expect(await prettierMarkdown(file.content), file.path).toBe(file.content);
    }
  });
});

describe('generated YAML is prettier-clean', () => {
  it.each([1, 2, 3] as const)('level %i, every language, every artifact kind, portal on', async (level) => {
    const plan = await planFor({
      level,
      languages: [...LANGUAGES],
      artifacts: ['binaries', 'container-images', 'helm-charts', 'libraries'],
      portal: true,
      compliance: [],
    });
    const yamlFiles = plan.files.filter((f) => /\.ya?ml$/.test(f.path));
    expect(yamlFiles.length).toBeGreaterThan(3);
    for (const file of yamlFiles) expect(await prettierYaml(file.content), file.path).toBe(file.content);
  });

  it.each(ODD_NAMES)('quotes %j the way prettier does, and round-trips it', async (value) => {
    const source = `key: ${yamlString(value)}\n`;
    expect(await prettierYaml(source)).toBe(source);
    expect(parse(source).key).toBe(value);
  });

  it.each(ODD_NAMES)('odd project name %j keeps every YAML file prettier-clean', async (projectName) => {
    const plan = await planFor({ projectName, level: 3, languages: ['go'], artifacts: ['container-images'], portal: true } as Partial<Answers>);
    for (const file of plan.files.filter((f) => /\.ya?ml$/.test(f.path))) {
      expect(await prettierYaml(file.content), file.path).toBe(file.content);
    }
  });
});
