import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, fail, findTools, hitLocations, labels, partial, pass } from '../../evidence/kit.js';
import { FUZZ_TOOLS } from '../../evidence/tools.js';

const TARGET_PATTERNS: Array<{ files: RegExp; content: RegExp; label: string }> = [
  { files: /_test\.go$/, content: /func\s+Fuzz\w*\s*\(\s*\w+\s+\*testing\.F\)/, label: 'Go fuzz tests' },
  { files: /(^|\/)fuzz\/Cargo\.toml$/, content: /libfuzzer-sys|afl/, label: 'cargo-fuzz targets' },
  { files: /fuzz[^/]*\.(c|cc|cpp|cxx)$/i, content: /LLVMFuzzerTestOneInput/, label: 'libFuzzer targets' },
  { files: /fuzz[^/]*\.py$/i, content: /\batheris\b/, label: 'Atheris targets' },
  { files: /fuzz[^/]*\.(java|kt)$/i, content: /FuzzedDataProvider|@FuzzTest/, label: 'Jazzer targets' },
];

/** Fuzzing in CI (CIFuzz, ClusterFuzzLite, go test -fuzz, cargo fuzz), OSS-Fuzz/ClusterFuzzLite project files, or fuzz targets without CI (partial). */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, FUZZ_TOOLS);
  if (hits.length > 0) return pass(`Fuzzing runs in CI: ${labels(hits)}.`, hitLocations(hits));
  const projectFiles = repo.filter((file) => /^(\.clusterfuzzlite|oss-fuzz|\.oss-fuzz|fuzz\/oss-fuzz)\/(Dockerfile|build\.sh|project\.yaml)$/.test(file));
  if (projectFiles.some((file) => file.startsWith('.clusterfuzzlite/'))) {
    return partial('ClusterFuzzLite project files exist but no workflow runs them (google/clusterfuzzlite/actions).', projectFiles.map((file) => ({ file })));
  }
  if (projectFiles.length > 0) return pass('OSS-Fuzz build files are kept in the repository (OSS-Fuzz runs them continuously).', projectFiles.map((file) => ({ file })));
  for (const pattern of TARGET_PATTERNS) {
    const file = repo.files.find((f) => pattern.files.test(f) && pattern.content.test(repo.read(f) ?? ''));
    if (file) return partial(`${pattern.label} exist (${file}) but no workflow runs them; add CI fuzzing or onboard to OSS-Fuzz.`, [{ file }]);
  }
  const guide = repo.findFirst(['docs/security/fuzzing.md', 'FUZZING.md', 'docs/fuzzing.md']);
  if (guide) return partial(`${guide} describes fuzzing, but nothing runs it: no fuzz targets or fuzzing workflow yet.`, [{ file: guide }]);
  return delegatedOr(repo, profile, /fuzz/i, 'Fuzzing', fail('No fuzzing: no fuzz targets, no CIFuzz / ClusterFuzzLite / go test -fuzz / cargo fuzz workflow.'));
};
