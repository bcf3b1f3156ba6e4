// Release tags of an action's repository, from `git ls-remote` (no API token, no rate limit).

/** Lists the tags of a repository URL (`git ls-remote --tags` output); throws when it cannot. */
export type LsRemote = (url: string) => Promise<string>;

export const gitLsRemote: LsRemote = async (url) => {
  const { execa } = await import('execa');
  const result = await execa('git', ['ls-remote', '--tags', url], {
    reject: false,
    timeout: 30_000,
    stdin: 'ignore',
    env: { GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true' },
  });
  if (result.exitCode !== 0) {
    const reason = String(result.stderr).trim().split('\n').pop() || (result.timedOut ? 'timed out' : `exit ${result.exitCode}`);
    throw new Error(reason);
  }
  return String(result.stdout);
};

/** tag -> commit: annotated tags are peeled (`^{}` lines win over the tag object). */
export function parseTags(output: string): Map<string, string> {
  const tags = new Map<string, string>();
  const peeled = new Set<string>();
  for (const line of output.split('\n')) {
    const match = /^([0-9a-f]{40})\s+refs\/tags\/(.+?)(\^\{\})?$/.exec(line.trim());
    if (!match) continue;
    const [, sha, tag, isPeeled] = match as unknown as [string, string, string, string | undefined];
    if (isPeeled) {
      tags.set(tag, sha);
      peeled.add(tag);
    } else if (!peeled.has(tag)) tags.set(tag, sha);
  }
  return tags;
}
