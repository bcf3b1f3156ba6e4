import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, lineMatching, pass } from '../../evidence/kit.js';

const POLICY_KINDS = /^\s*kind:\s*(ClusterPolicy|Policy|ClusterImagePolicy|ImagePolicy|ValidatingAdmissionPolicy)\s*$/m;
const VERIFYING_WORDS = ['verifyImages', 'ClusterImagePolicy', 'keyless', 'cosign', 'notary'];
const VERIFIES = new RegExp(VERIFYING_WORDS.join('|'));
const MAX_FILES = 5000;

/** A Kubernetes admission policy that verifies image signatures (Kyverno verifyImages, Sigstore policy-controller, Ratify). */
export const evidence = (repo: RepoView): Evidence => {
  const yamls = repo.withExtensions('yaml', 'yml').filter((file) => !file.startsWith('.github/'));
  // Likely locations first, so large trees rarely need reading every YAML file.
  const likely = (file: string) => (/polic|kyverno|admission|deploy|config|charts?\//i.test(file) ? 0 : 1);
  const ordered = [...yamls].sort((a, b) => likely(a) - likely(b)).slice(0, MAX_FILES);
  // A policy that verifies images names one of these words: only files that do are read.
  for (const file of repo.filesContaining(ordered, VERIFYING_WORDS, [':(icase)*.yaml', ':(icase)*.yml'])) {
    const text = repo.read(file);
    if (text && POLICY_KINDS.test(text) && VERIFIES.test(text)) {
      return pass(`Admission policy verifying image signatures: ${file}.`, [lineMatching(repo, file, /verifyImages|kind:\s*ClusterImagePolicy/)]);
    }
  }
  return fail('No admission policy that verifies image signatures (Kyverno verifyImages, Sigstore ClusterImagePolicy).');
};
