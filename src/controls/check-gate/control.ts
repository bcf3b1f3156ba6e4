import type { Control } from '../../catalog/types.js';
import type { Profile } from '../../model.js';
import { loadPins, pinUsable, usesRef, type PinTable } from '../../pins.js';
import { workflowData } from '../common.js';
import { evidence } from './evidence.js';
import { CHECK_ACTION, CHECK_GATE_PATH } from './names.js';

export { CHECK_ACTION };

/**
 * Why the gate waits. It runs the secure-cncf action by the commit SHA of a release tag (the
 * bundle travels in the tag, ADR 0015). Without such a pin the only other way to run the tool in
 * CI is to install it by package name, and whoever controls that name would run code with the
 * gate's `security-events: write` token, so nothing is written instead.
 */
export const CHECK_GATE_PENDING =
  `This version's pin table records no release of the secure-cncf action (${CHECK_ACTION}), and the gate never installs the tool by package name (whoever holds the name would run code with the gate's token). ` +
  'Once a secure-cncf release pins its action, `npx create-secure-cncf@latest upgrade` adds the gate.';

/** Template data: the action's pinned `uses:` value (the table must record a release of it). */
export function checkGateData(profile: Profile, table: PinTable = loadPins()): Record<string, unknown> {
  return {
    ...workflowData(profile, 'secure-cncf-check'),
    checkAction: usesRef(CHECK_ACTION, table),
  };
}

/**
 * The control over a pin table (tests pass a stand-in with a release of the action): pending
 * while the table has no usable pin for the action, generated with it by SHA once it has.
 */
export function makeCheckGate(pins: () => PinTable = () => loadPins()): Control {
  return {
    id: 'check-gate',
    title: 'secure-cncf check on every pull request',
    why: 'Keeps the level from eroding: a change that deletes a security workflow, unpins an action or widens token permissions fails a check and shows up in code scanning, instead of being noticed at the next audit.',
    level: 2,
    osps: [],
    practices: [],
    pending: () => (pinUsable(CHECK_ACTION, pins()) ? undefined : CHECK_GATE_PENDING),
    outputs: ({ profile }) => [
      {
        path: CHECK_GATE_PATH,
        template: 'check-gate/secure-cncf-check.yml.ejs',
        data: checkGateData(profile, pins()),
      },
    ],
    evidence,
    fix: 'npx create-secure-cncf retrofit --level 2',
  };
}

export const checkGate: Control = makeCheckGate();
