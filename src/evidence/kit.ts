// Small building blocks for evidence functions (src/controls/<id>/evidence.ts): verdict builders,
// the practice observations as verdicts, and document look-ups.
import type { Evidence, EvidenceLocation } from './types.js';
import type { Profile } from '../model.js';
import type { RepoView } from './repo-view.js';
import type { PracticeId } from './tools.js';
import { observePractice, type PracticeObservation, type ToolFinding } from './practices.js';

export function pass(summary: string, locations: EvidenceLocation[] = []): Evidence {
  return { status: 'pass', summary, locations };
}
export function partial(summary: string, locations: EvidenceLocation[] = []): Evidence {
  return { status: 'partial', summary, locations };
}
export function fail(summary: string, locations: EvidenceLocation[] = []): Evidence {
  return { status: 'fail', summary, locations };
}

/** The repository's own "owner/name" for the probes (undefined when the owner is not known). */
export function selfSlug(profile: Profile): string | undefined {
  const { owner, name } = profile.answers.repository;
  return owner && name ? `${owner}/${name}` : undefined;
}

/** One practice as the probes see it in this repository (memoised per view). */
export function practice(repo: RepoView, id: PracticeId, profile: Profile): PracticeObservation {
  return observePractice(repo, id, { selfSlug: selfSlug(profile) });
}

export function labels(findings: ToolFinding[]): string {
  return [...new Set(findings.map((finding) => finding.label))].join(', ');
}

export function uniqueLocations(locations: EvidenceLocation[]): EvidenceLocation[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.file}:${location.line ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function findingLocations(findings: ToolFinding[], max = 5): EvidenceLocation[] {
  return uniqueLocations(findings.flatMap((finding) => (finding.config ? [finding.location, finding.config] : [finding.location]))).slice(0, max);
}

/** "CodeQL (via make lint)": how the first finding of each tool is reached, when not directly. */
export function describeTools(findings: ToolFinding[]): string {
  const first = new Map<string, ToolFinding>();
  for (const finding of findings) if (!first.has(finding.label)) first.set(finding.label, finding);
  return [...first.values()]
    .map((finding) => {
      const hops = finding.via.slice(1);
      return hops.length > 0 ? `${finding.label} (via ${hops.join(' → ')})` : finding.label;
    })
    .join(', ');
}

export interface PracticeVerdictText {
  /** What the practice is called in sentences ("Static analysis"). */
  what: string;
  /** Running it only after the merge is partial (SAST, dependency review). */
  requirePullRequests?: boolean;
  /** The evidence when the practice is absent. */
  absent: Evidence;
}

/**
 * A control's evidence from one practice observation: present (pass, or partial when it must run
 * on pull requests and does not), delegated (its own status), elsewhere (partial: it runs, but not
 * where this audit can see), found-but-never-run (fail, saying where), or absent.
 */
export function practiceEvidence(observation: PracticeObservation, text: PracticeVerdictText): Evidence {
  const { findings } = observation;
  if (observation.verdict === 'present') {
    const onPulls = findings.filter((f) => f.onPullRequests);
    if (text.requirePullRequests && onPulls.length === 0) {
      return partial(`${describeTools(findings)} runs, but not on pull requests, so findings arrive after the merge.`, findingLocations(findings));
    }
    const shown = text.requirePullRequests ? onPulls : findings;
    return pass(`${text.what}: ${describeTools(shown)}${text.requirePullRequests ? ' on pull requests' : ''}.`, findingLocations(shown));
  }
  if (observation.verdict === 'delegated') {
    const first = observation.delegations[0]!;
    const targets = [...new Set(observation.delegations.map((d) => `${d.target}${d.ref ? `@${d.ref}` : ''}`))];
    const unread = observation.delegations.find((d) => d.unread)?.unread;
    return {
      status: 'delegated',
      summary: unread
        ? `${text.what} is delegated to ${targets.join(', ')}; that workflow could not be read online (${unread}), so it is not verified: check it there.`
        : `${text.what} is delegated to ${targets.join(', ')}; that workflow was not read (offline), so it is not verified: run with --online, or check it there.`,
      locations: uniqueLocations(observation.delegations.map((d) => ({ file: d.uses.file, line: d.uses.line }))),
      delegatedTo: first.repo,
    };
  }
  if (observation.verdict === 'elsewhere') {
    const where = observation.unreached.length > 0 ? ` (${describeTools(observation.unreached)} in ${uniqueLocations(observation.unreached.map((f) => ({ file: f.location.file }))).map((l) => l.file).slice(0, 3).join(', ')})` : '';
    return partial(
      `${text.what} runs outside GitHub Actions${where}: this repository shows ${observation.elsewhere}, which is not visible from here; no workflow runs it.`,
      findingLocations(observation.unreached),
    );
  }
  if (observation.unreached.length > 0) {
    const summary = `${text.absent.summary} ${describeTools(observation.unreached)} appears in ${uniqueLocations(observation.unreached.map((f) => ({ file: f.location.file }))).map((l) => l.file).slice(0, 3).join(', ')}, but no workflow runs it.`;
    return { ...text.absent, summary, locations: [...text.absent.locations, ...findingLocations(observation.unreached, 3)] };
  }
  return text.absent;
}

/** First heading (Markdown `#`) or line in the file matching, as a location. */
export function lineMatching(repo: RepoView, file: string, pattern: RegExp): EvidenceLocation {
  const match = repo.grep(file, pattern)[0];
  return match ? { file, line: match.line } : { file };
}

/** README files CLOMonitor-style: root, .github/ or docs/. */
export function readmes(repo: RepoView): string[] {
  return repo.filesNamed(/^readme(?:\.[a-z]+)?$/i).filter((file) => /^(?:(?:\.github|docs)\/)?readme(?:\.[a-z]+)?$/i.test(file));
}

/** A Markdown heading mentioning SBOM in a README (a weak, CLOMonitor-style signal). */
export function readmeSbomHeading(repo: RepoView): EvidenceLocation | undefined {
  for (const file of readmes(repo)) {
    const match = repo.grep(file, /^#+\s.*\b(SBOM|software bill of materials)\b/i)[0];
    if (match) return { file, line: match.line };
  }
  return undefined;
}
