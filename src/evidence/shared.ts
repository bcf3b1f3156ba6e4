// Which calls of another repository are a project's shared setup (a reusable workflow, or a
// composite action of its own organisation or of an actions folder) rather than a third-party tool.
// Probes judge tools by the tables in tools.ts; shared setups are followed online or reported as
// delegated offline.
import type { UsesRef } from './workflow.js';

// Actions from tool vendors are the tools themselves, never a project's shared setup.
export const TOOL_VENDORS = new Set([
  'actions', 'github', 'google', 'ossf', 'sigstore', 'slsa-framework', 'anchore', 'aquasecurity', 'docker', 'step-security',
  'golang', 'securego', 'semgrep', 'returntocorp', 'gitleaks', 'trufflesecurity', 'dtolnay', 'rustsec', 'embarkstudios',
  'pypa', 'snyk', 'sonarsource', 'notaryproject', 'goreleaser', 'actions-rs', 'azure', 'hashicorp', 'codecov', 'softprops',
  'golangci', 'zizmorcore', 'fossas', 'helm', 'actions-rust-lang', 'github-actions', 'super-linter',
]);

/** A job- or step-level call of another repository that is shared setup, not a vendor's tool. */
export function isSharedCall(uses: UsesRef, selfSlug: string | undefined): boolean {
  if (!uses.repo || (uses.kind !== 'reusable-workflow' && uses.kind !== 'action')) return false;
  const self = selfSlug?.toLowerCase();
  const owner = self?.split('/')[0];
  const repo = uses.repo.toLowerCase();
  const vendor = repo.split('/')[0] ?? '';
  if (repo === self) return false;
  // A vendor's own projects (sigstore/cosign calling sigstore/community) delegate like anyone else.
  if (TOOL_VENDORS.has(vendor) && vendor !== owner) return false;
  return uses.kind === 'reusable-workflow' || (owner !== undefined && repo.startsWith(`${owner}/`)) || /\/\.github\/actions\//.test(uses.name);
}

/** A step-level action worth reading online: shared setup whose steps may run the practice. */
export const isSharedAction = (uses: UsesRef, selfSlug: string | undefined): boolean => uses.kind === 'action' && isSharedCall(uses, selfSlug);
