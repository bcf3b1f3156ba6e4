// The interactive path: the Yeoman generator is driven through its prompts with yeoman-test.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import helpers, { result } from 'yeoman-test';
import SecureCncfGenerator from '../generators/app/index.js';
import { questions } from '../src/questions.js';
import { answerDefaults } from '../src/answers.js';
import { emptyFacts } from './helpers/generate.js';

describe('interactive generator (yeoman-test)', () => {
  afterEach(() => {
    result?.cleanup?.();
  });

  it('asks every question and writes the answers and files', async () => {
    const run = await helpers
      .run(SecureCncfGenerator as never, { namespace: 'secure-cncf:app' } as never)
      .withAnswers({
        name: 'Widget',
        repo: 'acme/widget',
        language: ['python', 'rust'],
        level: 1,
        compliance: ['soc2'],
        artifacts: ['libraries'],
        branch: 'main',
      });
    run.assertFile(['.github/workflows/codeql.yml', '.github/dependabot.yml', 'SECURITY.md', '.secure-cncf.json']);
    const state = JSON.parse(readFileSync(path.join(run.cwd, '.secure-cncf.json'), 'utf8'));
    expect(state.answers).toMatchObject({
      projectName: 'Widget',
      repository: { owner: 'acme', name: 'widget' },
      languages: ['python', 'rust'],
      compliance: ['soc2'],
      artifacts: ['libraries'],
    });
    // An empty directory has no pyproject.toml or Cargo.toml yet: only what can run today is written.
    run.assertFileContent('.github/workflows/codeql.yml', /language: actions/);
    run.assertNoFileContent('.github/workflows/codeql.yml', /language: python/);
    run.assertNoFileContent('.github/dependabot.yml', /package-ecosystem: cargo/);
  });

});

describe('questions', () => {
  it('skips questions answered by flags', () => {
    const defaults = answerDefaults(emptyFacts('/tmp/x'));
    const asked = questions(defaults, { repo: 'acme/widget', language: ['go'] }).map((q) => q.name);
    expect(asked).toEqual(['name', 'level', 'compliance', 'artifacts', 'portal', 'branch']);
  });

  it('validates answers at the prompt with the same messages as the flags', () => {
    const defaults = answerDefaults(emptyFacts('/tmp/x'));
    const repo = questions(defaults, {}).find((q) => q.name === 'repo');
    expect(repo?.validate?.('nope')).toMatch(/is not a GitHub repository slug/);
    expect(repo?.validate?.('acme/widget')).toBe(true);
  });

});

describe('interactive conflicts', () => {
  afterEach(() => {
    result?.cleanup?.();
  });

  it('asks about each change to an existing file before writing, and keeps it when told no', async () => {
    const asked: string[] = [];
    const run = await helpers
      .run(SecureCncfGenerator as never, { namespace: 'secure-cncf:app' } as never)
      .onTargetDirectory((dir) => {
        writeFileSync(path.join(dir, 'SECURITY.md'), '# mine\n');
        mkdirSync(path.join(dir, '.github'), { recursive: true });
        writeFileSync(path.join(dir, '.github/dependabot.yml'), 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: "/"\n    schedule:\n      interval: weekly\n# hand-written\n');
      })
      .withAnswers({ name: 'w', repo: 'acme/w', language: ['go'], level: 1, compliance: [], artifacts: [], branch: 'main', ok: false }, {
        callback: (answer: unknown, options: { question: { name?: string } }) => {
          if (options.question.name) asked.push(options.question.name);
          return answer;
        },
      } as never)
      .withEnvironment((env) => {
        (env as unknown as { options: { force: boolean } }).options.force = false;
        (env as unknown as { conflicterOptions?: { force?: boolean } }).conflicterOptions = { force: false };
      })
      .withOptions({ force: false } as never);
    expect(asked).toContain('ok');
    expect(readFileSync(path.join(run.cwd, 'SECURITY.md'), 'utf8')).toBe('# mine\n');
    expect(readFileSync(path.join(run.cwd, '.github/dependabot.yml'), 'utf8')).toBe('version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: "/"\n    schedule:\n      interval: weekly\n# hand-written\n');
    expect(existsSync(path.join(run.cwd, '.github/workflows/codeql.yml'))).toBe(true);
  });
});

describe('interactive retrofit of an existing repository', () => {
  afterEach(() => {
    result?.cleanup?.();
  });

  it('merges into an existing dependabot.yml (comments kept) after asking', async () => {
    const existing = '# our updates\nversion: 2\nupdates:\n  - package-ecosystem: gomod # keep me\n    directory: "/"\n    schedule:\n      interval: daily\n';
    const asked: string[] = [];
    const run = await helpers
      .run(SecureCncfGenerator as never, { namespace: 'secure-cncf:app' } as never)
      .onTargetDirectory((dir) => {
        writeFileSync(path.join(dir, 'go.mod'), 'module example.com/x\n');
        mkdirSync(path.join(dir, '.github'), { recursive: true });
        writeFileSync(path.join(dir, '.github/dependabot.yml'), existing);
      })
      .withAnswers({ name: 'x', repo: 'acme/x', language: ['go'], level: 1, compliance: [], artifacts: [], portal: false, branch: 'main', ok: true }, {
        callback: (answer: unknown, options: { question: { name?: string } }) => {
          if (options.question.name) asked.push(options.question.name);
          return answer;
        },
      } as never)
      .withEnvironment((env) => {
        (env as unknown as { options: { force: boolean } }).options.force = false;
      })
      .withOptions({ force: false } as never);
    const merged = readFileSync(path.join(run.cwd, '.github/dependabot.yml'), 'utf8');
    expect(asked).toContain('ok');
    expect(merged.startsWith('# our updates\nversion: 2\nupdates:\n  - package-ecosystem: gomod # keep me\n')).toBe(true);
    expect(merged).toContain('package-ecosystem: github-actions');
    const state = JSON.parse(readFileSync(path.join(run.cwd, '.secure-cncf.json'), 'utf8'));
    expect(Object.keys(state.files)).toContain('.github/workflows/codeql.yml');
  });
});
