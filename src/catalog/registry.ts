import type { Control } from './types.js';

// Controls that describe the whole plan (the ruleset's required checks, the threat model, the
// compliance mapping, the TechDocs nav) need the catalog, and the catalog lists them. Reading it
// through this registry instead of importing src/catalog/index.ts keeps the modules acyclic.
let registered: readonly Control[] | undefined;

export function registerCatalog(catalog: readonly Control[]): void {
  registered = catalog;
}

export function registeredCatalog(): readonly Control[] {
  if (!registered) throw new Error('The control catalog is not loaded: import src/catalog/index.ts before planning.');
  return registered;
}
