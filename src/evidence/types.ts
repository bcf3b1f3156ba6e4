// What an audit concludes about one control: the verdict, one sentence why, and where.

/**
 * Outcome of auditing one control. `delegated`: the work is done by a reusable workflow or
 * composite action of another repository that was not read (offline); it is neither a pass nor
 * a fail until `--online` reads it.
 */
export type EvidenceStatus = 'pass' | 'partial' | 'delegated' | 'fail' | 'not-applicable';

/** A place in the repository that supports (or contradicts) a finding; line is 1-based. */
export interface EvidenceLocation {
  file: string;
  line?: number;
}

/** What `check` found for one control: a verdict, one sentence why, and where. */
export interface Evidence {
  status: EvidenceStatus;
  summary: string;
  locations: EvidenceLocation[];
  /** The work happens in a reusable workflow or composite action of another repository ("org/repo"). */
  delegatedTo?: string;
}
