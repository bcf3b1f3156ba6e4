import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseArtifacts, parseCompliance, parseLanguages, parseLevel, parseRepository, validateBranch, validateProjectName } from '../../src/validate.js';
import { UsageError } from '../../src/errors.js';
import { markdownCode, markdownText, yamlString } from '../../src/escape.js';

describe('flag values', () => {
  it('accepts languages and their aliases, deduplicated', () => {
    expect(parseLanguages(['Go,typescript', 'ts', 'c++'])).toEqual(['go', 'javascript', 'cpp']);
  });

  it('rejects an unknown language naming the valid ones', () => {
    expect(() => parseLanguages('cobol')).toThrow(UsageError);
    expect(() => parseLanguages('cobol')).toThrow(/Unknown language "cobol".*go, rust, python, javascript, java-maven, java-gradle, cpp/);
  });

  it('accepts levels by number or name and rejects others', () => {
    expect(parseLevel('2')).toBe(2);
    expect(parseLevel('graduated')).toBe(3);
    expect(() => parseLevel('7')).toThrow(/Unknown level "7". Valid levels: 1 \(sandbox\), 2 \(incubating\), 3 \(graduated\)/);
  });

  it('validates artifacts and compliance presets', () => {
    expect(parseArtifacts('images,helm')).toEqual(['container-images', 'helm-charts']);
    expect(parseArtifacts('none')).toEqual([]);
    expect(() => parseArtifacts('rpm')).toThrow(/Valid artifacts: binaries, container-images, helm-charts, libraries/);
    expect(parseCompliance('PCI-DSS-4.0.1', ['pci-dss-4.0.1'])).toEqual(['pci-dss-4.0.1']);
    expect(() => parseCompliance('hipaa', ['pci-dss-4.0.1', 'soc2'])).toThrow(/Valid presets: pci-dss-4.0.1, soc2/);
  });

  it('validates repository slugs, branches and project names', () => {
    expect(parseRepository('my-org/my.repo')).toEqual({ owner: 'my-org', name: 'my.repo' });
    expect(parseRepository('o/r.git')).toEqual({ owner: 'o', name: 'r' });
    for (const bad of ['noslash', 'a/b/c', '-bad/x', 'o/..', 'o/$(x)', 'o/a b']) expect(() => parseRepository(bad), bad).toThrow(UsageError);
    expect(validateBranch('release/1.x')).toBe('release/1.x');
    for (const bad of ['-x', 'a..b', 'a b', 'x.lock', '${{ github.head_ref }}']) expect(() => validateBranch(bad), bad).toThrow(UsageError);
    expect(validateProjectName('  a: b # "c"  ')).toBe('a: b # "c"');
    expect(() => validateProjectName('line\nbreak')).toThrow(/control characters/);
    expect(() => validateProjectName('   ')).toThrow(/empty/);
  });
});

describe('escaping', () => {
  it('YAML strings round-trip odd values exactly', () => {
    for (const value of ['a: b # "c"', "it's", '- [x]', '{a}', '*ref', '&anchor', '!tag', 'yes', '123', '', '\\n literal', 'ünï ☃']) {
      expect(parse(`key: ${yamlString(value)}`).key).toBe(value);
    }
  });

  it('Markdown text cannot open markup or HTML', () => {
    expect(markdownText('a *b* [c](d) <script>')).toBe('a \\*b\\* \\[c\\](d) &lt;script\\>');
    expect(markdownCode('a`b')).toBe('``a`b``');
  });
});
