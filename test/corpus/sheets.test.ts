// The hand-checked fact sheets behind docs/corpus/: each validates against the sheet schema, names
// a full commit, and the published page is the one the results render to.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { renderCorpusPage } from '../../scripts/corpus-page.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const schema = JSON.parse(readFileSync(path.join(here, 'fact-sheet.schema.json'), 'utf8')) as object;

describe.each(['sheets', 'holdout-sheets'])('test/corpus/%s', (dir) => {
  const files = readdirSync(path.join(here, dir)).filter((f) => f.endsWith('.json'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  it('has sheets', () => expect(files.length).toBeGreaterThanOrEqual(dir === 'sheets' ? 20 : 8));

  it.each(files)('%s validates and is named after its repository', (file) => {
    const sheet = JSON.parse(readFileSync(path.join(here, dir, file), 'utf8')) as { repository: string; commit: string };
    expect(validate(sheet), JSON.stringify(validate.errors)).toBe(true);
    expect(file.toLowerCase()).toBe(`${sheet.repository.replace('/', '__')}.json`.toLowerCase());
    expect(sheet.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

it('docs/corpus/README.md is rendered from the results', () => {
  const dir = path.join(here, '../../docs/corpus');
  expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(renderCorpusPage(dir));
});
