// Developer-portal files (Backstage catalog-info.yaml, a TechDocs site) are opt-in for an existing
// repository: most projects run no Backstage, and a docs page inside their own MkDocs site is a
// change maintainers reject. New projects keep the level's default (on from level 2).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyFacts, repoFacts, tempRepo } from '../helpers/generate.js';
import { cli, git, tempRepos } from './helpers.js';
import { answerDefaults, resolveAnswers } from '../../src/answers.js';
import { runCheck } from '../../src/check/run.js';
import type { Answers, StoredState } from '../../src/model.js';

const PORTAL_FILES = ['catalog-info.yaml', 'mkdocs.yml', 'docs/security/index.md'];
const SMALL_GO_REPO = { 'go.mod': 'module example.com/widget\n', 'main.go': 'package main\n\nfunc main() {}\n' };

const repo = tempRepos();
const present = (root: string) => PORTAL_FILES.filter((file) => existsSync(path.join(root, file)));
const storedPortal = (root: string) => (JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8')) as StoredState).answers.portal;
const controlStatus = (out: string, id: string) => (JSON.parse(out) as { controls: Array<{ id: string; status: string }> }).controls.find((c) => c.id === id)?.status;

describe('retrofit at level 2: developer-portal files only when asked', () => {
  it('writes none by default, stores the "no", and check (from the stored answers) does not ask for them', async () => {
    const root = repo(SMALL_GO_REPO);
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    expect(result.code, result.out + result.err).toBeLessThanOrEqual(1);
    expect(present(root)).toEqual([]);
    expect(storedPortal(root)).toBe(false);
    const check = await cli(['check', root, '--format', 'json']);
    for (const id of ['portal-catalog', 'techdocs']) expect(controlStatus(check.out, id)).toBe('not-applicable');
  });

  it('writes them with --portal, and keeps that answer for the next run', async () => {
    const root = repo(SMALL_GO_REPO);
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2', '--portal']);
    expect(result.code, result.out + result.err).toBeLessThanOrEqual(1);
    expect(present(root)).toEqual(PORTAL_FILES);
    expect(storedPortal(root)).toBe(true);
  });

  it('check of an existing repository without earlier answers audits with the same default as retrofit', async () => {
    const root = repo(SMALL_GO_REPO);
    const { profile, ctx } = await runCheck({ directory: root, level: '2', repo: 'acme/widget' });
    expect(profile.answers.portal).toBe(false);
    expect(ctx.has('portal-catalog')).toBe(false);
  });
});

describe('create in a directory that already has files', () => {
  it('without commit history it starts a project: portal files from level 2, as in an empty directory', async () => {
    const root = repo(SMALL_GO_REPO);
    git(root, 'init', '-q');
    const result = await cli(['create', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    expect(result.code, result.out + result.err).toBeLessThanOrEqual(1);
    expect(present(root)).toEqual(PORTAL_FILES);
  });

  it('with commit history it is an existing repository: none unless --portal', async () => {
    const root = repo(SMALL_GO_REPO);
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'start');
    const result = await cli(['create', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    expect(result.code, result.out + result.err).toBeLessThanOrEqual(1);
    expect(present(root)).toEqual([]);
    expect(storedPortal(root)).toBe(false);
  });
});

describe('the portal default', () => {
  const chosen = { languages: ['go'], artifacts: ['binaries'] } satisfies Pick<Answers, 'languages' | 'artifacts'>;

  it('a new (empty) directory: on from level 2, as before', () => {
    const defaults = answerDefaults(emptyFacts());
    expect(defaults.portal).toBeUndefined();
    expect(resolveAnswers({ repo: 'acme/widget', language: ['go'], level: '2' }, defaults).portal).toBe(true);
    expect(resolveAnswers({ repo: 'acme/widget', language: ['go'], level: '1' }, defaults).portal).toBe(false);
  });

  it('an existing repository: off at every level unless asked', () => {
    const defaults = answerDefaults(repoFacts(chosen));
    for (const level of ['1', '2', '3']) expect(resolveAnswers({ repo: 'acme/widget', level }, defaults).portal).toBe(false);
    expect(resolveAnswers({ repo: 'acme/widget', level: '2', portal: true }, defaults).portal).toBe(true);
  });

  it('earlier answers win; answers stored before the question existed keep the level default', () => {
    const base: Omit<Answers, 'portal'> = { projectName: 'widget', repository: { owner: 'acme', name: 'widget' }, languages: ['go'], level: 2, compliance: [], artifacts: ['binaries'], defaultBranch: 'main' };
    const stored = (answers: Omit<Answers, 'portal'> & { portal?: boolean }): StoredState => ({ schemaVersion: 1, generator: { name: 'create-secure-cncf', version: '0.0.0' }, answers: answers as Answers, files: {} });
    const withState = (answers: Omit<Answers, 'portal'> & { portal?: boolean }) => answerDefaults({ ...repoFacts(chosen), stored: stored(answers) });
    expect(resolveAnswers({}, withState({ ...base, portal: true })).portal).toBe(true);
    expect(resolveAnswers({}, withState({ ...base, portal: false })).portal).toBe(false);
    expect(resolveAnswers({}, withState(base)).portal).toBe(true);
  });
});
