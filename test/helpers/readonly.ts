import { readOnlyTree } from '../retrofit/helpers.js';

/**
 * An empty directory this process cannot write to (chmod for ordinary users, a read-only tmpfs for
 * root, as in CI); undefined when neither is possible here.
 */
export function readOnlyDir(): { dir: string; cleanup: () => void } | undefined {
  return readOnlyTree({});
}
