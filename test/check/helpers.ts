import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { runCheck } from '../../src/check/run.js';
import type { CheckReport } from '../../src/check/report.js';

export interface Captured extends Io {
  out: string[];
  err: string[];
}

export function captureIo(stdoutIsTTY = false): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdinIsTTY: false, stdoutIsTTY };
}

/** Generate a repository with the real CLI (non-interactive) into a fresh temp directory. */
export async function generateRepo(args: string[]): Promise<{ root: string; cleanup: () => void }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-check-'));
  const io = captureIo();
  const code = await main([root, '--yes', '--repo', 'acme/widget', ...args], io);
  if (code !== 0) throw new Error(`generation failed (${code}): ${io.err.join('\n')}\n${io.out.join('\n')}`);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export async function check(root: string, level?: number, compliance?: string[]): Promise<CheckReport> {
  const { report } = await runCheck({ directory: root, level: level === undefined ? undefined : String(level), compliance });
  return report;
}

export function statuses(report: CheckReport): Record<string, string> {
  return Object.fromEntries(report.controls.map((c) => [c.id, c.status]));
}

/** Gaps with their summaries, for readable assertion failures. */
export function gapDetails(report: CheckReport): string[] {
  return report.controls.filter((c) => report.gaps.includes(c.id)).map((c) => `${c.id}: ${c.status}: ${c.summary}`);
}
