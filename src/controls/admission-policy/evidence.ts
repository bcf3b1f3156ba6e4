import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, lineMatching, pass } from '../../evidence/kit.js';

const POLICY_KINDS = /^\s*kind:\s*(ClusterPolicy|Policy|ClusterImagePolicy|ImagePolicy|ValidatingAdmissionPolicy)\s*$/m;
const VERIFIES = /verifyImages|ClusterImagePolicy|keyless|cosign|notary/;
const MAX_FILES = 5000;

/** A Kubernetes admission policy that verifies image signatures (Kyverno verifyImages, Sigstore policy-controller, Ratify). */
export const evidence = (repo: RepoView): Evidence => {
  const yamls = repo.withExtensions('yaml', 'yml').filter((file) => !file.startsWith('.github/'));
  // Likely locations first, so large trees rarely need reading every YAML file.
  const likely = (file: string) => (/polic|kyverno|admission|deploy|config|charts?\//i.test(file) ? 0 : 1);
  const ordered = [...yamls].sort((a, b) => likely(a) - likely(b)).slice(0, MAX_FILES);
  for (const file of ordered) {
    const text = repo.read(file);
    if (text && POLICY_KINDS.test(text) && VERIFIES.test(text)) {
      return pass(`Admission policy verifying image signatures: ${file}.`, [lineMatching(repo, file, /verifyImages|kind:\s*ClusterImagePolicy/)]);
    }
  }
  return fail('No admission policy that verifies image signatures (Kyverno verifyImages, Sigstore ClusterImagePolicy).');
};
