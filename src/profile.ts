import type { Answers, Artifact, Ecosystem, Language, Profile, RepoFacts } from './model.js';

/** The Dependabot ecosystems each language's manifests belong to. */
export const LANGUAGE_ECOSYSTEMS: Record<Language, Ecosystem[]> = {
  go: ['gomod'],
  rust: ['cargo'],
  python: ['pip', 'uv'],
  javascript: ['npm', 'bun'],
  'java-maven': ['maven'],
  'java-gradle': ['gradle'],
  cpp: [],
};

/** Whether the repository holds a manifest of the language (detection found it). */
function onDisk(language: Language, facts: RepoFacts): boolean {
  return facts.languages.includes(language) || LANGUAGE_ECOSYSTEMS[language].some((e) => facts.manifests[e]?.length);
}

/** Images need a Dockerfile and charts a Chart.yaml before a workflow can build them. */
function artifactOnDisk(artifact: Artifact, languages: Language[], facts: RepoFacts): boolean {
  if (artifact === 'container-images') return Boolean(facts.manifests.docker?.length);
  if (artifact === 'helm-charts') return Boolean(facts.manifests.helm?.length);
  return languages.length > 0;
}

/**
 * The date written into generated files: the first generation's (from the state file), else
 * SOURCE_DATE_EPOCH (the reproducible-builds convention), else today in UTC.
 */
export function generationDate(facts: RepoFacts, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  if (facts.stored?.generatedOn && /^\d{4}-\d{2}-\d{2}$/.test(facts.stored.generatedOn)) return facts.stored.generatedOn;
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return now.toISOString().slice(0, 10);
}

/**
 * Combine answers with what detection found. Only what the repository can run today is covered: a
 * chosen language whose manifest does not exist yet (a new repository) is pending, and every job
 * that would need the manifest (Dependabot, scanners, CodeQL, release builds, fuzzing) waits for it.
 */
export function buildProfile(answers: Answers, facts: RepoFacts, date: string = generationDate(facts)): Profile {
  const ecosystems: Partial<Record<Ecosystem, string[]>> = { 'github-actions': ['/'] };
  const languages = answers.languages.filter((language) => onDisk(language, facts));
  for (const language of languages) {
    for (const ecosystem of LANGUAGE_ECOSYSTEMS[language]) {
      if (facts.manifests[ecosystem]?.length) ecosystems[ecosystem] = facts.manifests[ecosystem] as string[];
    }
  }
  const artifacts = answers.artifacts.filter((artifact) => artifactOnDisk(artifact, languages, facts));
  const pending = {
    languages: answers.languages.filter((language) => !languages.includes(language)),
    artifacts: answers.artifacts.filter((artifact) => !artifacts.includes(artifact) && (artifact === 'container-images' || artifact === 'helm-charts')),
  };
  // Containers, charts, compose files and Terraform are only updatable where their files exist.
  for (const ecosystem of ['docker', 'docker-compose', 'helm', 'terraform'] as const) {
    if (facts.manifests[ecosystem]?.length) ecosystems[ecosystem] = facts.manifests[ecosystem] as string[];
  }
  return { answers, facts, ecosystems, languages, artifacts, pending, date };
}

/** Whether the project has one of the languages on disk (so its jobs can run). */
export function hasLanguage(profile: Profile, ...languages: Language[]): boolean {
  return profile.languages.some((l) => languages.includes(l));
}

/** Stable pseudo-random minute/hour from the repository name, so scheduled scans spread out. */
export function scheduleSlot(profile: Profile, salt: string): { minute: number; hour: number } {
  const key = `${profile.answers.repository.owner}/${profile.answers.repository.name}/${salt}`;
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return { minute: hash % 60, hour: Math.floor(hash / 60) % 24 };
}
