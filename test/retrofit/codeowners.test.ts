// CODEOWNERS in an existing repository: the only owner secure-cncf could name is the repository's
// owner (often an organisation, which GitHub does not accept as a code owner), so retrofit writes
// none and names the manual step; check gives the same step as the fix. New projects still get one.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cli, git, tempRepos } from './helpers.js';
import { openSession, answersFor, contextFor } from '../../src/engine/session.js';
import { codeownersStep } from '../../src/controls/codeowners/existing.js';

const CI = 'name: ci\non: [pull_request]\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: go test ./...\n';
const EXISTING = {
  'go.mod': 'module example.com/widget\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'MAINTAINERS.md': '# Maintainers\n\n- Jane Doe (@jane)\n',
  '.github/workflows/ci.yml': CI,
  'deploy/image/Dockerfile': 'FROM scratch\n',
};

const repo = tempRepos();
const hasCodeowners = (root: string) => existsSync(path.join(root, '.github/CODEOWNERS'));

describe('CODEOWNERS in an existing repository', () => {
  it('retrofit at level 2 writes none and names the manual step; check gives that step as the fix', async () => {
    const root = repo(EXISTING);
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2', '--artifacts', 'binaries,container-images']);
    expect(result.code, result.out + result.err).toBeLessThanOrEqual(1);
    expect(hasCodeowners(root)).toBe(false);
    const todo = result.out.slice(result.out.indexOf('To do by hand:'));
    expect(todo).toMatch(/Code owners: add \.github\/CODEOWNERS giving every path \(\*\) to a team \(@acme\/<team>\) or to maintainers by user name \(those in MAINTAINERS\.md\)/);
    expect(todo).toMatch(/the only owner it can name is @acme, which may be an organisation/);

    const check = await cli(['check', root, '--format', 'json']);
    const control = (JSON.parse(check.out) as { controls: Array<{ id: string; status: string; fix?: string }> }).controls.find((c) => c.id === 'codeowners');
    expect(control?.status).toBe('partial'); // MAINTAINERS.md names maintainers, without CODEOWNERS
    expect(control?.fix).toMatch(/^by hand: Code owners: add \.github\/CODEOWNERS/);
  });

  it('the step lists only the security-sensitive paths this repository has', async () => {
    const root = repo(EXISTING);
    const session = await openSession(root);
    const ctx = contextFor(session, answersFor(session, { repo: 'acme/widget', level: '2', artifacts: ['binaries', 'container-images'] }));
    const step = codeownersStep(session.repo, ctx);
    const listed = /security-sensitive paths \(([^)]*)\)/.exec(step)?.[1]?.split(', ');
    expect(listed).toEqual(['/.github/', 'Dockerfile']);
  });

  it('create in a directory without commit history starts a project: it still gets CODEOWNERS', async () => {
    const root = repo(EXISTING);
    git(root, 'init', '-q');
    const result = await cli(['create', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    expect(result.code, result.out + result.err).toBeLessThanOrEqual(1);
    expect(hasCodeowners(root)).toBe(true);
  });

  it('create in a repository with commit history leaves it to the maintainers', async () => {
    const root = repo(EXISTING);
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'start');
    const result = await cli(['create', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    expect(result.code, result.out + result.err).toBeLessThanOrEqual(1);
    expect(hasCodeowners(root)).toBe(false);
    expect(result.out).toMatch(/Code owners: add \.github\/CODEOWNERS/);
  });
});
