import { describe, expect, it } from 'vitest';
import { planFor } from '../../../test/helpers/generate.js';
import type { Plan } from '../../model.js';

const THREAT_MODEL = 'docs/security/threat-model.md';
const SELF_ASSESSMENT = 'docs/security/self-assessment.md';
const file = (plan: Plan, path: string) => plan.files.find((f) => f.path === path)?.content;
const headings = (markdown: string) => markdown.split('\n').filter((line) => /^#{1,6} /.test(line));

// Section names of the CNCF TAG Security self-assessment outline, in order.
const TAG_SECURITY_SECTIONS = [
  '## Metadata',
  '### Security links',
  '## Overview',
  '### Background',
  '### Actors',
  '### Actions',
  '### Goals',
  '### Non-goals',
  '## Self-assessment use',
  '## Security functions and features',
  '## Project compliance',
  '## Secure development practices',
  '## Security issue resolution',
  '## Appendix',
];

const STRIDE = ['Spoofing', 'Tampering', 'Repudiation', 'Information disclosure', 'Denial of service', 'Elevation of privilege'];

/** Rows of the Markdown tables under a heading, as cells. */
function tableRows(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6} /.test(line)) break;
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
  }
  return rows.slice(1);
}

describe('threat-model control', () => {
  it('is a level-3 control writing both documents', async () => {
    for (const level of [1, 2] as const) {
      const plan = await planFor({ level });
      expect(file(plan, THREAT_MODEL)).toBeUndefined();
      expect(file(plan, SELF_ASSESSMENT)).toBeUndefined();
    }
    const plan = await planFor({ level: 3 });
    expect(file(plan, THREAT_MODEL)).toBeDefined();
    expect(file(plan, SELF_ASSESSMENT)).toBeDefined();
  });

  it('follows the TAG Security self-assessment outline', async () => {
    const doc = file(await planFor({ level: 3 }), SELF_ASSESSMENT)!;
    const found = headings(doc).filter((h) => TAG_SECURITY_SECTIONS.includes(h));
    expect(found).toEqual(TAG_SECURITY_SECTIONS);
    expect(doc).toContain('https://github.com/acme/widget/security/advisories/new');
  });

  it('prefills the self-assessment with the generated controls and the chosen compliance frameworks', async () => {
    const doc = file(await planFor({ level: 3, compliance: ['pci-dss-4.0.1'] }), SELF_ASSESSMENT)!;
    const controls = tableRows(doc, '### Development pipeline').map(([title]) => title);
    expect(controls).toEqual(expect.arrayContaining(['Static analysis with CodeQL', 'Secret scanning', 'Continuous fuzzing', 'Threat model and security self-assessment']));
    expect(doc).toContain('`pci-dss-4.0.1`');
  });

  it('lists actors, assets by artifact kind, and a STRIDE table per trust boundary', async () => {
    const doc = file(await planFor({ level: 3, artifacts: ['container-images', 'helm-charts'] }), THREAT_MODEL)!;
    expect(headings(doc)).toEqual(expect.arrayContaining(['## Actors', '## Assets', '## Trust boundaries', '## Threats and mitigations (STRIDE)', '## Open questions']));
    const assets = tableRows(doc, '## Assets').map(([name]) => name);
    expect(assets).toEqual(expect.arrayContaining(['Source code and its history', 'Container images', 'Helm charts', 'CI secrets and tokens']));
    expect(assets).not.toContain('Release binaries');
    const boundaries = headings(doc).filter((h) => h.startsWith('### '));
    expect(boundaries).toEqual(['### Contributors → source repository', '### Pull-request code → CI runners', '### Third-party dependencies → build', '### CI → release channels', '### Release channels → users']);
    for (const boundary of boundaries) {
      for (const row of tableRows(doc, boundary)) {
        expect(row, boundary).toHaveLength(4);
        expect(STRIDE).toContain(row[0]);
      }
    }
    expect(doc).toContain('RBAC');
    expect(doc).toContain('non-root');
  });

  it('names the generated controls as mitigations', async () => {
    const doc = file(await planFor({ level: 3 }), THREAT_MODEL)!;
    const rows = tableRows(doc, '### Contributors → source repository');
    const tampering = rows.find(([stride]) => stride === 'Tampering')!;
    expect(tampering[2]).toContain('Static analysis with CodeQL');
    expect(tampering[2]).toContain('Default-branch ruleset');
    const secrets = rows.find(([stride]) => stride === 'Information disclosure')!;
    expect(secrets[2]).toBe('Secret scanning');
  });

  it('leaves out the release boundaries when nothing is published', async () => {
    const doc = file(await planFor({ level: 3, artifacts: [] }), THREAT_MODEL)!;
    expect(doc).not.toContain('### CI → release channels');
    expect(doc).not.toContain('### Release channels → users');
  });

  it.each(['a: b # "c"', 'x <script>alert(1)</script>', 'back`tick` ``x``', '| table | breaker |', '[link](javascript:alert(1))'])(
    'escapes the project name %j in both documents',
    async (projectName) => {
      const plan = await planFor({ level: 3, projectName });
      for (const path of [THREAT_MODEL, SELF_ASSESSMENT]) {
        const doc = file(plan, path)!;
        expect(doc, path).not.toContain('<script>');
        expect(doc, path).not.toContain('[link](');
        expect(headings(doc).filter((h) => h.startsWith('# '))).toHaveLength(1);
        // A name with pipes does not add table cells.
        for (const row of tableRows(doc, path === THREAT_MODEL ? '## Actors' : '## Metadata')) expect(row.length).toBeLessThanOrEqual(3);
      }
    },
  );
});
