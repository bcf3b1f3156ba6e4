import type { Control } from '../../catalog/types.js';
import type { Language, Profile } from '../../model.js';
import { fileIn, workflowData } from '../common.js';
import { evidence } from './evidence.js';
import { retrofit } from './retrofit.js';

/** CodeQL language identifiers and the build mode each one supports without project-specific steps. */
const CODEQL: Record<Language, { language: string; buildMode: 'none' | 'autobuild' }> = {
  go: { language: 'go', buildMode: 'autobuild' },
  rust: { language: 'rust', buildMode: 'none' },
  python: { language: 'python', buildMode: 'none' },
  javascript: { language: 'javascript-typescript', buildMode: 'none' },
  'java-maven': { language: 'java-kotlin', buildMode: 'none' },
  'java-gradle': { language: 'java-kotlin', buildMode: 'none' },
  cpp: { language: 'c-cpp', buildMode: 'autobuild' },
};

export function codeqlMatrix(profile: Profile): Array<{ language: string; buildMode: string }> {
  const entries = [{ language: 'actions', buildMode: 'none' }];
  // Only languages with code on disk: CodeQL fails a language it finds no code for.
  for (const language of profile.languages) {
    const entry = CODEQL[language];
    if (!entries.some((e) => e.language === entry.language)) entries.push(entry);
  }
  return entries;
}

export const sast: Control = {
  id: 'sast',
  title: 'Static analysis with CodeQL',
  why: 'Finds injection, unsafe deserialisation, path traversal and similar bugs in the code and in the workflows before they merge, on every pull request and weekly on the default branch.',
  level: 1,
  osps: ['OSPS-VM-06.02'],
  practices: ['sast'],
  outputs: ({ profile }) => {
    const goModule = profile.ecosystems.gomod?.[0];
    return [
      {
        path: '.github/workflows/codeql.yml',
        template: 'sast/codeql.yml.ejs',
        data: {
          ...workflowData(profile, 'codeql'),
          matrix: codeqlMatrix(profile),
          timeoutMinutes: profile.languages.includes('cpp') ? 120 : 60,
          setupGo: profile.languages.includes('go') && goModule ? fileIn(goModule, 'go.mod') : '',
          setupJava: profile.languages.some((l) => l === 'java-maven' || l === 'java-gradle'),
        },
      },
    ];
  },
  evidence,
  retrofit,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
