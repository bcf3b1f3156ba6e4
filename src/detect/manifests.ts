import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Artifact, Ecosystem, Language } from '../model.js';
import type { DirEntryIndex } from './walk.js';

export interface ManifestFindings {
  languages: Language[];
  manifests: Partial<Record<Ecosystem, string[]>>;
  artifacts: Artifact[];
}

const CPP_MARKERS = ['CMakeLists.txt', 'meson.build', 'configure.ac', 'conanfile.txt', 'conanfile.py', 'vcpkg.json'];

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

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function npmWorkspaces(root: string, dir: string): string[] {
  const pkg = readJson(path.join(root, dir, 'package.json')) as { workspaces?: unknown } | undefined;
  const workspaces = pkg?.workspaces;
  if (Array.isArray(workspaces)) return workspaces.filter((w): w is string => typeof w === 'string');
  if (workspaces && typeof workspaces === 'object' && Array.isArray((workspaces as { packages?: unknown }).packages)) {
    return ((workspaces as { packages: unknown[] }).packages).filter((w): w is string => typeof w === 'string');
  }
  return [];
}

function pnpmWorkspaces(root: string, dir: string): string[] {
  try {
    const text = readFileSync(path.join(root, dir, 'pnpm-workspace.yaml'), 'utf8');
    return [...text.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)].map((m) => m[1] as string);
  } catch {
    return [];
  }
}

function hasCargoWorkspace(root: string, dir: string): boolean {
  try {
    return /^\s*\[workspace\]/m.test(readFileSync(path.join(root, dir, 'Cargo.toml'), 'utf8'));
  } catch {
    return false;
  }
}

/** Find every manifest directory per ecosystem; monorepos get all of them. */
export function findManifests(root: string, index: DirEntryIndex): ManifestFindings {
  const byMarker = (test: (names: string[]) => boolean): string[] =>
    [...index.files.entries()].filter(([, names]) => test(names)).map(([dir]) => dir).sort();

  const goDirs = byMarker((n) => n.includes('go.mod'));
  const cargoDirs = byMarker((n) => n.includes('Cargo.toml'));
  const pythonDirs = byMarker((n) => n.some((f) => f === 'pyproject.toml' || f === 'setup.py' || /^requirements.*\.txt$/.test(f)));
  const uvDirs = byMarker((n) => n.includes('uv.lock'));
  const packageDirs = byMarker((n) => n.includes('package.json'));
  const bunDirs = byMarker((n) => n.includes('bun.lockb') || n.includes('bun.lock'));
  const mavenDirs = byMarker((n) => n.includes('pom.xml'));
  const gradleDirs = byMarker((n) => n.some((f) => /^(build|settings)\.gradle(\.kts)?$/.test(f)));
  const gradleSettings = new Set(byMarker((n) => n.some((f) => /^settings\.gradle(\.kts)?$/.test(f))));
  const dockerDirs = byMarker((n) => n.some((f) => f === 'Dockerfile' || f === 'Containerfile' || /^Dockerfile\..+|.+\.Dockerfile$/.test(f)));
  const helmDirs = byMarker((n) => n.includes('Chart.yaml'));
  const cppDirs = byMarker((n) => n.some((f) => CPP_MARKERS.includes(f)));

  // npm: a package inside a workspace is updated through its workspace root's lockfile.
  const workspaceMembers = new Set<string>();
  for (const dir of packageDirs) {
    const globs = [...npmWorkspaces(root, dir), ...pnpmWorkspaces(root, dir)].map((g) => globToRegExp(dir ? `${dir}/${g}` : g));
    for (const candidate of packageDirs) if (candidate !== dir && globs.some((re) => re.test(candidate))) workspaceMembers.add(candidate);
  }
  const jsDirs = packageDirs.filter((d) => !workspaceMembers.has(d));
  const npmDirs = jsDirs.filter((d) => !bunDirs.includes(d));

  const cargoWorkspaces = cargoDirs.filter((d) => hasCargoWorkspace(root, d));
  const cargoRoots = cargoDirs.filter((d) => !cargoWorkspaces.some((ws) => ws !== d && isAncestor(ws, d)));

  const manifests: Partial<Record<Ecosystem, string[]>> = {};
  const put = (ecosystem: Ecosystem, dirs: string[]) => {
    if (dirs.length > 0) manifests[ecosystem] = dirs.map(dependabotDir);
  };
  put('gomod', goDirs);
  put('cargo', cargoRoots);
  put('pip', pythonDirs.filter((d) => !uvDirs.includes(d)));
  put('uv', uvDirs);
  put('npm', npmDirs);
  put('bun', bunDirs.filter((d) => jsDirs.includes(d)));
  put('maven', topmost(mavenDirs));
  put('gradle', topmost(gradleDirs, (d) => gradleSettings.has(d) || !gradleDirs.some((o) => o !== d && isAncestor(o, d))));
  put('docker', dockerDirs);
  put('helm', helmDirs);

  const languages: Language[] = [];
  if (goDirs.length) languages.push('go');
  if (cargoDirs.length) languages.push('rust');
  if (pythonDirs.length) languages.push('python');
  if (packageDirs.length) languages.push('javascript');
  if (mavenDirs.length) languages.push('java-maven');
  if (gradleDirs.length) languages.push('java-gradle');
  if (cppDirs.length) languages.push('cpp');

  const artifacts: Artifact[] = [];
  if (languages.some((l) => l === 'go' || l === 'rust' || l === 'cpp')) artifacts.push('binaries');
  if (dockerDirs.length) artifacts.push('container-images');
  if (helmDirs.length) artifacts.push('helm-charts');
  if (artifacts.length === 0 && languages.length > 0) artifacts.push('libraries');

  return { languages, manifests, artifacts };
}
