// What a `uses:` value refers to, and whether the pin table can pin it without changing the
// version the workflow asked for.
import type { PinTable } from '../pins.js';

export interface UsesRef {
  /** owner/repo or owner/repo/path (a sub-action or a reusable workflow file). */
  name: string;
  ref: string;
}

export type PinDecision =
  | { kind: 'pin'; name: string; sha: string; tag: string; text: string }
  | { kind: 'retag'; name: string; tag: string; text: string }
  | { kind: 'ok' }
  | { kind: 'skip'; reason: string };

const SHA = /^[0-9a-f]{40}$/;

export function parseUses(value: string): UsesRef | undefined {
  if (value.startsWith('./') || value.startsWith('docker://')) return undefined;
  const at = value.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { name: value.slice(0, at), ref: value.slice(at + 1) };
}

/** "v7" and "v7.0" are prefixes of "v7.0.1"; the pinned commit is what those moving tags pointed at. */
export function refMatchesTag(ref: string, tag: string): boolean {
  const a = ref.replace(/^v/, '').split('.');
  const b = tag.replace(/^v/, '').split('.');
  if (!/^v?\d+(\.\d+){0,2}$/.test(ref) || a.length > b.length) return false;
  return a.every((part, i) => Number(part) === Number(b[i]));
}

/**
 * Decide how to pin one `uses:` reference with the table: only when the referenced version is the
 * table's version (or a moving major/minor tag of it), so hardening never changes behaviour.
 */
/**
 * `self`: this repository's owner/name. Its own reusable workflow called by branch or tag gets
 * its own advice: the local form needs no pin.
 */
export function decidePin(value: string, table: PinTable, self?: string): PinDecision {
  if (value.startsWith('./')) return { kind: 'ok' };
  if (value.startsWith('docker://')) {
    return value.includes('@sha256:') ? { kind: 'ok' } : { kind: 'skip', reason: `${value} is a container image without a digest; pin it to @sha256:<digest>` };
  }
  const uses = parseUses(value);
  if (!uses) return { kind: 'skip', reason: `${value} has no @ref; pin it to a full commit SHA` };
  const pin = table.actions[uses.name];
  if (SHA.test(uses.ref)) return { kind: 'ok' };
  const own = self ? /^(?<slug>[^/]+\/[^/]+)\/(?<path>\.github\/workflows\/[^/]+\.ya?ml)$/.exec(uses.name) : null;
  if (own?.groups && own.groups['slug']!.toLowerCase() === self!.toLowerCase()) {
    const local = `./${own.groups['path']}`;
    return { kind: 'skip', reason: `${value} calls this repository's own workflow at ${uses.ref}; \`uses: ${local}\` needs no pin (it runs the caller's commit rather than ${uses.ref}), or pin ${uses.ref} to its commit SHA by hand` };
  }
  if (!pin || pin.staleSnapshot) {
    return { kind: 'skip', reason: `${value} is not pinned and is not in the pin table; pin it to a full commit SHA by hand (or run \`secure-cncf pins --update\`)` };
  }
  if (!pin.tag || !refMatchesTag(uses.ref, pin.tag)) {
    return {
      kind: 'skip',
      reason: `${value} is not pinned; the pin table has ${uses.name} ${pin.tag ?? '(untagged)'}, a different version, so it was not pinned automatically (run \`secure-cncf pins --update\` to pin ${uses.ref}, or move to ${pin.tag ?? 'the pinned commit'})`,
    };
  }
  // A moving major tag is pinned only when the table recorded that it pointed at the same commit.
  const majorMatches = (pin as { majorMatches?: boolean | null }).majorMatches === true;
  if (/^v?\d+$/.test(uses.ref) && pin.pinBy === 'sha' && !majorMatches) {
    return { kind: 'skip', reason: `${value} is not pinned; ${uses.ref} may point past ${pin.tag} in the pin table, so it was not pinned automatically (run \`secure-cncf pins --update\`)` };
  }
  if (pin.pinBy === 'tag') {
    return uses.ref === pin.tag ? { kind: 'ok' } : { kind: 'retag', name: uses.name, tag: pin.tag, text: `${uses.name}@${pin.tag}` };
  }
  return { kind: 'pin', name: uses.name, sha: pin.sha, tag: pin.tag, text: `${uses.name}@${pin.sha}` };
}
