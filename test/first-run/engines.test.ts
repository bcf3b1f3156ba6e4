// `npm ci` warns EBADENGINE when a locked package wants a newer Node than the one running. The
// published package bundles everything and runs on the Node of package.json "engines"; a clone
// also installs the test tools (vitest needs vite, which wants Node 20.19), and the README says so.
// Every locked package must accept the clone minimum the README names.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// semver is npm's own range parser; a transitive dev dependency is enough for a test.
const semver = require('semver') as { satisfies: (version: string, range: string) => boolean; minVersion: (range: string) => { version: string } | null };
const root = path.resolve(import.meta.dirname, '../..');

describe('Node engine range', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
  };
  const oldest = semver.minVersion(pkg.engines.node)?.version ?? '';

  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const cloneMinimum = /From a clone: Node\.js (\d+\.\d+) or later/.exec(readme)?.[1];

  it('the README names the oldest Node the package accepts, and the oldest a clone needs', () => {
    expect(oldest).toBe('20.17.0');
    expect(readme).toContain('Node.js 20.17 or later');
    expect(cloneMinimum).toBeDefined();
  });

  it('no installed package wants a newer Node than the README promises for a clone (no EBADENGINE in npm ci)', () => {
    const minimum = `${cloneMinimum}.0`;
    const tooNew = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(minimum, (entry.engines as { node: string }).node))
      .map(([name, entry]) => `${name} (${(entry.engines as { node: string }).node})`);
    expect(tooNew).toEqual([]);
  });
});
