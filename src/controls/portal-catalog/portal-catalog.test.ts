// catalog-info.yaml is validated the way a Backstage catalog would ingest it: the Component kind
// validator and the default entity policies of @backstage/catalog-model, plus the SchemaStore
// catalog-info schema. Every annotation key it writes must be documented with its plugin.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  KubernetesValidatorFunctions,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
  parseEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { planFor, tempRepo } from '../../../test/helpers/generate.js';
import { RepoView } from '../../evidence/repo-view.js';
import { evidence, techdocsEvidence } from './evidence.js';
import { schemaErrors } from '../../../test/helpers/validators.js';
import { ANNOTATIONS, componentType, entityName, lifecycle } from './control.js';
import type { Answers, Plan } from '../../model.js';

const CATALOG_INFO = 'catalog-info.yaml';
const file = (plan: Plan, p: string) => plan.files.find((f) => f.path === p)?.content;

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** What the catalog does with a read entity: policies (which also default the namespace), then the kind validator. */
async function ingest(yamlSource: string): Promise<Entity> {
  const raw = parse(yamlSource) as Entity;
  const entity = await policy.enforce(raw);
  expect(entity).toBeDefined();
  expect(await componentEntityV1alpha1Validator.check(entity!)).toBe(true);
  return entity!;
}

async function catalogInfo(overrides: Partial<Answers>): Promise<string> {
  const content = file(await planFor({ portal: true, ...overrides }), CATALOG_INFO);
  expect(content, 'catalog-info.yaml is generated').toBeDefined();
  return content!;
}

const PROFILES: Array<Partial<Answers>> = [
  { level: 1 },
  { level: 2, artifacts: ['container-images', 'helm-charts'] },
  { level: 3, languages: ['rust', 'python'], artifacts: ['libraries'], compliance: ['soc2'] },
  { level: 2, artifacts: [] },
];

describe('portal-catalog', () => {
  it('is written only when the portal answer is yes', async () => {
    expect(file(await planFor({ level: 1, portal: false }), CATALOG_INFO)).toBeUndefined();
    expect(file(await planFor({ level: 3, portal: false }), CATALOG_INFO)).toBeUndefined();
    expect(file(await planFor({ level: 1, portal: true }), CATALOG_INFO)).toBeDefined();
    // Default of the test helper (and of the CLI): on from level 2.
    expect(file(await planFor({ level: 2 }), CATALOG_INFO)).toBeDefined();
  });

  for (const overrides of PROFILES) {
    it(`passes the catalog-model validators and the SchemaStore schema (${JSON.stringify(overrides)})`, async () => {
      const content = await catalogInfo(overrides);
      expect(schemaErrors('catalog-info.json', content)).toEqual([]);
      const entity = await ingest(content);
      expect(entity.metadata.namespace).toBe('default');
      const spec = entity.spec as Record<string, unknown>;
      expect(parseEntityRef(String(spec.owner))).toEqual({ kind: 'group', namespace: 'default', name: 'acme' });
    });
  }

  it('maps artifacts to spec.type and the level to spec.lifecycle', async () => {
    const spec = async (o: Partial<Answers>) => (parse(await catalogInfo(o)) as Entity).spec as Record<string, string>;
    expect((await spec({ artifacts: ['container-images'] })).type).toBe('service');
    expect((await spec({ artifacts: ['helm-charts', 'libraries'] })).type).toBe('service');
    expect((await spec({ artifacts: ['binaries', 'libraries'] })).type).toBe('tool');
    expect((await spec({ artifacts: ['libraries'] })).type).toBe('library');
    expect((await spec({ artifacts: [] })).type).toBe('other');
    expect((await spec({ level: 1 })).lifecycle).toBe('experimental');
    expect((await spec({ level: 2 })).lifecycle).toBe('production');
    expect((await spec({ level: 3 })).lifecycle).toBe('production');
    expect(lifecycle(1)).toBe('experimental');
    expect(componentType).toBeTypeOf('function');
  });

  it('writes the annotations security plugins read', async () => {
    const entity = parse(await catalogInfo({ repository: { owner: 'acme', name: 'widget' }, defaultBranch: 'trunk' })) as Entity;
    expect(entity.metadata.annotations).toEqual({
      'github.com/project-slug': 'acme/widget',
      'backstage.io/source-location': 'url:https://github.com/acme/widget/tree/trunk/',
      'backstage.io/techdocs-ref': 'dir:.',
      'openssf/scorecard-location': 'https://api.securityscorecards.dev/projects/github.com/acme/widget',
    });
  });

  it('cites every annotation key it can write in docs/portal/README.md and catalog.md, with its package', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../docs/portal/README.md'), 'utf8');
    const catalogDoc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/portal/catalog.md'), 'utf8');
    for (const key of Object.values(ANNOTATIONS)) {
      // A table row naming the key and an npm package with a version, e.g. `@scope/name` 1.2.3.
      const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${key}\``));
      expect(row, `README row for ${key}`).toBeDefined();
      expect(row!, key).toMatch(/`@[a-z0-9-]+\/[a-z0-9-]+`[^|]*\d+\.\d+\.\d+/);
      expect(catalogDoc, key).toContain(`\`${key}\``);
    }
  });

  it('never writes an annotation key that is not in the documented list', async () => {
    const documented = new Set<string>(Object.values(ANNOTATIONS));
    for (const overrides of PROFILES) {
      const entity = parse(await catalogInfo(overrides)) as Entity;
      for (const key of Object.keys(entity.metadata.annotations ?? {})) expect(documented.has(key), key).toBe(true);
    }
  });

  describe('entity names', () => {
    const ODD_REPOS = ['_private', '.github', 'Widget_', '---x---', 'a'.repeat(100), 'My.Repo-', '-_-', 'x', 'UPPER', 'a..b', '9lives'];

    for (const repo of ODD_REPOS) {
      it(`derives a valid metadata.name from "${repo.length > 20 ? `${repo.slice(0, 20)}…` : repo}"`, () => {
        const name = entityName(repo);
        expect(KubernetesValidatorFunctions.isValidObjectName(name), name).toBe(true);
        expect(name).toBe(name.toLowerCase());
      });
    }

    it('keeps what it can of the repository name', () => {
      expect(entityName('widget')).toBe('widget');
      expect(entityName('_Widget.io_')).toBe('widget.io');
      expect(entityName('-_-')).toBe('project');
      expect(entityName('a'.repeat(62) + '-b')).toBe('a'.repeat(62));
    });

    it('puts odd project names only into title and description, escaped', async () => {
      const projectName = 'Wid: "get" #1 \\ {x} [y] & *z* \'q\' ünïcode — ok';
      const content = await catalogInfo({ projectName, repository: { owner: 'Acme-Org', name: '.Weird_Repo.' } });
      expect(schemaErrors('catalog-info.json', content)).toEqual([]);
      const entity = await ingest(content);
      expect(entity.metadata.name).toBe('weird_repo');
      expect(entity.metadata.title).toBe(projectName);
      expect(entity.metadata.description).toContain(projectName);
      expect(entity.metadata.annotations?.['github.com/project-slug']).toBe('Acme-Org/.Weird_Repo.');
      expect((entity.spec as Record<string, unknown>).owner).toBe('group:default/acme-org');
      // The name appears nowhere unquoted: only in the two quoted scalars.
      const lines = content.split('\n').filter((line) => line.includes('#1'));
      expect(lines.map((l) => l.trim().split(':')[0])).toEqual(['title', 'description']);
    });
  });

  describe('evidence (secure-cncf check)', () => {
    const audit = (files: Record<string, string>) => {
      const repo = tempRepo(files);
      try {
        const view = new RepoView(repo.root);
        return { catalog: evidence(view).status, techdocs: techdocsEvidence(view).status };
      } finally {
        repo.cleanup();
      }
    };

    it('is not applicable without portal files, so it never lowers the achieved level', () => {
      expect(audit({ 'README.md': '# x\n' })).toEqual({ catalog: 'not-applicable', techdocs: 'not-applicable' });
    });

    it('passes the generated files', async () => {
      const plan = await planFor({ level: 2 });
      const files = Object.fromEntries(plan.files.filter((f) => ['catalog-info.yaml', 'mkdocs.yml'].includes(f.path)).map((f) => [f.path, f.content]));
      expect(audit(files)).toEqual({ catalog: 'pass', techdocs: 'pass' });
    });

    it('is partial for incomplete metadata', () => {
      const result = audit({
        'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec:\n  type: service\n',
        'mkdocs.yml': 'site_name: x\n',
      });
      expect(result).toEqual({ catalog: 'partial', techdocs: 'partial' });
    });
  });
});
