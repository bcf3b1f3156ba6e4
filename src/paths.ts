import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Both src/*.ts (tests) and dist/*.js (the published bundle) sit one level below the package
// root, so one relative URL finds templates/, presets/ and data/ in either layout.
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const templatesDir = path.join(packageRoot, 'templates');
export const dataDir = path.join(packageRoot, 'data');
export const presetsDir = path.join(packageRoot, 'presets');
