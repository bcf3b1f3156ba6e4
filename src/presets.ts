// Compliance presets: presets/<id>.yaml name the requirements of one framework in
// data/compliance-map.json, the practices that address each one (the generator adds every control
// implementing them, whatever the level) and what the organisation must do itself. They are
// validated when loaded; a typo is a load error naming the file and the key, never a silent skip.
// The checks mirror presets/preset.schema.json (tests validate the files against both) plus the
// cross-file checks a schema cannot express; ajv is a devDependency, so nothing here needs it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Control } from './catalog/types.js';
import { LEVELS, LEVEL_NAMES, type Level, type PresetSettings } from './model.js';

export type { PresetSettings };
import { presetsDir } from './paths.js';
import { loadComplianceMap, practiceMapsTo, type ComplianceMap } from './compliance/map.js';
import { controlsAtRecommendedLevel, headlineText, presetHeadline } from './compliance/headline.js';

/**
 * Compliance presets the generator knows, in display order. Kept in step with presets/*.yaml by
 * test/presets.test.ts (a preset file without an id here, or an id without a file, fails it).
 */
export const PRESET_IDS = ['pci-dss-4.0.1', 'fedramp-moderate', 'fedramp-high', 'nist-ssdf-1.1', 'eu-cra', 'soc2', 'iso27001-2022'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetRequirement {
  id: string;
  /** Paraphrased title from data/compliance-map.json. */
  title: string;
  /** Practice ids (data/compliance-map.json) that help satisfy the requirement. */
  practices: string[];
  /** True when no generated file addresses the requirement. */
  organisational: boolean;
  /** What the organisation must do itself (may be empty for requirements a control fully evidences). */
  checklist: string[];
}

export interface PresetOscal {
  /** Public OSCAL catalog or profile the control ids refer to; undefined: the catalog this package ships (data/oscal/). */
  source?: string;
  controlIdStyle: 'nist' | 'plain';
  controlIdPrefix: string;
}

export interface Preset {
  id: string;
  title: string;
  framework: string;
  frameworkTitle: string;
  /** YYYY-MM-DD the mapping was last reviewed. */
  reviewed: string;
  settings: PresetSettings;
  oscal: PresetOscal;
  requirements: PresetRequirement[];
  /** The file it was loaded from. */
  file: string;
}

export class PresetError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid compliance preset${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PresetError';
    this.problems = problems;
  }
}

const TOP_KEYS = ['id', 'title', 'framework', 'reviewed', 'settings', 'oscal', 'requirements'] as const;
const REQUIRED_TOP_KEYS = ['id', 'title', 'framework', 'reviewed', 'settings', 'requirements'] as const;
const SETTING_RANGES: Record<keyof PresetSettings, [number, number]> = {
  minimumLevel: [1, 3],
  artifactRetentionDays: [1, 90],
  scanResultRetentionDays: [1, 90],
  requiredReviewers: [0, 6],
};
const OSCAL_KEYS = ['source', 'controlIdStyle', 'controlIdPrefix'] as const;
const REQUIREMENT_KEYS = ['practices', 'organisational', 'checklist'] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `requirements."6.3.1".practices[0]`: the path of a key as a reader finds it in the file. */
function keyPath(...parts: Array<string | number>): string {
  return parts
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const text = /^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? part : JSON.stringify(part);
      return index === 0 ? text : `.${text}`;
    })
    .join('')
    .replace(/\.\[/g, '[');
}

function unknownKeys(value: Json, allowed: readonly string[], at: string[], report: (key: string, message: string) => void): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      report(keyPath(...at, key), `unknown key (allowed: ${allowed.join(', ')})`);
    }
  }
}

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Validate one parsed preset. `file` names it in messages. Returns the preset, or the problems
 * (each "<file>: <key>: <message>").
 */
export function validatePreset(
  raw: unknown,
  file: string,
  map: ComplianceMap = loadComplianceMap(),
): { preset?: Preset; problems: string[] } {
  const problems: string[] = [];
  const report = (key: string, message: string) => problems.push(`${file}: ${key}: ${message}`);

  if (!isObject(raw)) {
    problems.push(`${file}: expected a mapping with keys ${REQUIRED_TOP_KEYS.join(', ')}`);
    return { problems };
  }
  unknownKeys(raw, TOP_KEYS, [], report);
  for (const key of REQUIRED_TOP_KEYS) if (!(key in raw)) report(key, 'missing required key');

  const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
  if ('id' in raw) {
    if (typeof raw.id !== 'string' || !/^[a-z0-9][a-z0-9.-]*$/.test(raw.id)) report('id', 'must be a lower-case id like "pci-dss-4.0.1"');
    else if (raw.id !== expectedId) report('id', `"${raw.id}" does not match the file name (expected "${expectedId}")`);
  }
  if ('title' in raw && (typeof raw.title !== 'string' || raw.title.trim() === '')) report('title', 'must be a non-empty string');

  const frameworkId = typeof raw.framework === 'string' ? raw.framework : undefined;
  const framework = frameworkId ? map.frameworks[frameworkId] : undefined;
  if ('framework' in raw && !framework) {
    report('framework', `unknown framework ${JSON.stringify(raw.framework)} (known: ${Object.keys(map.frameworks).join(', ')})`);
  }
  if ('reviewed' in raw && (typeof raw.reviewed !== 'string' || !isValidDate(raw.reviewed))) {
    report('reviewed', 'must be a date written as "YYYY-MM-DD" (quoted)');
  }

  const settings = {} as PresetSettings;
  if ('settings' in raw) {
    if (!isObject(raw.settings)) report('settings', 'must be a mapping');
    else {
      const keys = Object.keys(SETTING_RANGES) as Array<keyof PresetSettings>;
      unknownKeys(raw.settings, keys, ['settings'], report);
      for (const key of keys) {
        const value = raw.settings[key];
        const [min, max] = SETTING_RANGES[key];
        if (value === undefined) report(keyPath('settings', key), 'missing required key');
        else if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
          report(keyPath('settings', key), `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
        } else (settings as unknown as Record<string, number>)[key] = value;
      }
    }
  }

  const oscal: PresetOscal = { controlIdStyle: 'plain', controlIdPrefix: '' };
  if ('oscal' in raw) {
    if (!isObject(raw.oscal)) report('oscal', 'must be a mapping');
    else {
      unknownKeys(raw.oscal, OSCAL_KEYS, ['oscal'], report);
      const { source, controlIdStyle, controlIdPrefix } = raw.oscal;
      if (source !== undefined) {
        if (typeof source !== 'string' || source.trim() === '') report('oscal.source', 'must be a non-empty string');
        else oscal.source = source;
      }
      if (controlIdStyle !== undefined) {
        if (controlIdStyle !== 'nist' && controlIdStyle !== 'plain') report('oscal.controlIdStyle', 'must be "nist" or "plain"');
        else oscal.controlIdStyle = controlIdStyle;
      }
      if (controlIdPrefix !== undefined) {
        if (typeof controlIdPrefix !== 'string' || !/^[a-z][a-z0-9.-]*$/.test(controlIdPrefix)) {
          report('oscal.controlIdPrefix', 'must start with a lower-case letter and use only a-z, 0-9, "." and "-"');
        } else oscal.controlIdPrefix = controlIdPrefix;
      }
    }
  }

  const requirements: PresetRequirement[] = [];
  if ('requirements' in raw) {
    if (!isObject(raw.requirements) || Object.keys(raw.requirements).length === 0) {
      report('requirements', 'must be a non-empty mapping of requirement id -> { practices | organisational, checklist }');
    } else {
      for (const [id, entry] of Object.entries(raw.requirements)) {
        const at = ['requirements', id];
        const known = framework?.requirements[id];
        if (framework && !known) {
          report(keyPath(...at), `unknown requirement id for framework ${frameworkId} (see data/compliance-map.json)`);
        }
        if (!isObject(entry)) {
          report(keyPath(...at), 'must be a mapping with practices, or organisational: true and a checklist');
          continue;
        }
        unknownKeys(entry, REQUIREMENT_KEYS, at, report);
        const practices: string[] = [];
        if ('practices' in entry) {
          if (!Array.isArray(entry.practices) || entry.practices.length === 0) {
            report(keyPath(...at, 'practices'), 'must be a non-empty list of practice ids');
          } else {
            entry.practices.forEach((practice: unknown, index: number) => {
              const where = keyPath(...at, 'practices', index);
              if (typeof practice !== 'string') return report(where, 'must be a practice id string');
              if (!map.practices[practice]) {
                return report(where, `unknown practice "${practice}" (known: ${Object.keys(map.practices).join(', ')})`);
              }
              if (practices.includes(practice)) return report(where, `"${practice}" is listed twice`);
              if (frameworkId && known && !practiceMapsTo(map, practice, frameworkId, id)) {
                return report(where, `practice "${practice}" is not mapped to ${frameworkId} ${id} in data/compliance-map.json`);
              }
              practices.push(practice);
            });
          }
        }
        const organisational = entry.organisational === true;
        if ('organisational' in entry && entry.organisational !== true) {
          report(keyPath(...at, 'organisational'), 'may only be true (omit it when practices address the requirement)');
        }
        const checklist: string[] = [];
        if ('checklist' in entry) {
          if (!Array.isArray(entry.checklist) || entry.checklist.length === 0) {
            report(keyPath(...at, 'checklist'), 'must be a non-empty list of strings');
          } else {
            entry.checklist.forEach((item: unknown, index: number) => {
              if (typeof item !== 'string' || item.trim() === '') report(keyPath(...at, 'checklist', index), 'must be a non-empty string');
              else checklist.push(item.trim());
            });
          }
        }
        if ('practices' in entry && 'organisational' in entry) {
          report(keyPath(...at), 'has both practices and organisational: true; use one');
        } else if (!('practices' in entry) && !organisational) {
          report(keyPath(...at), 'needs practices, or organisational: true with a checklist');
        } else if (organisational && !('checklist' in entry)) {
          report(keyPath(...at), 'organisational: true needs a checklist of what the organisation must do');
        }
        requirements.push({ id, title: known?.title ?? '', practices, organisational, checklist });
      }
    }
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    preset: {
      id: raw.id as string,
      title: raw.title as string,
      framework: frameworkId as string,
      frameworkTitle: framework!.title,
      reviewed: raw.reviewed as string,
      settings,
      oscal,
      requirements,
      file,
    },
  };
}

/** Parse one preset file; YAML errors and unquoted numeric requirement ids are problems too. */
export function readPresetFile(file: string, map: ComplianceMap = loadComplianceMap()): { preset?: Preset; problems: string[] } {
  const name = path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((error) => `${name}: ${error.message.split('\n')[0]}`) };
  }
  const problems: string[] = [];
  const requirements = isMap(doc.contents) ? doc.contents.get('requirements', true) : undefined;
  if (isMap(requirements)) {
    for (const item of requirements.items) {
      if (isScalar(item.key) && typeof item.key.value !== 'string') {
        problems.push(`${name}: requirements.${String(item.key.value)}: quote requirement ids ("${String(item.key.source ?? item.key.value)}"); unquoted they are read as numbers`);
      }
    }
  }
  const result = validatePreset(doc.toJS(), name, map);
  return problems.length > 0 ? { problems: [...problems, ...result.problems] } : result;
}

let cached: Preset[] | undefined;

/**
 * Every presets/*.yaml, validated, in PRESET_IDS order (others after, by id). Throws a PresetError
 * listing every problem in every file.
 */
export function loadPresets(dir: string = presetsDir): Preset[] {
  const isDefault = dir === presetsDir;
  if (isDefault && cached) return cached;
  const map = loadComplianceMap();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const presets: Preset[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const result = readPresetFile(path.join(dir, name), map);
    problems.push(...result.problems);
    if (result.preset) presets.push(result.preset);
  }
  if (problems.length > 0) throw new PresetError(problems);
  const order = (id: string) => {
    const index = (PRESET_IDS as readonly string[]).indexOf(id);
    return index === -1 ? PRESET_IDS.length : index;
  };
  presets.sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
  if (isDefault) cached = presets;
  return presets;
}

/** The presets with these ids, in the order given; an unknown id is an error naming the valid ones. */
export function getPresets(ids: readonly string[], presets: readonly Preset[] = loadPresets()): Preset[] {
  return ids.map((id) => {
    const preset = presets.find((p) => p.id === id);
    if (!preset) throw new PresetError([`unknown compliance preset "${id}" (known: ${presets.map((p) => p.id).join(', ')})`]);
    return preset;
  });
}

/** Catalog controls that implement at least one of the requirement's practices, in catalog order. */
export function controlsForRequirement(requirement: PresetRequirement, catalog: readonly Control[]): Control[] {
  return catalog.filter((control) => control.practices.some((practice) => requirement.practices.includes(practice)));
}

/**
 * Ids of the catalog controls the presets' requirements need (requirements -> practices ->
 * controls declaring those practices). The generator adds these whatever the level; appliesTo
 * still decides whether a control makes sense for the project.
 */
export function requiredControlIds(presetIds: readonly string[], catalog: readonly Control[]): Set<string> {
  const practices = new Set<string>();
  for (const preset of getPresets(presetIds)) {
    for (const requirement of preset.requirements) for (const practice of requirement.practices) practices.add(practice);
  }
  return new Set(catalog.filter((control) => control.practices.some((p) => practices.has(p))).map((control) => control.id));
}

/** The selected presets' settings merged (the maximum of each); undefined when none is selected. */
export function presetSettings(presetIds: readonly string[]): PresetSettings | undefined {
  const presets = getPresets(presetIds);
  if (presets.length === 0) return undefined;
  const merged = { ...presets[0]!.settings };
  for (const preset of presets.slice(1)) {
    for (const key of Object.keys(merged) as Array<keyof PresetSettings>) {
      (merged as unknown as Record<string, number>)[key] = Math.max(merged[key], preset.settings[key]);
    }
  }
  return merged;
}

/**
 * Requirements a project would leave unaddressed: no catalog control implements any of their
 * practices and there is no checklist telling the organisation what to do. Must be empty.
 */
export function unaddressedRequirements(preset: Preset, catalog: readonly Control[]): string[] {
  return preset.requirements
    .filter((r) => r.checklist.length === 0 && controlsForRequirement(r, catalog).length === 0)
    .map((r) => r.id);
}

/**
 * `--list-presets`: the maturity levels and the compliance presets, one line each. With a
 * catalog, each level lists the controls it adds and each preset gives the share of its
 * requirements the generated controls can evidence at its recommended level.
 */
export function listPresetsText(catalog?: readonly Control[]): string {
  const lines: string[] = ['Maturity levels (--level):'];
  for (const level of LEVELS) {
    const controls = catalog?.filter((control) => control.level === level).map((control) => control.id) ?? [];
    const adds = catalog ? (controls.length > 0 ? `adds ${controls.join(', ')}` : 'adds no controls yet') : '';
    lines.push(`  ${String(level)}  ${LEVEL_NAMES[level].padEnd(10)}  ${adds}`.trimEnd());
  }
  lines.push('', 'Compliance presets (--compliance):');
  const presets = loadPresets();
  const width = Math.max(...presets.map((p) => p.id.length));
  for (const preset of presets) {
    const total = preset.requirements.length;
    const organisational = preset.requirements.filter((r) => r.organisational).length;
    // The same number as `check` and the preset documents (src/compliance/headline.ts), for the
    // controls the preset brings at its recommended level.
    const counts = catalog
      ? `${headlineText(presetHeadline(preset, controlsAtRecommendedLevel(preset, catalog)))} at level ${preset.settings.minimumLevel}`
      : `${total} requirements, ${organisational} organisational`;
    lines.push(`  ${preset.id.padEnd(width)}  ${preset.title}: ${counts}; recommends level ${preset.settings.minimumLevel}+`);
  }
  return `${lines.join('\n')}\n`;
}
