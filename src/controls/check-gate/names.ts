/** This project's GitHub Action (action.yml at the repository root), by its GitHub name. */
export const CHECK_ACTION = 'secure-cncf/create-secure-cncf';

/** Where the gate is written. */
export const CHECK_GATE_PATH = '.github/workflows/secure-cncf-check.yml';

/**
 * How versions before the action was pinned ran the tool in the gate: `npx --yes
 * create-secure-cncf@<version>`, a package name whoever registers it controls.
 */
export const INSTALL_BY_NAME = /\bnpx\s+(?:--yes\s+|-y\s+)?create-secure-cncf@/;
