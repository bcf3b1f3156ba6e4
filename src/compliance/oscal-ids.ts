// Identifiers shared by the OSCAL documents the generator writes (component definition and the
// catalogs of ours): the OSCAL version, name-based UUIDs and requirement ids as OSCAL tokens.
import { createHash } from 'node:crypto';
import type { Preset } from '../presets.js';

/** Namespace of this tool's name-based UUIDs (a fixed random UUID; never change it). */
export const UUID_NAMESPACE = 'eecc6df3-78de-416f-afe5-ba985b0db07c';
export const OSCAL_VERSION = '1.1.3';

/** RFC 4122 version-5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The requirement id as an OSCAL token (letter first; letters, digits, ".", "-", "_"):
 * "nist" style follows the NIST OSCAL catalog (AC-6(1) -> ac-6.1); "plain" lower-cases,
 * turns "(x)" into ".x" and adds the preset's prefix (PCI 6.3.1 -> req-6.3.1).
 */
export function oscalControlId(preset: Pick<Preset, 'oscal'>, requirementId: string): string {
  const base = requirementId
    .toLowerCase()
    .replace(/\(([^)]+)\)/g, '.$1')
    .replace(/[^a-z0-9._-]+/g, '-');
  return `${preset.oscal.controlIdStyle === 'nist' ? '' : preset.oscal.controlIdPrefix}${base}`;
}

