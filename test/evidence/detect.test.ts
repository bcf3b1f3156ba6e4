// Detection as `check --format json` publishes it (observed.ecosystems / languages): production
// manifest directories versus tests, examples, vendored copies and tools; workspaces folded into
// their root; Maven modules outside the reactor; symlinks; submodules, compose, Terraform, dev
// containers; C sources built by a Makefile.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from './fixtures.js';
import { observe } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('manifest directories', () => {
  it('production versus tests, examples, vendored copies, tools, docs and CI helpers; composite actions under .github/ are production whatever their folder', async () => {
    const o = await observe(fixture('production-and-other-dirs'), cleanups);
    for (const seen of o.both) {
      expect(seen.ecosystems.gomod).toEqual({
        production: ['/', '/svc/api'],
        other: ['/examples/hello', '/hack/tools', '/lib/zstd-1.5.7', '/test-infra', '/tests/e2e', '/tools', '/vendor/example.com/lib'],
      });
      expect(seen.ecosystems.npm).toEqual({ production: [], other: ['/.github/scripts', '/docs/site'] });
      expect(seen.ecosystems.pip).toEqual({ production: [], other: ['/load-tests'] });
      expect(seen.ecosystems['github-actions']).toEqual({ production: ['/.github/actions/test'], other: [] });
      expect(seen.languages).toEqual(['go']);
    }
  });

  it('uv workspace members are folded into the root; a project outside it stays pip', async () => {
    const o = await observe(fixture('uv-workspace'), cleanups);
    for (const seen of o.both) {
      expect(seen.ecosystems.uv).toEqual({ production: ['/'], other: [] });
      expect(seen.ecosystems.pip).toEqual({ production: ['/standalone'], other: [] });
    }
  });

  it('Maven: modules of the reactor (profiles too) fold into it; a commented-out or unlisted module is a root of its own', async () => {
    const o = await observe(fixture('maven-reactor'), cleanups);
    for (const seen of o.both) expect(seen.ecosystems.maven).toEqual({ production: ['/', '/legacy', '/plugins/standalone'], other: [] });
  });

  it('a symlinked Dockerfile inside the tree counts; one leaving the tree does not (walk and git index alike)', async () => {
    for (const name of ['symlinked-dockerfiles', 'symlinked-dockerfiles-git']) {
      const o = await observe(fixture(name), cleanups);
      for (const seen of o.both) expect(seen.ecosystems.docker, name).toEqual({ production: ['/', '/docker/app'], other: [] });
      expect(o.repo.has('Dockerfile'), name).toBe(true);
      expect(o.repo.has('deploy/Dockerfile'), name).toBe(false);
    }
  });

  it('git submodules, docker-compose (development only), Terraform roots, dev containers', async () => {
    const o = await observe(fixture('submodules-compose-terraform-devcontainers'), cleanups);
    for (const seen of o.both) {
      expect(seen.ecosystems).toMatchObject({
        gitsubmodule: { production: ['/'], other: [] },
        'docker-compose': { production: [], other: ['/', '/deploy'] },
        terraform: { production: ['/infra'], other: ['/examples/aws'] },
        devcontainers: { production: [], other: ['/', '/svc'] },
        gomod: { production: ['/svc'], other: [] },
      });
    }
  });
});

describe('languages', () => {
  it('C sources in production directories built by a Makefile are cpp (from 20 files; tests do not count)', async () => {
    for (const seen of (await observe(fixture('c-sources'), cleanups)).both) expect(seen.languages).toEqual(['cpp']);
    for (const seen of (await observe(fixture('c-sources-few'), cleanups)).both) expect(seen.languages).toEqual([]);
  });
});
