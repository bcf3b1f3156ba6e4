// Manifest directories per Dependabot ecosystem, found in one pass over the walk's index: every
// directory a package manager would read, with workspace members folded into their workspace root
// (npm/pnpm/yarn, Cargo, Maven reactors, Gradle builds), and each directory classified as
// production (kept updated) or not (tests, examples, templates, ...: reported, not covered).
import path from 'node:path';
import type { Artifact, Ecosystem, Language } from '../model.js';
import { anyNamePattern, joinedNames, type DirEntryIndex } from './tree-index.js';
import { isProductionDir } from './production.js';
import { readRegularFile } from '../read-file.js';

export interface ManifestFindings {
  languages: Language[];
  /** Production manifest directories per ecosystem (what generation covers). */
  manifests: Partial<Record<Ecosystem, string[]>>;
  /** Manifest directories of tests, examples, templates, dev containers and the like (reported only). */
  otherManifests: Partial<Record<Ecosystem, string[]>>;
  artifacts: Artifact[];
}

const CPP_MARKERS = ['CMakeLists.txt', 'meson.build', 'configure.ac', 'conanfile.txt', 'conanfile.py', 'vcpkg.json'];
export const DOCKERFILE = /^(Dockerfile|Containerfile)([.-].+)?$|.+\.(Dockerfile|dockerfile|Containerfile)$/;
const COMPOSE = /^(docker-)?compose([.-][^/]*)?\.ya?ml$/;
/** Every file name any manifest test of findManifests can match (a superset: the tests decide). */
const MANIFEST_NAME =
  /^(go\.mod|Cargo\.toml|pyproject\.toml|setup\.py|Pipfile|uv\.lock|package\.json|bun\.lockb?|pom\.xml|Chart\.yaml|\.?devcontainer\.json|action\.ya?ml|CMakeLists\.txt|meson\.build|configure\.ac|conanfile\.(txt|py)|vcpkg\.json)$|requirements|\.gradle(\.kts)?$|ockerfile|ontainerfile|compose|\.tf$/i;
/** The same test over a directory's names joined by line breaks: true when any name passes it. */
const ANY_MANIFEST_NAME = anyNamePattern(MANIFEST_NAME);

/** "" -> "/", "a/b" -> "/a/b": the directory form Dependabot expects. */
export function dependabotDir(relative: string): string {
  return relative === '' ? '/' : `/${relative}`;
}

function isAncestor(ancestor: string, dir: string): boolean {
  return ancestor === '' ? dir !== '' : dir.startsWith(`${ancestor}/`);
}

/** Keep only directories with no ancestor in the same list (build tools that manage modules from the root). */
function topmost(dirs: string[], isRoot: (dir: string) => boolean = () => true): string[] {
  const roots = dirs.filter(isRoot);
  return dirs.filter((dir) => !roots.some((root) => root !== dir && isAncestor(root, dir)));
}

// Workspace globs use `*` for one path segment and `**` for any depth.
function globToRegExp(glob: string): RegExp {
  const normalised = glob.replace(/^\.\//, '').replace(/\/$/, '');
  const pattern = normalised
    .split('/')
    .map((segment) => (segment === '**' ? '.*' : segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/');
  return new RegExp(`^${pattern}$`);
}

function readText(root: string, file: string): string | undefined {
  return readRegularFile(path.join(root, file));
}

function readJson(root: string, file: string): unknown {
  try {
    const text = readText(root, file);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function npmWorkspaces(root: string, dir: string): string[] {
  const pkg = readJson(root, path.join(dir, 'package.json')) as { workspaces?: unknown } | undefined;
  const workspaces = pkg?.workspaces;
  if (Array.isArray(workspaces)) return workspaces.filter((w): w is string => typeof w === 'string');
  if (workspaces && typeof workspaces === 'object' && Array.isArray((workspaces as { packages?: unknown }).packages)) {
    return ((workspaces as { packages: unknown[] }).packages).filter((w): w is string => typeof w === 'string');
  }
  return [];
}

function pnpmWorkspaces(root: string, dir: string): string[] {
  const text = readText(root, path.join(dir, 'pnpm-workspace.yaml'));
  if (text === undefined) return [];
  return [...text.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)].map((m) => m[1] as string).filter((g) => !g.startsWith('!'));
}

/** Member globs of a uv workspace rooted in `dir` (`[tool.uv.workspace] members = [...]`). */
function uvWorkspaceMembers(root: string, dir: string): string[] {
  const text = readText(root, path.join(dir, 'pyproject.toml')) ?? '';
  const section = /^\[tool\.uv\.workspace\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const members = /^\s*members\s*=\s*\[([\s\S]*?)\]/m.exec(section)?.[1] ?? '';
  return [...members.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!);
}

function hasCargoWorkspace(root: string, dir: string): boolean {
  return /^\s*\[workspace\]/m.test(readText(root, path.join(dir, 'Cargo.toml')) ?? '');
}

/** Directories a pom's `<modules>` (its profiles' included) name, repository-relative. */
function mavenModules(root: string, dir: string): string[] {
  const pom = readText(root, path.join(dir, 'pom.xml')) ?? '';
  const withoutComments = pom.replace(/<!--[\s\S]*?-->/g, '');
  return [...withoutComments.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => path.posix.normalize(path.posix.join(dir, m[1]!.replace(/\/pom\.xml$/, ''))));
}

const C_SOURCE = new Set(['c', 'cc', 'cpp', 'cxx']);
/** A C/C++ source name, a makefile among a directory's names joined by line breaks (then each name is tested). */
const ANY_C_SOURCE = anyNamePattern(/\.(?:c|cc|cpp|cxx)$/);
const MAKEFILE = /^(?:GNUmakefile|[Mm]akefile)$/;
const ANY_MAKEFILE = anyNamePattern(MAKEFILE);

/** Enough C/C++ sources in production directories, built by a Makefile (eBPF programs, libraries). */
function hasCSources(index: DirEntryIndex): boolean {
  const { dirs, joined, names: lists } = joinedNames(index);
  let sources = 0;
  let makefiles = false;
  for (let i = 0; i < dirs.length; i++) {
    const dir = dirs[i] as string;
    const all = joined[i] as string;
    const names = lists[i] as readonly string[];
    let here = 0;
    if (ANY_C_SOURCE.test(all)) for (const name of names) if (C_SOURCE.has(name.slice(name.lastIndexOf('.') + 1)) && name.includes('.')) here++;
    const makefile: boolean = !makefiles && ANY_MAKEFILE.test(all) && names.some((name) => MAKEFILE.test(name));
    // The directory test is the expensive part: only for directories that would count.
    if ((here === 0 && !makefile) || !isProductionDir(dependabotDir(dir))) continue;
    sources += here;
    makefiles ||= makefile;
  }
  return sources >= 20 && makefiles;
}

/** Every manifest directory per ecosystem, production and other; monorepos get all of them. */
export function findManifests(root: string, index: DirEntryIndex): ManifestFindings {
  // One pass over every file name keeps only the names some test below can match, so each test
  // then looks at a handful of names instead of the whole tree.
  const candidates = new Map<string, string[]>();
  const { dirs, joined, names: lists } = joinedNames(index);
  for (let i = 0; i < dirs.length; i++) {
    if (!ANY_MANIFEST_NAME.test(joined[i] as string)) continue;
    const kept = (lists[i] as readonly string[]).filter((name) => MANIFEST_NAME.test(name));
    if (kept.length > 0) candidates.set(dirs[i] as string, kept);
  }
  const byMarker = (test: (names: string[], dir: string) => boolean): string[] =>
    [...candidates.entries()].filter(([dir, names]) => test(names, dir)).map(([dir]) => dir).sort();

  const goDirs = byMarker((n) => n.includes('go.mod'));
  const cargoDirs = byMarker((n) => n.includes('Cargo.toml'));
  const pythonDirs = byMarker((n) => n.some((f) => f === 'pyproject.toml' || f === 'setup.py' || f === 'Pipfile' || /requirements[^/]*\.txt$/i.test(f)));
  const uvDirs = byMarker((n) => n.includes('uv.lock'));
  const packageDirs = byMarker((n) => n.includes('package.json'));
  const bunDirs = byMarker((n) => n.includes('bun.lockb') || n.includes('bun.lock'));
  const mavenDirs = byMarker((n) => n.includes('pom.xml'));
  const gradleDirs = byMarker((n) => n.some((f) => /^(build|settings)\.gradle(\.kts)?$/.test(f)));
  const gradleSettings = new Set(byMarker((n) => n.some((f) => /^settings\.gradle(\.kts)?$/.test(f))));
  const dockerDirs = byMarker((n) => n.some((f) => DOCKERFILE.test(f)));
  const composeDirs = byMarker((n) => n.some((f) => COMPOSE.test(f)));
  const helmDirs = byMarker((n) => n.includes('Chart.yaml'));
  const terraformDirs = byMarker((n) => n.some((f) => f.endsWith('.tf')));
  const cppDirs = byMarker((n) => n.some((f) => CPP_MARKERS.includes(f)));
  // A dev container lives in <dir>/.devcontainer/[name/]devcontainer.json or <dir>/.devcontainer.json.
  const devcontainerDirs = [
    ...new Set(
      byMarker((n, dir) => (n.includes('devcontainer.json') && /(^|\/)\.devcontainer(\/[^/]+)?$/.test(dir)) || n.includes('.devcontainer.json')).map((dir) =>
        dir.includes('.devcontainer') ? dir.replace(/\/?\.devcontainer(\/[^/]+)?$/, '') : dir,
      ),
    ),
  ].sort();
  // Composite actions outside the workflows folder need their own github-actions directory.
  const actionDirs = byMarker((n, dir) => (n.includes('action.yml') || n.includes('action.yaml')) && !dir.startsWith('.github/workflows'));
  const hasWorkflows = [...index.files.keys()].some((dir) => dir === '.github/workflows');

  // npm: a package inside a workspace is updated through its workspace root's lockfile.
  const workspaceMembers = new Set<string>();
  for (const dir of packageDirs) {
    const globs = [...npmWorkspaces(root, dir), ...pnpmWorkspaces(root, dir)].map((g) => globToRegExp(dir ? `${dir}/${g}` : g));
    if (globs.length === 0) continue;
    for (const candidate of packageDirs) if (candidate !== dir && globs.some((re) => re.test(candidate))) workspaceMembers.add(candidate);
  }
  const jsDirs = packageDirs.filter((d) => !workspaceMembers.has(d));
  const npmDirs = jsDirs.filter((d) => !bunDirs.includes(d));

  const cargoWorkspaces = cargoDirs.filter((d) => hasCargoWorkspace(root, d));
  const cargoRoots = cargoDirs.filter((d) => !cargoWorkspaces.some((ws) => ws !== d && isAncestor(ws, d)));

  // Maven: a module listed by another pom is built from that reactor; the rest are roots of their own.
  const listed = new Set(mavenDirs.flatMap((dir) => mavenModules(root, dir)).map((d) => (d === '.' ? '' : d)));
  const mavenRoots = mavenDirs.filter((dir) => !listed.has(dir));

  const all: Partial<Record<Ecosystem, string[]>> = {};
  const put = (ecosystem: Ecosystem, dirs: string[]) => {
    if (dirs.length > 0) all[ecosystem] = [...new Set(dirs)].sort().map(dependabotDir);
  };
  put('github-actions', [...(hasWorkflows || index.files.get('')?.some((f) => /^action\.ya?ml$/.test(f)) ? [''] : []), ...actionDirs.filter((d) => d !== '')]);
  put('gomod', goDirs);
  put('cargo', cargoRoots);
  // Python: members of a uv workspace are updated through its root's uv.lock.
  const uvMembers = new Set<string>();
  for (const dir of uvDirs) {
    const globs = uvWorkspaceMembers(root, dir).map((g) => globToRegExp(dir ? `${dir}/${g}` : g));
    for (const candidate of pythonDirs) if (candidate !== dir && globs.some((re) => re.test(candidate))) uvMembers.add(candidate);
  }
  put('pip', pythonDirs.filter((d) => !uvDirs.includes(d) && !uvMembers.has(d)));
  put('uv', uvDirs);
  put('npm', npmDirs);
  put('bun', bunDirs.filter((d) => jsDirs.includes(d)));
  put('maven', mavenRoots);
  put('gradle', topmost(gradleDirs, (d) => gradleSettings.has(d) || !gradleDirs.some((o) => o !== d && isAncestor(o, d))));
  put('docker', dockerDirs);
  put('docker-compose', composeDirs);
  put('helm', helmDirs);
  put('terraform', topmost(terraformDirs));
  put('devcontainers', devcontainerDirs);
  if (/^\s*\[submodule\b/m.test(readText(root, '.gitmodules') ?? '')) put('gitsubmodule', ['']);

  const manifests: Partial<Record<Ecosystem, string[]>> = {};
  const otherManifests: Partial<Record<Ecosystem, string[]>> = {};
  for (const [ecosystem, dirs] of Object.entries(all) as Array<[Ecosystem, string[]]>) {
    // Dev containers and compose files are development and test tooling wherever they live.
    const production = ecosystem === 'devcontainers' || ecosystem === 'docker-compose' ? [] : dirs.filter((dir) => isProductionDir(dir, ecosystem));
    const other = dirs.filter((dir) => !production.includes(dir));
    if (production.length > 0) manifests[ecosystem] = production;
    if (other.length > 0) otherManifests[ecosystem] = other;
  }

  const productionRel = (dirs: string[]) => dirs.filter((dir) => isProductionDir(dependabotDir(dir)));
  const languages: Language[] = [];
  if (productionRel(goDirs).length) languages.push('go');
  if (productionRel(cargoDirs).length) languages.push('rust');
  if (productionRel(pythonDirs).length) languages.push('python');
  if (productionRel(packageDirs).length) languages.push('javascript');
  if (productionRel(mavenDirs).length) languages.push('java-maven');
  if (productionRel(gradleDirs).length) languages.push('java-gradle');
  if (productionRel(cppDirs).length || hasCSources(index)) languages.push('cpp');

  const artifacts: Artifact[] = [];
  if (languages.some((l) => l === 'go' || l === 'rust' || l === 'cpp')) artifacts.push('binaries');
  if (manifests.docker?.length) artifacts.push('container-images');
  if (manifests.helm?.length) artifacts.push('helm-charts');
  if (artifacts.length === 0 && languages.length > 0) artifacts.push('libraries');

  return { languages, manifests, otherManifests, artifacts };
}
