import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Both src/*.ts (tests) and dist/*.js (the published bundle) sit one level below the package
// root, so one relative URL finds presets/ and data/ in either layout.
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
// A control's templates live in its folder (src/controls/<id>/templates/); the build copies them
// to dist/controls/<id>/templates/, again beside the code that reads them.
export const controlsDir = fileURLToPath(new URL('./controls', import.meta.url));

/** `<control id>/<file>` -> the template file in that control's folder. */
export function templatePath(name: string): string {
  const slash = name.indexOf('/');
  if (slash <= 0) throw new Error(`Template names are "<control id>/<file>", got "${name}".`);
  return path.join(controlsDir, name.slice(0, slash), 'templates', name.slice(slash + 1));
}
export const dataDir = path.join(packageRoot, 'data');
export const presetsDir = path.join(packageRoot, 'presets');
