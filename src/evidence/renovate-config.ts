// A Renovate config as Renovate reads it: JSON5 (comments, trailing commas, single quotes, escapes
// JSON rejects such as "\d", hex numbers, Infinity, line continuations). One reader for every
// command, so `check` and `retrofit` agree on whether a config can be read at all.
import { parse } from 'json5';

export type RenovateConfigRead =
  | { ok: true; config: Record<string, unknown> }
  | { ok: false; reason: string; line?: number | undefined };

export function readRenovateConfig(text: string): RenovateConfigRead {
  let value: unknown;
  try {
    // A BOM is not JSON5 whitespace; editors on Windows write one.
    value = parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = (error as { lineNumber?: unknown }).lineNumber;
    const reason = (error as Error).message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    return { ok: false, reason, line: typeof line === 'number' ? line : undefined };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'the top level is not an object', line: 1 };
  }
  return { ok: true, config: value as Record<string, unknown> };
}
