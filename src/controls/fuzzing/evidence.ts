import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, partial, pass, practice, practiceEvidence } from '../../evidence/kit.js';

// `name` tests the file name alone (large trees are searched by name, see RepoView.filesNamed);
// `files`, when given, the whole path of a file whose name passed. `content` decides; every match
// of it contains one of `words`, and `globs` (git pathspecs) cover every name `name` passes: many
// files (Go tests) are narrowed to those naming a word before any is read (RepoView.filesContaining).
export const TARGET_PATTERNS: Array<{ name: RegExp; files?: RegExp; content: RegExp; words: string[]; globs: string[]; label: string }> = [
  { name: /_test\.go$/, content: /func\s+Fuzz\w*\s*\(\s*\w+\s+\*testing\.F\)/, words: ['testing.F'], globs: ['*_test.go'], label: 'Go fuzz tests' },
  { name: /^Cargo\.toml$/, files: /(^|\/)fuzz\/Cargo\.toml$/, content: /libfuzzer-sys|afl/, words: ['libfuzzer-sys', 'afl'], globs: ['*Cargo.toml'], label: 'cargo-fuzz targets' },
  { name: /fuzz[^/]*\.(c|cc|cpp|cxx)$/i, content: /LLVMFuzzerTestOneInput/, words: ['LLVMFuzzerTestOneInput'], globs: [':(icase)*.c', ':(icase)*.cc', ':(icase)*.cpp', ':(icase)*.cxx'], label: 'libFuzzer targets' },
  { name: /fuzz[^/]*\.py$/i, content: /\batheris\b/, words: ['atheris'], globs: [':(icase)*.py'], label: 'Atheris targets' },
  { name: /fuzz[^/]*\.(java|kt)$/i, content: /FuzzedDataProvider|@FuzzTest/, words: ['FuzzedDataProvider', '@FuzzTest'], globs: [':(icase)*.java', ':(icase)*.kt'], label: 'Jazzer targets' },
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
    const named = repo.filesNamed(pattern.name).filter((f) => !pattern.files || pattern.files.test(f));
    let file: string | undefined;
    for (const candidate of repo.filesContaining(named, pattern.words, pattern.globs)) {
      if (pattern.content.test(repo.read(candidate) ?? '')) {
        file = candidate;
        break;
      }
    }
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
