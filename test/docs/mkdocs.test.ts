// The project's own docs site: mkdocs.yml validates against the MkDocs 1.6 schema, and its nav
// lists every Markdown page under docs/ exactly once and nothing that does not exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/paths.js';
import { schemaValidator } from '../helpers/validators.js';

const config = parse(readFileSync(path.join(packageRoot, 'mkdocs.yml'), 'utf8')) as { docs_dir?: string; exclude_docs?: string; nav: unknown[] };
/** Pages left out of the site on purpose (exact paths in `exclude_docs`; mkdocs.yml says why). */
const excluded = new Set((config.exclude_docs ?? '').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));
const docsDir = path.join(packageRoot, config.docs_dir ?? 'docs');

function navPages(nav: unknown): string[] {
  if (typeof nav === 'string') return [nav];
  if (Array.isArray(nav)) return nav.flatMap(navPages);
  if (nav && typeof nav === 'object') return Object.values(nav).flatMap(navPages);
  return [];
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [path.relative(docsDir, full).split(path.sep).join('/')] : [];
  });
}

describe('mkdocs.yml', () => {
  it('validates against the MkDocs 1.6 schema', () => {
    const validate = schemaValidator('mkdocs-1.6.json');
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('nav covers every page under docs/ that is not excluded, once, and only existing pages', () => {
    const pages = navPages(config.nav);
    expect(new Set(pages).size).toBe(pages.length);
    for (const page of pages) expect(existsSync(path.join(docsDir, page)), page).toBe(true);
    for (const page of excluded) expect(existsSync(path.join(docsDir, page)), `exclude_docs names ${page}, which does not exist`).toBe(true);
    expect([...pages].sort()).toEqual(markdownFiles(docsDir).filter((page) => !excluded.has(page)).sort());
  });
});
