import { afterEach, describe, expect, it } from 'vitest';
import { symlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { detect } from '../../src/detect/index.js';
import { parseGitHubRemote } from '../../src/detect/git.js';
import { tempRepo } from '../helpers/generate.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function repo(files: Record<string, string>) {
  const made = tempRepo(files);
  cleanup = made.cleanup;
  return made.root;
}

describe('detect', () => {
  it('finds every Go module of a monorepo; vendored, test and tools modules are reported, not covered', async () => {
    const root = repo({
      'go.mod': 'module example.com/a\n',
      'svc/api/go.mod': 'module example.com/api\n',
      'tools/go.mod': 'module example.com/tools\n',
      'vendor/example.com/x/go.mod': 'module x\n',
      'internal/testdata/go.mod': 'module y\n',
      'third_party/z/go.mod': 'module z\n',
    });
    const facts = await detect(root);
    expect(facts.languages).toEqual(['go']);
    expect(facts.manifests.gomod).toEqual(['/', '/svc/api']);
    expect(facts.otherManifests?.gomod).toEqual(['/internal/testdata', '/third_party/z', '/tools', '/vendor/example.com/x']);
  });

  it('treats npm workspace members as covered by the workspace root', async () => {
    const root = repo({
      'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/*'] }),
      'packages/a/package.json': '{"name":"a"}',
      'packages/b/package.json': '{"name":"b"}',
      'tools/site/package.json': '{"name":"site"}',
      'node_modules/dep/package.json': '{}',
    });
    const facts = await detect(root);
    expect(facts.manifests.npm).toEqual(['/']);
    // A documentation site is not production code; installed dependencies are never read.
    expect(facts.otherManifests?.npm).toEqual(['/tools/site']);
  });

  it('recognises every supported manifest kind', async () => {
    const root = repo({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
      'crates/core/Cargo.toml': '[package]\nname = "core"\n',
      'py/pyproject.toml': '[project]\nname = "x"\n',
      'scripts/requirements-dev.txt': 'pytest\n',
      'uvproj/pyproject.toml': '',
      'uvproj/uv.lock': '',
      'java/pom.xml': '<project/>',
      'java/child/pom.xml': '<project/>',
      'kt/settings.gradle.kts': '',
      'kt/app/build.gradle.kts': '',
      'native/CMakeLists.txt': '',
      'deploy/Dockerfile': 'FROM scratch\n',
      'charts/widget/Chart.yaml': 'apiVersion: v2\n',
    });
    const facts = await detect(root);
    expect(facts.languages).toEqual(['rust', 'python', 'java-maven', 'java-gradle', 'cpp']);
    expect(facts.manifests).toMatchObject({
      cargo: ['/'],
      pip: ['/py'],
      uv: ['/uvproj'],
      // java/pom.xml lists no <modules>: java/child is a reactor of its own.
      maven: ['/java', '/java/child'],
      gradle: ['/kt'],
      docker: ['/deploy'],
      helm: ['/charts/widget'],
    });
    expect(facts.otherManifests).toMatchObject({ pip: ['/scripts'] });
    expect(facts.artifacts).toEqual(['binaries', 'container-images', 'helm-charts']);
  });

  it('does not follow a symlinked directory out of the tree', async () => {
    const outside = tempRepo({ 'go.mod': 'module outside\n' });
    const root = repo({ 'README.md': '' });
    mkdirSync(path.join(root, 'sub'));
    symlinkSync(outside.root, path.join(root, 'sub', 'link'));
    const facts = await detect(root);
    outside.cleanup();
    expect(facts.manifests.gomod).toBeUndefined();
  });

  it('reads Renovate configs and stored answers', async () => {
    const root = repo({
      '.github/renovate.json5': '{}',
      '.secure-cncf.json': JSON.stringify({ schemaVersion: 1, generator: { name: 'x', version: '0' }, answers: { projectName: 'kept' }, files: {} }),
    });
    const facts = await detect(root);
    expect(facts.renovateConfig).toBe('.github/renovate.json5');
    expect(facts.stored?.answers.projectName).toBe('kept');
  });

  it('rejects a corrupt state file clearly', async () => {
    const root = repo({ '.secure-cncf.json': '{not json' });
    await expect(detect(root)).rejects.toThrow(/\.secure-cncf\.json is not valid JSON/);
  });
});

describe('parseGitHubRemote', () => {
  it.each([
    ['https://github.com/acme/widget.git', 'acme', 'widget'],
    ['https://github.com/acme/widget', 'acme', 'widget'],
    ['git@github.com:acme/widget.git', 'acme', 'widget'],
    ['ssh://git@github.com/acme/wid.get.git', 'acme', 'wid.get'],
    ['https://token@github.com/acme/widget/', 'acme', 'widget'],
  ])('%s', (url, owner, name) => {
    expect(parseGitHubRemote(url)).toEqual({ owner, name });
  });

  it('ignores other hosts', () => {
    expect(parseGitHubRemote('https://gitlab.com/acme/widget.git')).toBeUndefined();
  });
});
