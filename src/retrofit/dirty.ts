// Repository-relative paths with uncommitted changes (staged or not), read with
// `git status --porcelain=v1 -z`. Each record is "XY path"; the leading status column is
// significant (" M" = modified in the work tree), so the output must not be trimmed.
import { existsSync } from 'node:fs';
import path from 'node:path';

export async function uncommittedFiles(root: string): Promise<Set<string>> {
  if (!existsSync(path.join(root, '.git'))) return new Set();
  const { execa } = await import('execa');
  const result = await execa('git', ['status', '--porcelain=v1', '-z', '--untracked-files=no'], { cwd: root, reject: false, timeout: 10_000, stdin: 'ignore' });
  if (result.exitCode !== 0) return new Set();
  const records = String(result.stdout).split('\0');
  const files = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string;
    if (record.length < 4) continue;
    files.add(record.slice(3));
    if (record[0] === 'R' || record[0] === 'C') i++; // the next record is the rename source
  }
  return files;
}
