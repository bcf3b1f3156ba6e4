// Workflows parsed while git is still listing a large tree. Node has little else to do then (the
// rest of a check needs the listing), and parsing YAML is the largest fixed cost of a check. What
// is parsed here is only a cache: RepoView takes a workflow from it when the file is in the
// listing and reads the same text as was parsed, so the listing still decides what is a workflow.
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from '../read-file.js';
import { parseWorkflow, type ParsedWorkflow } from './workflow.js';

export interface EarlyWorkflow {
  readonly text: string;
  readonly workflow: ParsedWorkflow;
}

/** Repository-relative path -> the text parsed and its workflow. */
export type EarlyWorkflows = ReadonlyMap<string, EarlyWorkflow>;

const WORKFLOWS_DIR = '.github/workflows';
/** Larger files are left to RepoView, which reads up to its own limit. */
const MAX_EARLY_BYTES = 1024 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A directory of the repository reached without following a symlink. */
function plainDirectory(root: string, relative: string): boolean {
  let at = root;
  for (const part of relative.split('/')) {
    at = path.join(at, part);
    try {
      if (!lstatSync(at).isDirectory()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Parses `.github/workflows/*.y(a)ml` one file per turn of the event loop (so git's exit is noticed
 * between files), until `pending` settles: what is left then is parsed when it is asked for.
 */
export async function parseWorkflowsWhile(root: string, pending: Promise<unknown>): Promise<EarlyWorkflows> {
  const parsed = new Map<string, EarlyWorkflow>();
  let settled = false;
  const settle = () => {
    settled = true;
  };
  pending.then(settle, settle);
  if (!plainDirectory(root, WORKFLOWS_DIR)) return parsed;
  let names: string[];
  try {
    names = readdirSync(path.join(root, WORKFLOWS_DIR), { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return parsed;
  }
  for (const name of names) {
    await nextTurn();
    if (settled) break;
    const file = `${WORKFLOWS_DIR}/${name}`;
    const text = readRegularFile(path.join(root, file), MAX_EARLY_BYTES);
    if (text !== undefined) parsed.set(file, { text, workflow: parseWorkflow(file, text) });
  }
  return parsed;
}
