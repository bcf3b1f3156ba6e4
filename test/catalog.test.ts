// The catalog's own invariants: every control is complete, unique, and maps to real data.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../src/catalog/index.js';

const root = path.resolve(import.meta.dirname, '..');
const osps = new Set((JSON.parse(readFileSync(path.join(root, 'data/osps-baseline.json'), 'utf8')) as { controls: Array<{ id: string }> }).controls.map((c) => c.id));
const practices = new Set(Object.keys((JSON.parse(readFileSync(path.join(root, 'data/compliance-map.json'), 'utf8')) as { practices: object }).practices));

describe('control catalog', () => {
  it('has unique ids', () => {
    const ids = CATALOG.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CATALOG.map((c) => [c.id, c] as const))('%s is complete: why, level, evidence, fix, real OSPS ids and practices', (id, control) => {
    expect(control.title.length).toBeGreaterThan(5);
    expect(control.why.length).toBeGreaterThan(40);
    expect([1, 2, 3]).toContain(control.level);
    expect(typeof control.evidence, `${id} has an evidence function for check`).toBe('function');
    expect(control.fix, `${id} names the command that fixes a gap`).toMatch(/^npx create-secure-cncf/);
    for (const ref of control.osps) expect(osps.has(ref), `${id}: ${ref} is an OSPS Baseline requirement`).toBe(true);
    for (const practice of control.practices) expect(practices.has(practice), `${id}: ${practice} is a compliance-map practice`).toBe(true);
    expect(existsSync(path.join(root, 'src/controls', id, 'control.ts')), `src/controls/${id}/control.ts`).toBe(true);
  });
});
