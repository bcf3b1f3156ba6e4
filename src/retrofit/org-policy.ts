// Whether an organisation-wide security policy applies: GitHub shows `<owner>/.github`'s
// SECURITY.md for every repository of the owner that has none of its own. Known only online;
// offline (or on any network error) the answer is 'unknown' and retrofit writes no SECURITY.md.
export type OrgPolicy = { state: 'present'; url: string } | { state: 'absent' } | { state: 'unknown'; why: string };

const PLACES = ['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md'];

export async function orgPolicy(owner: string, fetcher: typeof fetch = fetch): Promise<OrgPolicy> {
  if (!owner) return { state: 'unknown', why: 'the repository owner is not known (pass --repo owner/name)' };
  let missing = 0;
  for (const place of PLACES) {
    const url = `https://raw.githubusercontent.com/${encodeURIComponent(owner)}/.github/HEAD/${place}`;
    try {
      const response = await fetcher(url, { method: 'HEAD', signal: AbortSignal.timeout(8000), redirect: 'follow' });
      if (response.ok) return { state: 'present', url: `https://github.com/${owner}/.github/blob/HEAD/${place}` };
      if (response.status === 404) missing++;
      else return { state: 'unknown', why: `GitHub answered ${response.status} for ${owner}/.github` };
    } catch (error) {
      return { state: 'unknown', why: `could not reach GitHub (${(error as Error).message})` };
    }
  }
  return missing === PLACES.length ? { state: 'absent' } : { state: 'unknown', why: 'inconclusive answer' };
}
