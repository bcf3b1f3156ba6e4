// The documentation cannot drift from the repository and the CLI:
//   - every relative link in docs/**/*.md and README.md points at an existing file or directory, and
//     a #fragment at an existing heading of the target Markdown file;
//   - every `secure-cncf` / `create-secure-cncf` command line (in inline code and in sh/console code
//     blocks) names an existing sub-command and only options that command accepts, and every option
//     mentioned on its own in inline code exists on some command; valid names come from the CLI
//     modules (src/cli/commands/index.ts COMMANDS and each command's `options`), so renaming a flag
//     breaks this test, not the user;
//   - every repository path in inline code (src/…, test/…, scripts/…, docs/…, data/…) exists, unless
//     it is a file the generator writes into user repositories.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { Command } from '../../src/cli/command.js';
import { packageRoot } from '../../src/paths.js';
import { planFor } from '../helpers/generate.js';
import { REPOSITORY_URL, repositoryPathOf } from './repository-url.js';

const DOC_ROOTS = ['docs'];
const EXTRA_DOCS = ['README.md'];

/** Top-level folders and files of this repository that inline paths may point into. */
const REPO_DIRS = ['src', 'test', 'scripts', 'templates', 'presets', 'data', 'docs', 'backstage', 'generators', 'schemas'];
const REPO_FILES = ['package.json', 'package-lock.json', 'mkdocs.yml', 'tsconfig.json', 'vitest.config.ts', 'plopfile.mjs'];

/** Options of other tools that the docs mention on their own, in inline code (gitleaks, cosign, Yeoman, cargo, Semgrep, Trivy). */
const OTHER_TOOLS_FLAGS = new Set(['--redact', '--bundle', '--new-bundle-format', '--certificate-identity-regexp', '--certificate-oidc-issuer', '--skip-existing', '--all-features', '--baseline-commit', '--vex']);

/** Paths in inline code that belong to other repositories, per document. */
const EXTERNAL_PATHS: Record<string, string[]> = {
  'docs/portal/README.md': ['src/annotations.ts'], // redhat-developer/rhdh-plugins
  'docs/guide/what-changed-2026.md': ['docs/checks.md'], // cncf/clomonitor
};

/** Folders of documents about other projects: their inline paths are files of those projects' repositories. */
const OTHER_PROJECTS_DOCS = ['docs/case-studies/'];

/** Placeholders the docs use for the directory argument of `create`. */
const DIRECTORY_WORDS = new Set(['my-project']);

interface Doc {
  file: string;
  text: string;
  /** The text with fenced code blocks blanked (line numbers kept). */
  prose: string;
  /** Fenced code blocks: info string and content. */
  blocks: { info: string; content: string; line: number }[];
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

function readDoc(file: string): Doc {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const blocks: Doc['blocks'] = [];
  const prose: string[] = [];
  let fence: { marker: string; info: string; start: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    const open = line.match(/^\s*(`{3,}|~{3,})\s*([\w-]*)/);
    if (!fence && open) {
      fence = { marker: open[1]!, info: open[2] ?? '', start: index + 1, body: [] };
      prose.push('');
    } else if (fence && line.trim().startsWith(fence.marker)) {
      blocks.push({ info: fence.info, content: fence.body.join('\n'), line: fence.start });
      fence = undefined;
      prose.push('');
    } else if (fence) {
      fence.body.push(line);
      prose.push('');
    } else {
      prose.push(line);
    }
  });
  return { file, text, prose: prose.join('\n'), blocks };
}

const rel = (file: string) => path.relative(packageRoot, file);

/** GitHub-style heading anchors of a Markdown file (duplicates get -1, -2, …). */
function anchors(doc: Doc): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of doc.prose.split('\n')) {
    const heading = line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!heading) continue;
    const text = heading[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`/g, '')
      .replace(/\*/g, '')
      .toLowerCase();
    const base = text.replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Inline code spans of the prose, with their line numbers. */
function inlineCode(doc: Doc): { code: string; line: number }[] {
  const spans: { code: string; line: number }[] = [];
  doc.prose.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/(`+)([^`]+?)\1(?!`)/g)) spans.push({ code: match[2]!.trim(), line: index + 1 });
  });
  return spans;
}

/** Shell lines of sh/bash/console/unlabelled code blocks (continuations joined, `$ ` prompts removed). */
function shellLines(doc: Doc): { code: string; line: number }[] {
  const lines: { code: string; line: number }[] = [];
  for (const block of doc.blocks) {
    if (!['', 'sh', 'bash', 'shell', 'console'].includes(block.info)) continue;
    const joined = block.content.replace(/\\\n\s*/g, ' ').split('\n');
    joined.forEach((code, index) => lines.push({ code: code.replace(/^\s*\$\s+/, ''), line: block.line + index + 1 }));
  }
  return lines;
}

const INVOCATION = /(?:^|[\s(`"'])(?:npx\s+(?:--yes\s+|-y\s+)?)?(?:create-secure-cncf|secure-cncf)(?:@[\w.-]+)?(?=\s|$)|(?:^|\s)npm\s+(?:create\s+secure-cncf(?:@[\w.-]+)?|start)(?=\s|$)/g;
const STOP = new Set(['|', '||', '&&', ';', '>', '>>', '2>', '2>&1', '#', ')']);

/** The argument words after each invocation of the CLI in a line of shell. */
function invocations(code: string): { viaNpm: boolean; args: string[] }[] {
  const found: { viaNpm: boolean; args: string[] }[] = [];
  for (const match of code.matchAll(INVOCATION)) {
    const rest = code.slice(match.index! + match[0].length);
    const words = rest.match(/"[^"]*"|'[^']*'|<[^>]*>|\S+/g) ?? [];
    const args: string[] = [];
    for (const word of words) {
      if (STOP.has(word) || word.startsWith('#') || /^[|;&>)]/.test(word)) break;
      args.push(word);
    }
    const viaNpm = /\bnpm\s/.test(match[0]);
    if (viaNpm) {
      // npm create secure-cncf@latest [dir] -- <args>; npm start -- <args>: options come after "--".
      const dashes = args.indexOf('--');
      found.push({ viaNpm, args: dashes === -1 ? args.filter((a) => !a.startsWith('-')) : [...args.slice(0, dashes), ...args.slice(dashes + 1)] });
    } else {
      found.push({ viaNpm, args });
    }
  }
  return found;
}

const commandNames = COMMANDS.map((command) => command.name);
const create = COMMANDS.find((command) => command.name === 'create')!;

function longOptions(command: Command): Set<string> {
  return new Set([...Object.keys(command.options), 'help']);
}
function shortOptions(command: Command): Set<string> {
  return new Set([...Object.values(command.options).flatMap((o) => (o.short ? [o.short] : [])), 'h']);
}
const allLongOptions = new Set(COMMANDS.flatMap((command) => [...longOptions(command)]));

/** Problems with one invocation's arguments, as messages. */
function checkInvocation(args: string[]): string[] {
  const problems: string[] = [];
  let command = create;
  let rest = args;
  const first = args[0];
  if (first && !first.startsWith('-')) {
    const named = COMMANDS.find((c) => c.name === first);
    if (named) {
      command = named;
      rest = args.slice(1);
    } else if (!/[/.$~<"']/.test(first) && !DIRECTORY_WORDS.has(first)) {
      problems.push(`"${first}" is not a command (${commandNames.join(', ')}) nor a directory path`);
    }
  }
  for (const word of rest) {
    if (word === '--') continue;
    const long = word.match(/^--([a-z][\w-]*)(=.*)?$/);
    const short = word.match(/^-([a-zA-Z])$/);
    if (long && !longOptions(command).has(long[1]!)) problems.push(`${command.name} has no option --${long[1]}`);
    if (short && !shortOptions(command).has(short[1]!)) problems.push(`${command.name} has no option -${short[1]}`);
  }
  return problems;
}

let docs: Doc[] = [];
let generatedPaths = new Set<string>();

beforeAll(async () => {
  docs = [...DOC_ROOTS.flatMap((dir) => markdownFiles(path.join(packageRoot, dir))), ...EXTRA_DOCS.map((f) => path.join(packageRoot, f))].map(readDoc);
  // Files the generator writes into user repositories (docs mention them; they are not ours).
  const plans = await Promise.all([
    planFor({ level: 3, languages: ['go', 'rust', 'python', 'javascript', 'java-maven', 'cpp'], artifacts: ['binaries', 'container-images', 'helm-charts', 'libraries'], compliance: ['soc2', 'pci-dss-4.0.1', 'eu-cra'], portal: true }),
  ]);
  generatedPaths = new Set(plans.flatMap((plan) => plan.files.map((file) => file.path)));
});

describe('documentation links', () => {
  it('finds the documents', () => {
    expect(docs.length).toBeGreaterThan(20);
  });

  it('every relative link resolves to an existing file, and its #anchor to a heading', () => {
    const problems: string[] = [];
    for (const doc of docs) {
      doc.prose.split('\n').forEach((line, index) => {
        const where = `${rel(doc.file)}:${index + 1}`;
        for (const match of line.replace(/`[^`]*`/g, '').matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
          const target = match[1]!;
          if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
          const [file, fragment] = target.split('#') as [string, string | undefined];
          const resolved = file ? path.resolve(path.dirname(doc.file), decodeURIComponent(file)) : doc.file;
          if (!existsSync(resolved)) {
            problems.push(`${where}: ${target} does not exist`);
            continue;
          }
          if (fragment && resolved.endsWith('.md') && statSync(resolved).isFile()) {
            const targetDoc = docs.find((d) => d.file === resolved) ?? readDoc(resolved);
            if (!anchors(targetDoc).has(fragment)) problems.push(`${where}: no heading for #${fragment} in ${rel(resolved)}`);
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });
});

/** Every Markdown link target of the prose of docs/, with where it is. */
function linkTargets(doc: Doc): { target: string; where: string }[] {
  const found: { target: string; where: string }[] = [];
  doc.prose.split('\n').forEach((line, index) => {
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ target: match[1]!, where: `${rel(doc.file)}:${index + 1}` });
    }
  });
  return found;
}

describe('links that work on the built site', () => {
  it('relative links in docs/ stay inside docs/ (MkDocs builds only docs/; link to the repository instead)', () => {
    const docsRoot = path.join(packageRoot, 'docs') + path.sep;
    const problems: string[] = [];
    for (const doc of docs.filter((d) => d.file.startsWith(docsRoot))) {
      for (const { target, where } of linkTargets(doc)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        const resolved = path.resolve(path.dirname(doc.file), decodeURIComponent(target.split('#')[0]!));
        if (!resolved.startsWith(docsRoot)) problems.push(`${where}: ${target} leaves docs/; use ${REPOSITORY_URL}/blob/main/…`);
      }
    }
    expect(problems).toEqual([]);
  });

  it(`links to ${REPOSITORY_URL} point at files and folders that exist`, () => {
    const problems: string[] = [];
    let checked = 0;
    for (const doc of docs) {
      for (const { target, where } of linkTargets(doc)) {
        const file = repositoryPathOf(target);
        if (file === undefined) continue;
        checked++;
        if (!existsSync(path.join(packageRoot, file))) problems.push(`${where}: ${target} (no ${file} in this repository)`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('the repository-link rule recognises this repository and nothing else', () => {
    expect(repositoryPathOf(`${REPOSITORY_URL}/blob/main/src/paths.ts#L3`)).toBe('src/paths.ts');
    expect(repositoryPathOf(`${REPOSITORY_URL}/tree/main/backstage/`)).toBe('backstage');
    expect(repositoryPathOf('https://github.com/other/repo/blob/main/src/paths.ts')).toBeUndefined();
  });
});

describe('documented commands and flags', () => {
  it('every secure-cncf command line uses an existing command and only its options', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const doc of docs) {
      for (const { code, line } of [...inlineCode(doc), ...shellLines(doc)]) {
        for (const { args } of invocations(code)) {
          checked++;
          for (const problem of checkInvocation(args)) problems.push(`${rel(doc.file)}:${line}: ${code}\n    ${problem}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('every option mentioned on its own in inline code exists on some command', () => {
    const problems: string[] = [];
    for (const doc of docs) {
      for (const { code, line } of inlineCode(doc)) {
        const flag = code.match(/^(--[a-z][\w-]*)(?:[ =].*)?$/)?.[1];
        if (flag && !allLongOptions.has(flag.slice(2)) && !OTHER_TOOLS_FLAGS.has(flag)) problems.push(`${rel(doc.file)}:${line}: ${code}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the checker itself rejects a renamed flag and an unknown command', () => {
    expect(invocations('npx create-secure-cncf check . --formt sarif').flatMap((i) => checkInvocation(i.args))).toEqual(['check has no option --formt']);
    expect(invocations('secure-cncf chek .').flatMap((i) => checkInvocation(i.args))).toHaveLength(1);
    expect(invocations('npm create secure-cncf@latest -- --yes --levle 1').flatMap((i) => checkInvocation(i.args))).toEqual(['create has no option --levle']);
    expect(invocations('npx create-secure-cncf survey --under x -o out.md').flatMap((i) => checkInvocation(i.args))).toEqual([]);
  });
});

describe('referenced repository paths', () => {
  it('every repository path in inline code exists (files the generator writes excepted)', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const doc of docs) {
      for (const { code, line } of inlineCode(doc)) {
        if (!/^[\w.@-]+(\/[\w.@-]*)*$/.test(code) || /[<>*{}$…]/.test(code)) continue;
        const first = code.split('/')[0]!;
        const isRepoPath = (REPO_DIRS.includes(first) && code.includes('/')) || REPO_FILES.includes(code);
        if (!isRepoPath) continue;
        const clean = code.replace(/\/$/, '');
        if (generatedPaths.has(clean) || clean === 'docs/security' || clean.startsWith('docs/security/')) continue;
        if (EXTERNAL_PATHS[rel(doc.file)]?.includes(clean)) continue;
        if (OTHER_PROJECTS_DOCS.some((folder) => rel(doc.file).startsWith(folder))) continue;
        checked++;
        if (!existsSync(path.join(packageRoot, clean))) problems.push(`${rel(doc.file)}:${line}: ${code}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
