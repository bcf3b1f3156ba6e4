// A workflow GitHub runs though strict YAML rejects it (a quoted value continued on an
// under-indented line). An edit is checked by re-parsing the result, which cannot work here, so
// the file is left byte for byte; the report names the line and the changes it would have got.
import { githubReading } from '../evidence/yaml-lenient.js';
import { underIndented } from '../evidence/workflow.js';
import type { PinTable } from '../pins.js';
import type { Finding } from './types.js';
import { hardenWorkflow } from './workflow-harden.js';
import { EditError } from './yaml-doc.js';

/** The warning for such a workflow, or undefined when strict YAML rejects it for another reason. */
export function lenientWorkflowFinding(path: string, text: string, table: PinTable, alsoWanted: string[] = []): Finding | undefined {
  const reading = githubReading(text);
  if (!reading) return undefined;
  let wanted = [...alsoWanted];
  try {
    wanted = [...wanted, ...hardenWorkflow(path, reading.text, table).changes];
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
  }
  const first = reading.repairs[0]!;
  const lines = reading.repairs.flatMap((r) => r.continuations);
  return {
    path,
    line: first.line,
    level: 'warning',
    message: `${underIndented(first.continuations)}; not edited, because an edit to it cannot be verified by parsing the result${wanted.length ? `. It would get: ${wanted.join('; ')}` : ''}`,
    fix: `indent line${lines.length === 1 ? '' : 's'} ${lines.join(', ')} under the key, then run retrofit again${wanted.length ? ' (it then makes those changes)' : ''}`,
  };
}
