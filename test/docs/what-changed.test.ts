// docs/guide/what-changed-2026.md quotes facts that live in the package's data: the actions still
// on Node 20 (data/action-pins.json, deprecatedRuntime), and the actions/checkout release, commit
// and opt-out input (data/action-pins.json; data/action-inputs.json, read at the pinned commit).
// A pin refresh that changes any of them fails here until the page is updated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const page = readFileSync(path.join(packageRoot, 'docs/guide/what-changed-2026.md'), 'utf8');
const read = (file: string) => JSON.parse(readFileSync(path.join(packageRoot, file), 'utf8'));
const pins = read('data/action-pins.json').actions as Record<string, { tag: string | null; sha: string; runsUsing: string | null; deprecatedRuntime?: boolean }>;
const inputs = read('data/action-inputs.json').actions as Record<string, { inputs: Record<string, { default: string | null }> }>;

/** Rows of the Node 20 table between its markers: [action, release, runs.using]. */
function node20Rows(text: string): string[][] {
  const block = text.slice(text.indexOf('<!-- node20:begin -->'), text.indexOf('<!-- node20:end -->'));
  return block
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')));
}

describe('what changed in 2026', () => {
  it('lists exactly the pinned actions that still run on Node 20, with their pinned release', () => {
    const expected = Object.entries(pins)
      .filter(([, pin]) => pin.deprecatedRuntime)
      .map(([name, pin]) => [name, pin.tag ?? '', pin.runsUsing ?? ''])
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(node20Rows(page).sort()).toEqual(expected);
  });

  it('names the actions/checkout release and commit the templates pin, and its real opt-out input', () => {
    const checkout = pins['actions/checkout']!;
    expect(page).toContain(`v7.0.1, commit \`${checkout.sha.slice(0, 8)}\``);
    expect(checkout.tag).toBe('v7.0.1');
    const optOut = inputs['actions/checkout']!.inputs['allow-unsafe-pr-checkout'];
    expect(optOut, 'allow-unsafe-pr-checkout is an input of actions/checkout at the pinned commit').toBeDefined();
    expect(optOut!.default).toBe('false');
    expect(page).toContain('`allow-unsafe-pr-checkout`');
  });

  it('reads the Node 20 table the way the check above expects (it can fail)', () => {
    expect(node20Rows('<!-- node20:begin -->\n| Action | x | y |\n| `a/b` | v1 | node20 |\n<!-- node20:end -->')).toEqual([['a/b', 'v1', 'node20']]);
  });
});
