// Security work a repository does outside GitHub Actions: Makefile targets and scripts no
// workflow calls, and the configuration of other CI systems (Prow, Cloud Build, CircleCI, ...).
// A tool found there is "elsewhere" when the repository shows such a CI, else "found but never
// run" — never a pass, and never a silent fail.
import type { RepoView } from './repo-view.js';
import type { ParsedWorkflow, WorkflowJob } from './workflow.js';
import type { Unit } from './reach.js';
import type { PracticeId } from './tools.js';
import { expandVariables, parseMakefile } from './makefile.js';
import { isProductionDir } from '../detect/production.js';

/** The project's own files: vendored copies, tests and examples bring their own build files and CI. */
function ownIn(cache: Map<string, boolean>, file: string): boolean {
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '/' : `/${file.slice(0, slash)}`;
  let own = cache.get(dir);
  if (own === undefined) {
    own = isProductionDir(dir);
    cache.set(dir, own);
  }
  return own;
}

/** Names worth a closer look (build files, scripts, CI configuration): most files fail this one test. */
const CANDIDATE_NAME = /^(?:GNUmakefile|[Mm]akefile|Jenkinsfile[^/]*|OWNERS(?:_ALIASES)?|[^/]+\.(?:mk|sh|bash|ya?ml))$/;
const CANDIDATE = /(?:^|\/)(?:GNUmakefile|[Mm]akefile|Jenkinsfile[^/]*|OWNERS(?:_ALIASES)?|[^/]+\.(?:mk|sh|bash|ya?ml))$/;

/** Build files, scripts and CI configuration of the repository (memoised per view). */
function candidates(repo: RepoView): string[] {
  return repo.memo('elsewhere-candidates', () => {
    const cache = new Map<string, boolean>();
    return repo.filesNamed(CANDIDATE_NAME).filter((file) => CANDIDATE.test(file) && (ownIn(cache, file) || SCRIPT_DIRS.test(file)));
  });
}

const OTHER_CI: Array<{ name: string; test: RegExp }> = [
  { name: 'Prow', test: /^(\.prow\.ya?ml|\.prow\/.+\.ya?ml|prow\/.+\.ya?ml|OWNERS|OWNERS_ALIASES)$/ },
  { name: 'Google Cloud Build', test: /(^|\/)cloudbuild[^/]*\.ya?ml$|^gcb\/[^/]+\.ya?ml$/ },
  { name: 'CircleCI', test: /^\.circleci\/config\.ya?ml$/ },
  { name: 'Cirrus CI', test: /^\.cirrus\.ya?ml$/ },
  { name: 'Azure Pipelines', test: /^(azure-pipelines[^/]*\.ya?ml|\.azure-pipelines\/.+\.ya?ml|\.azure\/.+\.ya?ml)$/ },
  { name: 'Jenkins', test: /(^|\/)Jenkinsfile[^/]*$/ },
  { name: 'GitLab CI', test: /^\.gitlab-ci\.ya?ml$/ },
  { name: 'Travis CI', test: /^\.travis\.ya?ml$/ },
  { name: 'Buildkite', test: /^\.buildkite\/.+\.ya?ml$/ },
  { name: 'Drone', test: /^\.drone\.ya?ml$/ },
  { name: 'Tekton', test: /^\.tekton\/.+\.ya?ml$/ },
];

const OSS_FUZZ = /(^|\/)(oss[-_]fuzz[^/]*\.sh|oss-fuzz\/(build\.sh|Dockerfile|project\.yaml)|\.clusterfuzzlite\/(build\.sh|Dockerfile|project\.yaml))$/i;
/** The names of the files OSS_FUZZ can match. */
const OSS_FUZZ_NAME = /^(oss[-_]fuzz[^/]*\.sh|build\.sh|Dockerfile|project\.yaml)$/i;
const SCRIPT_DIRS = /^(?:[^/]+\/)?(hack|scripts?|build|make|release|tools|ci|\.ci|\.github\/scripts|test\/fuzz|fuzz)\//;
const MAX_SOURCES = 800;

export interface OtherCi {
  name: string;
  /** The other CI itself is known to do the practice (OSS-Fuzz for fuzzing). */
  runsPractice: boolean;
}

/** The CI other than GitHub Actions that the repository shows, if any (for one practice). */
export function otherCi(repo: RepoView, practice: PracticeId): OtherCi | undefined {
  if (practice === 'fuzzing') {
    const ossFuzz = repo.filesNamed(OSS_FUZZ_NAME).find((file) => OSS_FUZZ.test(file));
    const badge = repo.findFirst(['README.md', 'README'])
      ? repo.grep(repo.findFirst(['README.md', 'README'])!, /oss-fuzz|bugs\.chromium\.org\/p\/oss-fuzz|introspector\.oss-fuzz/i)[0]
      : undefined;
    if (ossFuzz || badge) return { name: 'OSS-Fuzz', runsPractice: true };
  }
  const names = repo.memo('other-ci', () => {
    const found = new Set<string>();
    for (const file of candidates(repo)) for (const ci of OTHER_CI) if (ci.test.test(file)) found.add(ci.name);
    return [...found];
  });
  return names.length > 0 ? { name: names.join(', '), runsPractice: false } : undefined;
}

function stub(file: string): { entry: ParsedWorkflow; job: WorkflowJob } {
  const entry: ParsedWorkflow = { file, warnings: [], triggers: [], triggerLines: {}, jobs: [], uses: [], data: {}, head: '' };
  return { entry, job: { id: '', line: 1, with: {}, steps: [] } };
}

/**
 * Build files, scripts and other CI configuration as units of their own (not reached from a
 * workflow): Makefiles and *.mk, shell scripts in the usual script folders, and CI configs.
 */
export function unreachedSources(repo: RepoView): Unit[] {
  return repo.memo('unreached-sources', () => {
    const files = candidates(repo).filter(
      (file) =>
        (/(^|\/)(GNUmakefile|[Mm]akefile|[^/]+\.mk)$/.test(file) ||
        (/\.(sh|bash)$/.test(file) && (SCRIPT_DIRS.test(file) || !file.includes('/'))) ||
        OTHER_CI.some((ci) => ci.name !== 'Prow' && ci.test.test(file)) ||
        /^\.prow\.ya?ml$|^prow\/.+\.ya?ml$/.test(file)),
    );
    return files.slice(0, MAX_SOURCES).flatMap((file): Unit[] => {
      const raw = repo.read(file);
      if (raw === undefined) return [];
      // A makefile's recipes are read with its variables expanded, line for line.
      let text = raw;
      if (/(^|\/)(GNUmakefile|[Mm]akefile|[^/]+\.mk)$/.test(file)) {
        const variables = parseMakefile(file, raw).variables;
        text = raw.split('\n').map((line) => (line.includes('$') ? expandVariables(line, variables) : line)).join('\n');
      }
      return [{ ...stub(file), triggers: [], text, file, firstLine: 1, via: [file] }];
    });
  });
}
