// TechDocs: mkdocs.yml is valid MkDocs 1.6 configuration using the techdocs-core plugin, its nav
// lists exactly the security pages the plan writes, and docs/security/index.md links only to
// pages that exist.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planFor } from '../../../test/helpers/generate.js';
import { schemaErrors } from '../../../test/helpers/validators.js';
import { DOCS_DIR } from './control.js';
import type { Answers, Plan } from '../../model.js';

const MKDOCS = 'mkdocs.yml';
const INDEX = 'docs/security/index.md';
const file = (plan: Plan, p: string) => plan.files.find((f) => f.path === p)?.content;

type NavItem = string | Record<string, string | NavItem[]>;

/** Every page path of a mkdocs nav, depth first. */
function navPaths(nav: NavItem[]): string[] {
  return nav.flatMap((item) => {
    if (typeof item === 'string') return [item];
    return Object.values(item).flatMap((value) => (typeof value === 'string' ? [value] : navPaths(value)));
  });
}

/** Relative Markdown link targets (no scheme, no anchor-only links, not escaped text). */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'));
}

const PROFILES: Array<Partial<Answers>> = [
  { level: 1, portal: true },
  { level: 2 },
  { level: 2, compliance: ['pci-dss-4.0.1', 'eu-cra'] },
  { level: 3, languages: ['go', 'rust'], artifacts: ['container-images', 'helm-charts'] },
  { level: 3, languages: ['java-maven'], compliance: ['soc2'], artifacts: [] },
];

describe('techdocs', () => {
  it('is written only when the portal answer is yes', async () => {
    const off = await planFor({ level: 3, portal: false });
    expect(file(off, MKDOCS)).toBeUndefined();
    expect(file(off, INDEX)).toBeUndefined();
    const on = await planFor({ level: 1, portal: true });
    expect(file(on, MKDOCS)).toBeDefined();
    expect(file(on, INDEX)).toBeDefined();
  });

  for (const overrides of PROFILES) {
    describe(JSON.stringify(overrides), () => {
      it('writes a valid MkDocs 1.6 config that uses techdocs-core', async () => {
        const plan = await planFor(overrides);
        const mkdocs = file(plan, MKDOCS)!;
        expect(schemaErrors('mkdocs-1.6.json', mkdocs)).toEqual([]);
        const config = parse(mkdocs) as { plugins: unknown[]; docs_dir: string; repo_url: string; edit_uri: string };
        expect(config.plugins).toContain('techdocs-core');
        expect(config.docs_dir).toBe(DOCS_DIR);
        expect(config.repo_url).toBe('https://github.com/acme/widget');
        expect(config.edit_uri).toBe('edit/main/docs/security/');
      });

      it('lists in the nav exactly the security pages in the plan', async () => {
        const plan = await planFor(overrides);
        const nav = navPaths((parse(file(plan, MKDOCS)!) as { nav: NavItem[] }).nav).map((p) => `${DOCS_DIR}/${p}`);
        const pages = plan.files.map((f) => f.path).filter((p) => p.startsWith(`${DOCS_DIR}/`) && p.endsWith('.md'));
        expect([...nav].sort()).toEqual([...pages].sort());
        expect(nav[0]).toBe(INDEX);
      });

      it('links from the overview only to pages that exist', async () => {
        const plan = await planFor(overrides);
        const index = file(plan, INDEX)!;
        const paths = new Set(plan.files.map((f) => f.path));
        for (const target of relativeLinks(index)) expect(paths.has(`${DOCS_DIR}/${target}`), target).toBe(true);
        expect(index).toContain('https://github.com/acme/widget/blob/main/SECURITY.md');
        expect(index).toContain('https://github.com/acme/widget/security/advisories/new');
      });
    });
  }

  it('explains how to verify a release from level 2 when something is released', async () => {
    expect(file(await planFor({ level: 1, portal: true }), INDEX)).not.toContain('## Verifying a release');
    expect(file(await planFor({ level: 2, artifacts: [] }), INDEX)).not.toContain('## Verifying a release');
    const level2 = file(await planFor({ level: 2, artifacts: ['binaries'] }), INDEX)!;
    expect(level2).toContain('## Verifying a release');
    expect(level2).toContain('SECURITY.md#verifying-releases');
  });

  it('links the compliance mapping of each selected preset', async () => {
    const none = await planFor({ level: 2 });
    expect(file(none, INDEX)).not.toContain('## Compliance');
    const plan = await planFor({ level: 2, compliance: ['pci-dss-4.0.1', 'soc2'] });
    const index = file(plan, INDEX)!;
    expect(index).toContain('](compliance/pci-dss-4.0.1.md)');
    expect(index).toContain('](compliance/soc2.md)');
    const nav = (parse(file(plan, MKDOCS)!) as { nav: NavItem[] }).nav;
    const compliance = nav.find((item) => typeof item === 'object' && 'Compliance' in item) as Record<string, NavItem[]>;
    expect(navPaths(compliance.Compliance!)).toEqual(['compliance/pci-dss-4.0.1.md', 'compliance/soc2.md']);
  });

  it('adds the threat model, self-assessment and fuzzing guide at level 3 only', async () => {
    const level2 = navPaths((parse(file(await planFor({ level: 2 }), MKDOCS)!) as { nav: NavItem[] }).nav);
    expect(level2).toEqual(['index.md']);
    const level3 = navPaths((parse(file(await planFor({ level: 3, languages: ['go'] }), MKDOCS)!) as { nav: NavItem[] }).nav);
    expect(level3).toEqual(['index.md', 'threat-model.md', 'self-assessment.md', 'fuzzing.md']);
  });

  it('escapes odd project names in YAML and Markdown', async () => {
    const projectName = 'Wid: "get" #1 *bold* [link](x) <b> — ü';
    const plan = await planFor({ level: 2, projectName });
    const mkdocs = file(plan, MKDOCS)!;
    expect(schemaErrors('mkdocs-1.6.json', mkdocs)).toEqual([]);
    expect((parse(mkdocs) as { site_name: string }).site_name).toBe(projectName);
    const heading = file(plan, INDEX)!.split('\n').find((line) => line.startsWith('# '))!;
    expect(heading).toContain('\\*bold\\*');
    expect(heading).toContain('\\[link\\](x)');
    expect(heading).toContain('&lt;b');
    expect(relativeLinks(file(plan, INDEX)!)).not.toContain('x');
  });

  it('is what catalog-info.yaml points TechDocs at', async () => {
    const plan = await planFor({ level: 2 });
    const entity = parse(file(plan, 'catalog-info.yaml')!) as { metadata: { annotations: Record<string, string> } };
    expect(entity.metadata.annotations['backstage.io/techdocs-ref']).toBe('dir:.');
    expect(file(plan, MKDOCS)).toBeDefined();
  });
});
