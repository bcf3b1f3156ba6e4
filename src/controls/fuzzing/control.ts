import type { Control, ControlOutput } from '../../catalog/types.js';
import type { Language, Profile } from '../../model.js';
import { loadPins } from '../../pins.js';
import { toolVersions } from '../../tools.js';
import { retentionDays, workflowData, workingDir } from '../common.js';
import { evidence } from './evidence.js';

/**
 * cargo-fuzz release installed by the workflow (`cargo install --locked`; crates.io verifies the
 * crate's checksum). Verified in data/tool-versions.json, with its source.
 */
export const CARGO_FUZZ_VERSION = toolVersions().cargoFuzz;

/** Atheris (libFuzzer for Python) release with wheels for the Python version the workflow uses. */
export const ATHERIS_VERSION = toolVersions().atheris;

const FUZZ_LANGUAGES: Language[] = ['go', 'rust', 'cpp', 'python'];

/**
 * ClusterFuzzLite's actions (google/clusterfuzzlite/actions/{build_fuzzers,run_fuzzers}) are docker
 * actions whose image is a mutable tag (`clusterfuzzlite-build-fuzzers:v1`): pinning the action's
 * commit does not fix the code that runs. The generated workflow uses the toolchains' own fuzzers
 * instead, and the guide explains ClusterFuzzLite / OSS-Fuzz onboarding.
 */
export function clusterFuzzLiteRunsMutableImage(): boolean {
  const actions = loadPins().actions;
  return ['google/clusterfuzzlite/actions/build_fuzzers', 'google/clusterfuzzlite/actions/run_fuzzers'].every((name) => actions[name]?.runsUsing === 'docker');
}

function fuzzData(profile: Profile) {
  const languages = profile.languages;
  const goModules = languages.includes('go') ? (profile.ecosystems.gomod ?? []).map(workingDir) : [];
  const cargoCrates = languages.includes('rust') ? (profile.ecosystems.cargo ?? []).map(workingDir) : [];
  // Python and C/C++ targets are found by content anywhere in the repository, so one job each.
  return { goModules, cargoCrates, pythonFuzz: languages.includes('python'), cppFuzz: languages.includes('cpp') };
}

export const fuzzing: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 3',
  id: 'fuzzing',
  title: 'Continuous fuzzing',
  why: 'Feeds generated inputs to parsers and decoders until they crash, finding the memory-safety bugs, panics and hangs that reviews and unit tests miss, on every pull request and for longer every week.',
  level: 3,
  osps: [],
  practices: ['fuzzing'],
  appliesTo: (profile) => profile.languages.some((l) => FUZZ_LANGUAGES.includes(l)),
  outputs: (ctx) => {
    const { profile } = ctx;
    const { goModules, cargoCrates, pythonFuzz, cppFuzz } = fuzzData(profile);
    const hasWorkflow = goModules.length > 0 || cargoCrates.length > 0 || pythonFuzz || cppFuzz;
    const languages = profile.languages.filter((l) => FUZZ_LANGUAGES.includes(l));
    const outputs: ControlOutput[] = [
      {
        path: 'docs/security/fuzzing.md',
        template: 'fuzzing/fuzzing.md.ejs',
        data: {
          projectName: profile.answers.projectName,
          languages,
          hasWorkflow,
          goModules,
          cargoCrates,
          cargoFuzzVersion: CARGO_FUZZ_VERSION,
        },
      },
    ];
    if (hasWorkflow) {
      outputs.push({
        path: '.github/workflows/fuzzing.yml',
        template: 'fuzzing/fuzzing.yml.ejs',
        data: {
          ...workflowData(profile, 'fuzzing'),
          goModules,
          cargoCrates,
          pythonFuzz,
          cppFuzz,
          cargoFuzzVersion: CARGO_FUZZ_VERSION,
          atherisVersion: ATHERIS_VERSION,
          // crashing inputs are scan results: kept as long as a compliance preset asks
          retentionDays: retentionDays(ctx, 'scan-result', 14),
        },
      });
    }
    return outputs;
  },
};
