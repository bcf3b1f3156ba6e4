import { LANGUAGES, LEVELS, LEVEL_NAMES, ARTIFACTS } from '../model.js';
import { PRESET_IDS } from '../presets.js';
import { EXIT_STATUS_HELP } from './exit-status.js';

export function helpText(version: string): string {
  const levels = LEVELS.map((l) => `${l}|${LEVEL_NAMES[l]}`).join(', ');
  return `create-secure-cncf ${version}
Generate a hardened secure-development setup for a cloud-native open-source project.

Usage
  npm create secure-cncf@latest [directory] [-- options]
  secure-cncf [create] [directory] [options]

The directory defaults to the root of the git repository you are in (GitHub runs workflows only
from there); a directory inside a repository but not its root is refused.

Without --yes it asks each question (answers default to what it detects in the directory and to
earlier answers stored in .secure-cncf.json), then each change to an existing file, and writes
only after the last answer. With --yes it takes the defaults and the flags.

Options
  --name <text>            project name (default: the repository's name, else the package or
                           directory name)
  --repo <owner/name>      GitHub repository, or its https:// or git@ URL (default: from the
                           "origin" remote)
  -l, --language <list>    ${LANGUAGES.join(', ')} (comma-separated or repeated)
  --level <level>          maturity level: ${levels} (default 1)
  --compliance <list>      ${PRESET_IDS.join(', ')}, or none
  --artifacts <list>       release artifacts: ${ARTIFACTS.join(', ')}, or none
  --branch <name>          default branch (default: detected, else main)
  --portal, --no-portal    developer-portal metadata: Backstage catalog-info.yaml, TechDocs
                           (default: on from level 2 in a new project; off in an existing one)
  --charts <how>           Helm chart publishing: oci (GHCR, cosign-signed; default) or chart-releaser
                           (GitHub Pages index; the default where the repository already uses it)
  --ack-days <n|none>      working days to acknowledge a vulnerability report, stated in SECURITY.md
  --fix-days <n|none>      days to fix critical and high severity issues, stated in SECURITY.md
                           (default: earlier answers, else none: SECURITY.md states no numbers)
  -y, --yes                non-interactive: take detected defaults and the flags above
  --dry-run                print every planned file (new content or unified diff); write nothing
  --conflict <policy>      existing file that differs: skip (default; kept and reported), overwrite, fail
  --force                  same as --conflict overwrite
  --interactive            ask even when stdin is not a terminal
  --list-presets           list the maturity levels and compliance presets, one line each
  -h, --help               show this help
  -v, --version            print the version

${EXIT_STATUS_HELP}`;
}
