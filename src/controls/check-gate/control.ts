import type { Control } from '../../catalog/types.js';
import type { Profile } from '../../model.js';
import { loadPins, usesRef, type PinTable } from '../../pins.js';
import { generatorInfo } from '../../version.js';
import { workflowData } from '../common.js';
import { evidence } from './evidence.js';

/** Node.js major the audit runs on (the package supports >= 20.17). */
export const CHECK_NODE_VERSION = '22';

/** This project's GitHub Action (action.yml at the repository root). */
export const CHECK_ACTION = 'secure-cncf/create-secure-cncf';

/**
 * The gate runs the secure-cncf action by commit SHA once the pin table records a release of it
 * (resolved from the release tag like every other action, and refreshed by `pins --update`).
 * Until then there is no SHA to use, and none is made up: the gate keeps running the package at
 * this version.
 */
export function checkGateData(profile: Profile, table: PinTable = loadPins()): Record<string, unknown> {
  const { name, version } = generatorInfo();
  return {
    ...workflowData(profile, 'secure-cncf-check'),
    checkPackage: `${name}@${version}`,
    nodeVersion: CHECK_NODE_VERSION,
    checkAction: table.actions[CHECK_ACTION] ? usesRef(CHECK_ACTION, table) : undefined,
  };
}

export const checkGate: Control = {
  id: 'check-gate',
  title: 'secure-cncf check on every pull request',
  why: 'Keeps the level from eroding: a change that deletes a security workflow, unpins an action or widens token permissions fails a check and shows up in code scanning, instead of being noticed at the next audit.',
  level: 2,
  osps: [],
  practices: [],
  outputs: ({ profile }) => [
    {
      path: '.github/workflows/secure-cncf-check.yml',
      template: 'check-gate/secure-cncf-check.yml.ejs',
      data: checkGateData(profile),
    },
  ],
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 2',
};
