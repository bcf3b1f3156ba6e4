import type { Answers, Ecosystem, Language, Profile, RepoFacts } from './model.js';

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

/** Ecosystem a chosen language gets when nothing is on disk yet (a new project). */
const DEFAULT_ECOSYSTEM: Record<Language, Ecosystem | undefined> = {
  go: 'gomod',
  rust: 'cargo',
  python: 'pip',
  javascript: 'npm',
  'java-maven': 'maven',
  'java-gradle': 'gradle',
  cpp: undefined,
};

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

/** Combine answers with what detection found: manifest directories per ecosystem to cover. */
export function buildProfile(answers: Answers, facts: RepoFacts, date: string = generationDate(facts)): Profile {
  const ecosystems: Partial<Record<Ecosystem, string[]>> = { 'github-actions': ['/'] };
  for (const language of answers.languages) {
    const detected = LANGUAGE_ECOSYSTEMS[language].filter((e) => facts.manifests[e]?.length);
    if (detected.length > 0) {
      for (const ecosystem of detected) ecosystems[ecosystem] = facts.manifests[ecosystem] as string[];
    } else {
      const fallback = DEFAULT_ECOSYSTEM[language];
      if (fallback) ecosystems[fallback] = ['/'];
    }
  }
  // Containers and charts are only updatable where their files exist.
  for (const ecosystem of ['docker', 'helm'] as const) {
    if (facts.manifests[ecosystem]?.length) ecosystems[ecosystem] = facts.manifests[ecosystem] as string[];
  }
  return { answers, facts, ecosystems, date };
}

export function hasLanguage(profile: Profile, ...languages: Language[]): boolean {
  return profile.answers.languages.some((l) => languages.includes(l));
}

/** Stable pseudo-random minute/hour from the repository name, so scheduled scans spread out. */
export function scheduleSlot(profile: Profile, salt: string): { minute: number; hour: number } {
  const key = `${profile.answers.repository.owner}/${profile.answers.repository.name}/${salt}`;
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return { minute: hash % 60, hour: Math.floor(hash / 60) % 24 };
}
