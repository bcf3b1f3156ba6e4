// Before the run: name every missing program once, with how to install it (the suites that need
// one fail with the same message).
import { PREREQUISITES, findProgram, missingMessage } from './helpers/prerequisites.js';

export default function setup(): void {
  const missing = Object.values(PREREQUISITES).filter((p) => !findProgram(p));
  if (missing.length === 0) return;
  process.stderr.write(`\nMissing test prerequisites (their suites will fail):\n${missing.map((p) => `  - ${missingMessage(p)}`).join('\n')}\n\n`);
}
