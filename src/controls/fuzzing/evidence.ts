import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, partial, pass, practice, practiceEvidence } from '../../evidence/kit.js';

// `name` tests the file name alone (large trees are searched by name, see RepoView.filesNamed);
// `files`, when given, the whole path of a file whose name passed.
const TARGET_PATTERNS: Array<{ name: RegExp; files?: RegExp; content: RegExp; label: string }> = [
  { name: /_test\.go$/, content: /func\s+Fuzz\w*\s*\(\s*\w+\s+\*testing\.F\)/, label: 'Go fuzz tests' },
  { name: /^Cargo\.toml$/, files: /(^|\/)fuzz\/Cargo\.toml$/, content: /libfuzzer-sys|afl/, label: 'cargo-fuzz targets' },
  { name: /fuzz[^/]*\.(c|cc|cpp|cxx)$/i, content: /LLVMFuzzerTestOneInput/, label: 'libFuzzer targets' },
  { name: /fuzz[^/]*\.py$/i, content: /\batheris\b/, label: 'Atheris targets' },
  { name: /fuzz[^/]*\.(java|kt)$/i, content: /FuzzedDataProvider|@FuzzTest/, label: 'Jazzer targets' },
];

/** Where OSS-Fuzz and ClusterFuzzLite keep a project's build files. */
const PROJECT_DIRS = ['.clusterfuzzlite', 'oss-fuzz', '.oss-fuzz', 'fuzz/oss-fuzz'];
const PROJECT_FILE = /^(Dockerfile|build\.sh|project\.yaml)$/;

/** OSS-Fuzz / ClusterFuzzLite project files and oss-fuzz build scripts, in path order. */
function fuzzProjectFiles(repo: RepoView): string[] {
  const inProjectDirs = PROJECT_DIRS.flatMap((dir) => repo.filesIn(dir).filter((file) => PROJECT_FILE.test(file.slice(dir.length + 1))));
  return [...new Set([...inProjectDirs, ...repo.filesNamed(/^oss[-_]fuzz[^/]*\.sh$/i)])].sort();
}

/** Fuzzing in CI (CIFuzz, ClusterFuzzLite, go test -fuzz, cargo fuzz), OSS-Fuzz project files, or fuzz targets without CI (partial). */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const observation = practice(repo, 'fuzzing', profile);
  const projectFiles = fuzzProjectFiles(repo);
  if (observation.verdict !== 'present' && observation.elsewhere === 'OSS-Fuzz') {
    if (projectFiles.some((file) => file.startsWith('.clusterfuzzlite/'))) {
      return partial('ClusterFuzzLite project files exist but no workflow runs them (google/clusterfuzzlite/actions).', projectFiles.map((file) => ({ file })));
    }
    if (projectFiles.length > 0) return pass('OSS-Fuzz build files are kept in the repository (OSS-Fuzz runs them continuously).', projectFiles.map((file) => ({ file })));
  }
  let absent = fail('No fuzzing: no fuzz targets, no CIFuzz / ClusterFuzzLite / go test -fuzz / cargo fuzz workflow.');
  for (const pattern of TARGET_PATTERNS) {
    const file = repo.filesNamed(pattern.name).find((f) => (!pattern.files || pattern.files.test(f)) && pattern.content.test(repo.read(f) ?? ''));
    if (file) {
      absent = partial(`${pattern.label} exist (${file}) but no workflow runs them; add CI fuzzing or onboard to OSS-Fuzz.`, [{ file }]);
      break;
    }
  }
  if (absent.status === 'fail') {
    const guide = repo.findFirst(['docs/security/fuzzing.md', 'FUZZING.md', 'docs/fuzzing.md']);
    if (guide) absent = partial(`${guide} describes fuzzing, but nothing runs it: no fuzz targets or fuzzing workflow yet.`, [{ file: guide }]);
  }
  return practiceEvidence(observation, { what: 'Fuzzing runs in CI', absent });
};
