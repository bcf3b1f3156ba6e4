// The committed Syft configuration (control "sbom-config").
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Language } from '../../model.js';
import { planFor } from '../../../test/helpers/generate.js';

const FILE = '.syft.yaml';
// Keys of Syft's application configuration this file may use (syft cmd/syft/internal/options: Catalog).
const KNOWN_KEYS = new Set(['select-catalogers', 'default-catalogers', 'exclude']);

describe('sbom-config', () => {
  it('is not generated at level 1', async () => {
    const plan = await planFor({ level: 1 });
    expect(plan.files.map((f) => f.path)).not.toContain(FILE);
  });

  it.each<[Language[], string[], string[]]>([
    [['go'], ['go', 'github-actions'], ['**/vendor/**']],
    [['rust'], ['rust', 'github-actions'], ['**/target/**']],
    [['python'], ['python', 'github-actions'], ['**/.venv/**']],
    [['javascript'], ['javascript', 'github-actions'], ['**/node_modules/**']],
    [['java-maven', 'java-gradle'], ['java', 'github-actions'], ['**/target/**', '**/build/**']],
    [['cpp'], ['cpp', 'github-actions'], ['**/build/**']],
    [['go', 'python'], ['go', 'python', 'github-actions'], ['**/vendor/**', '**/.venv/**']],
  ])('scopes Syft to %j', async (languages, catalogers, excludes) => {
    for (const level of [2, 3] as const) {
      const plan = await planFor({ languages, level });
      const file = plan.files.find((f) => f.path === FILE);
      expect(file, `level ${level}`).toBeDefined();
      const config = parse(file!.content);
      for (const key of Object.keys(config)) expect(KNOWN_KEYS.has(key), key).toBe(true);
      expect(config['select-catalogers']).toEqual(catalogers);
      for (const glob of excludes) expect(config.exclude).toContain(glob);
      for (const glob of ['./dist/**', '**/testdata/**', '**/test/**', '**/tests/**']) expect(config.exclude).toContain(glob);
      // Syft rejects exclusion globs that do not start like this.
      for (const glob of config.exclude) expect(glob).toMatch(/^(\.\/|\*\/|\*\*\/)/);
      expect(new Set(config.exclude).size).toBe(config.exclude.length);
    }
  });
});
