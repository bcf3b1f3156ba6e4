// Shared vocabulary of the engine: the values a user can choose and the shapes that flow
// detect -> answers -> plan -> apply -> check.

export const LANGUAGES = ['go', 'rust', 'python', 'javascript', 'java-maven', 'java-gradle', 'cpp'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<Language, string> = {
  go: 'Go',
  rust: 'Rust',
  python: 'Python',
  javascript: 'TypeScript / JavaScript',
  'java-maven': 'Java (Maven)',
  'java-gradle': 'Java (Gradle)',
  cpp: 'C / C++',
};

export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<Level, string> = { 1: 'sandbox', 2: 'incubating', 3: 'graduated' };

export const ARTIFACTS = ['binaries', 'container-images', 'helm-charts', 'libraries'] as const;
export type Artifact = (typeof ARTIFACTS)[number];

/** How Helm charts are published: OCI artifacts in GHCR (signed by digest), or chart-releaser's GitHub Pages index. */
export const CHART_PUBLISHING = ['oci', 'chart-releaser'] as const;
export type ChartPublishing = (typeof CHART_PUBLISHING)[number];

/** Dependabot `package-ecosystem` values this tool can emit. */
export type Ecosystem =
  | 'github-actions'
  | 'gomod'
  | 'cargo'
  | 'pip'
  | 'uv'
  | 'npm'
  | 'bun'
  | 'maven'
  | 'gradle'
  | 'docker'
  | 'docker-compose'
  | 'helm'
  | 'terraform'
  | 'devcontainers'
  | 'gitsubmodule';

/** Values controls read when presets are selected; with several presets each is the maximum. */
export interface PresetSettings {
  /** Maturity level the preset recommends (the preset's controls are added whatever the level). */
  minimumLevel: Level;
  /** `retention-days` for build evidence uploaded as workflow artifacts (SBOMs, provenance). */
  artifactRetentionDays: number;
  /** `retention-days` for scan results uploaded as workflow artifacts (SARIF, reports). */
  scanResultRetentionDays: number;
  /** Approving reviews required on the default branch. */
  requiredReviewers: number;
}

export interface Repository {
  owner: string;
  name: string;
}

/** What the user chose (or accepted as defaults). Stored in `.secure-cncf.json`. */
export interface Answers {
  projectName: string;
  repository: Repository;
  languages: Language[];
  level: Level;
  compliance: string[];
  artifacts: Artifact[];
  defaultBranch: string;
  /** Write developer-portal metadata (Backstage catalog-info.yaml, TechDocs). */
  portal: boolean;
  /** How charts are published (when helm-charts are released); undefined means OCI. */
  chartPublishing?: ChartPublishing;
  /**
   * Commitments the security policy states. Absent: a new project's suggested defaults. Present
   * (retrofit of an existing repository): only the numbers the maintainers gave; none is invented.
   */
  policy?: SecurityCommitments;
}

export interface SecurityCommitments {
  /** Working days to acknowledge a report. */
  acknowledgeDays?: number;
  /** Days to a fix or mitigation for critical and high severity. */
  fixDays?: number;
}

/** What `detect` found in a directory. Paths are repository-relative with forward slashes. */
export interface RepoFacts {
  root: string;
  isEmpty: boolean;
  languages: Language[];
  /** Ecosystem -> production manifest directories as Dependabot wants them ("/" or "/sub/dir"). */
  manifests: Partial<Record<Ecosystem, string[]>>;
  /** Manifest directories of tests, examples, templates, dev containers and the like: reported, not covered. */
  otherManifests?: Partial<Record<Ecosystem, string[]>>;
  artifacts: Artifact[];
  remote?: Repository;
  /** The origin URL the remote was read from (named in messages when it is not a valid slug). */
  remoteUrl?: string;
  defaultBranch?: string;
  renovateConfig?: string;
  /** repository.status of an existing SECURITY-INSIGHTS.yml: kept, so re-runs do not flip it. */
  insightsStatus?: string;
  /** Go main packages per module directory ("/" -> [".", "cmd/widget"]): one GoReleaser build each. */
  goMains?: Record<string, string[]>;
  /** An existing GoReleaser configuration at the root (".goreleaser.yml", ...): edited, never duplicated. */
  goreleaserConfig?: string;
  /** Where the repository already publishes a chart index with chart-releaser (its config or workflow). */
  chartReleaser?: string;
  stored?: StoredState;
}

/** The answers and what was generated, persisted so later runs can re-use and upgrade. */
export interface StoredState {
  schemaVersion: 1;
  generator: { name: string; version: string };
  answers: Answers;
  /** Day (UTC, YYYY-MM-DD) of the first generation; dates inside generated files use it, so re-runs are byte-identical. */
  generatedOn?: string;
  /** path -> sha256 of the content this tool wrote there. */
  files: Record<string, string>;
  /** Planned path -> the user's file retrofit merged into instead (".github/dependabot.yml" -> ".github/dependabot.yaml"). */
  merged?: Record<string, string>;
}

/** Answers plus everything derived from them and the repository: the input of `plan`. */
export interface Profile {
  answers: Answers;
  facts: RepoFacts;
  /** Manifest directories per ecosystem, from detection (chosen languages only). */
  ecosystems: Partial<Record<Ecosystem, string[]>>;
  /** The chosen languages and artifact kinds the repository can build today (their manifests exist). */
  languages: Language[];
  artifacts: Artifact[];
  /** Chosen, but their manifest (go.mod, Dockerfile, ...) is not there yet: `upgrade` adds them later. */
  pending: { languages: Language[]; artifacts: Artifact[] };
  /** The generation date (YYYY-MM-DD) used inside generated files: see StoredState.generatedOn. */
  date: string;
}

export interface PlannedFile {
  path: string;
  content: string;
  /** Control ids that produced this file. */
  controls: string[];
  reason: string;
  /** The tool's own bookkeeping (the state file): always refreshed, never a user conflict. */
  toolOwned?: boolean;
}

export interface Plan {
  profile: Profile;
  files: PlannedFile[];
  /** Things the user should know that are not file changes (e.g. Renovate found, Dependabot skipped). */
  notes: string[];
}
