// Typed access to data/compliance-map.json: framework requirement ids (paraphrased titles) and
// the practice -> requirement mapping that presets and the compliance views are built from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../paths.js';

export interface FrameworkRequirement {
  title: string;
  /** NIST 800-53: the FedRAMP Rev5 baselines that include the control. */
  fedramp?: string[];
  /** NIST 800-53: one-line summary in plain words. */
  summary?: string;
  /** SSDF: practice or task. */
  kind?: string;
  futureDated?: boolean;
  supersededBy?: string;
  unverified?: boolean;
  note?: string;
}

export interface Framework {
  title: string;
  publisher?: string;
  /** The official publication (cited by the OSCAL catalogs in data/oscal/). */
  citation?: { text: string; href: string };
  requirements: Record<string, FrameworkRequirement>;
}

export interface Practice {
  title: string;
  /** Framework id -> requirement ids this practice helps satisfy. */
  maps: Record<string, string[]>;
  notes?: string;
}

export interface ComplianceMap {
  frameworks: Record<string, Framework>;
  practices: Record<string, Practice>;
}

const DEFAULT_FILE = path.join(dataDir, 'compliance-map.json');
let cached: ComplianceMap | undefined;

export function loadComplianceMap(file = DEFAULT_FILE): ComplianceMap {
  if (file === DEFAULT_FILE && cached) return cached;
  const map = JSON.parse(readFileSync(file, 'utf8')) as ComplianceMap;
  if (file === DEFAULT_FILE) cached = map;
  return map;
}

/** Whether `practiceId` is mapped to `requirementId` of `frameworkId` in the compliance map. */
export function practiceMapsTo(map: ComplianceMap, practiceId: string, frameworkId: string, requirementId: string): boolean {
  return map.practices[practiceId]?.maps[frameworkId]?.includes(requirementId) ?? false;
}
