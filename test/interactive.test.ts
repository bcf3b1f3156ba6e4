// The interactive path: the Yeoman generator is driven through its prompts with yeoman-test.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import helpers, { result } from 'yeoman-test';
import SecureCncfGenerator from '../generators/app/index.js';
import { questions } from '../src/questions.js';
import { answerDefaults } from '../src/answers.js';
import { emptyFacts, tempRepo } from './helpers/generate.js';
import { cli } from './retrofit/helpers.js';

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
    // The commitment questions were left at their first choice: SECURITY.md states no numbers.
    expect(state.answers.policy).toEqual({});
    run.assertFileContent('SECURITY.md', /The maintainers acknowledge your report, assess it/);
    run.assertNoFileContent('SECURITY.md', /working days|\d+ days/);
  });

  it('asks the SECURITY.md commitments of a new project; the answers are what it states', async () => {
    const asked: string[] = [];
    const run = await helpers
      .run(SecureCncfGenerator as never, { namespace: 'secure-cncf:app' } as never)
      .withAnswers({ name: 'Widget', repo: 'acme/widget', language: ['go'], level: 1, compliance: [], artifacts: [], branch: 'main', ackDays: 3, fixDays: 'none' }, {
        callback: (answer: unknown, options: { question: { name?: string } }) => {
          if (options.question.name) asked.push(options.question.name);
          return answer;
        },
      } as never);
    expect(asked).toEqual(expect.arrayContaining(['ackDays', 'fixDays']));
    const state = JSON.parse(readFileSync(path.join(run.cwd, '.secure-cncf.json'), 'utf8'));
    expect(state.answers.policy).toEqual({ acknowledgeDays: 3 });
    run.assertFileContent('SECURITY.md', /\| Acknowledge your report +\| 3 working days \|/);
    run.assertNoFileContent('SECURITY.md', /Fix or mitigation for critical/);
  });
});

describe('questions', () => {
  it('skips questions answered by flags', () => {
    const defaults = answerDefaults(emptyFacts('/nonexistent/secure-cncf-test-repository'));
    const asked = questions(defaults, { repo: 'acme/widget', language: ['go'] }).map((q) => q.name);
    expect(asked).toEqual(['name', 'level', 'compliance', 'artifacts', 'charts', 'portal', 'branch', 'ackDays', 'fixDays']);
  });

  it('asks the commitments only when SECURITY.md will be written, "no numbers" first, earlier answers as defaults', () => {
    const defaults = answerDefaults(emptyFacts('/nonexistent/secure-cncf-test-repository'));
    const ack = (context?: { securityPolicy?: boolean }) => questions(defaults, {}, context).find((q) => q.name === 'ackDays');
    expect(ack({ securityPolicy: false })?.when?.({})).toBe(false);
    expect(ack({ securityPolicy: true })?.when?.({})).toBe(true);
    expect(ack()?.choices?.[0]).toMatchObject({ value: 'none', name: expect.stringMatching(/^No numbers/) });
    expect(ack()?.default).toBe('none');
    const earlier = { ...defaults, policy: { acknowledgeDays: 7, fixDays: 30 } };
    const asked = questions(earlier, {});
    expect(asked.find((q) => q.name === 'ackDays')).toMatchObject({ default: 7, choices: expect.arrayContaining([{ name: '7 working days', value: 7 }]) });
    expect(asked.find((q) => q.name === 'fixDays')?.default).toBe(30);
    expect(questions(defaults, { ackDays: '3', fixDays: 'none' }).map((q) => q.name)).not.toContain('ackDays');
  });

  it('asks how to publish charts only when charts are released', () => {
    const charts = questions(answerDefaults(emptyFacts('/nonexistent/secure-cncf-test-repository')), {}).find((q) => q.name === 'charts');
    expect(charts?.when?.({ artifacts: ['binaries'] })).toBe(false);
    expect(charts?.when?.({ artifacts: ['helm-charts', 'binaries'] })).toBe(true);
    expect(charts?.choices?.map((c) => c.value)).toEqual(['oci', 'chart-releaser']);
  });

  it('validates answers at the prompt with the same messages as the flags', () => {
    const defaults = answerDefaults(emptyFacts('/nonexistent/secure-cncf-test-repository'));
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

  it('asks the commitments when the retrofit plans SECURITY.md (generated earlier), earlier answers as defaults', async () => {
    // yeoman-test's cleanup (afterEach) removes this directory: the run was cd'ed into it.
    const made = tempRepo({ 'go.mod': 'module example.com/x\n' });
    expect((await cli([made.root, '--yes', '--repo', 'acme/x', '--ack-days', '5'])).code).toBe(0);
    const asked: Array<{ name: string; default: unknown }> = [];
    await helpers
      .run(SecureCncfGenerator as never, { namespace: 'secure-cncf:app' } as never)
      .cd(made.root)
      .withAnswers({ ackDays: 5, fixDays: 30, ok: true }, {
        callback: (answer: unknown, options: { question: { name?: string; default?: unknown } }) => {
          if (options.question.name) asked.push({ name: options.question.name, default: options.question.default });
          return answer;
        },
      } as never)
      .withOptions({ force: false } as never);
    expect(asked.filter((q) => q.name === 'ackDays' || q.name === 'fixDays')).toEqual([
      { name: 'ackDays', default: 5 },
      { name: 'fixDays', default: 'none' },
    ]);
    const state = JSON.parse(readFileSync(path.join(made.root, '.secure-cncf.json'), 'utf8'));
    expect(state.answers.policy).toEqual({ acknowledgeDays: 5, fixDays: 30 });
    expect(readFileSync(path.join(made.root, 'SECURITY.md'), 'utf8')).toMatch(/\| Fix or mitigation for critical and high severity issues \| 30 days +\|/);
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
    // No SECURITY.md is planned here (an organisation policy may apply): its commitments are not asked.
    expect(asked).not.toContain('ackDays');
    expect(existsSync(path.join(run.cwd, 'SECURITY.md'))).toBe(false);
    expect(merged.startsWith('# our updates\nversion: 2\nupdates:\n  - package-ecosystem: gomod # keep me\n')).toBe(true);
    expect(merged).toContain('package-ecosystem: github-actions');
    const state = JSON.parse(readFileSync(path.join(run.cwd, '.secure-cncf.json'), 'utf8'));
    expect(Object.keys(state.files)).toContain('.github/workflows/codeql.yml');
  });
});
