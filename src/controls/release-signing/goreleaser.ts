// The GoReleaser configuration the release workflow runs: one build per Go main package, for
// linux, darwin and windows on amd64 and arm64, archives named with language and target, SHA-256
// checksums, SPDX SBOMs through Syft and a keyless cosign signature of the checksums.
import path from 'node:path';
import type { Profile } from '../../model.js';
import { LANGUAGE_ECOSYSTEMS } from '../../profile.js';
import { workingDir } from '../common.js';

export interface GoBuild {
  /** Unique build id (also a safe file-name part). */
  id: string;
  /** Module directory relative to the repository root ("." or "svc/api"). */
  dir: string;
  /** Main package relative to the module ("." or "./cmd/widget"). */
  main: string;
  binary: string;
}

/** Path segments GoReleaser and a shell take literally: no template braces, quotes or spaces. */
const SAFE_PATH = /^[A-Za-z0-9._/-]+$/;

const slug = (value: string) => value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'main';

/**
 * The builds: each production Go module's main packages (detection reads the package clauses); a
 * module whose main packages are not known is built from its root. Paths that GoReleaser would read
 * as templates, or a shell would split, are left out (a build that cannot be named safely is not
 * guessed at).
 */
export function goBuilds(profile: Profile): GoBuild[] {
  const moduleDirs = [...new Set(LANGUAGE_ECOSYSTEMS.go.flatMap((e) => profile.ecosystems[e] ?? []))];
  const builds: GoBuild[] = [];
  const ids = new Set<string>();
  for (const moduleDir of moduleDirs.length > 0 ? moduleDirs : ['/']) {
    const dir = workingDir(moduleDir);
    const mains = profile.facts.goMains?.[moduleDir] ?? ['.'];
    for (const main of mains) {
      if (!SAFE_PATH.test(dir) || !SAFE_PATH.test(main)) continue;
      const named = main === '.' ? (dir === '.' ? profile.answers.repository.name : dir) : main;
      const binary = slug(path.posix.basename(named)).toLowerCase();
      let id = slug(dir === '.' ? (main === '.' ? binary : main) : `${dir}/${main === '.' ? '' : main}`);
      for (let n = 2; ids.has(id); n++) id = `${slug(id)}-${n}`;
      ids.add(id);
      builds.push({ id, dir, main: main === '.' ? '.' : `./${main}`, binary });
    }
  }
  return builds;
}

/** The Go module whose go.mod sets the toolchain of the GoReleaser job: the root module, else the first. */
export function goVersionFile(builds: GoBuild[]): string {
  const dir = builds.find((b) => b.dir === '.')?.dir ?? builds[0]?.dir ?? '.';
  return dir === '.' ? 'go.mod' : `${dir}/go.mod`;
}
