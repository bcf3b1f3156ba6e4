// Controls that read the whole catalog must not form an import cycle with it: importing one of
// them first (before src/catalog/index.ts) must still give a complete catalog and a plan.
import { describe, expect, it, vi } from 'vitest';

describe('import order', () => {
  it.each(['branch-ruleset', 'compliance-docs', 'portal-catalog', 'techdocs', 'threat-model', 'security-insights'])(
    'importing src/controls/%s.ts first still yields a complete catalog',
    async (id) => {
      vi.resetModules();
      await import(`../../src/controls/${id}.ts`);
      const { CATALOG } = await import('../../src/catalog/index.js');
      expect(CATALOG.every((control) => control && typeof control.id === 'string')).toBe(true);
      const { planFor } = await import('../helpers/generate.js');
      const plan = await planFor({ level: 3, compliance: ['soc2'], portal: true });
      expect(plan.files.length).toBeGreaterThan(15);
    },
  );
});
