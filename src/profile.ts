import type { Answers, Ecosystem, Language, Profile, RepoFacts } from './model.js';

const LANGUAGE_ECOSYSTEMS: Record<Language, Ecosystem[]> = {
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

/** Combine answers with what detection found: manifest directories per ecosystem to cover. */
export function buildProfile(answers: Answers, facts: RepoFacts): Profile {
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
  return { answers, facts, ecosystems };
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
