// Escaping for every format a user-supplied value can land in. Templates call these through
// the helpers object; nothing user-supplied is interpolated raw.
import { stringify } from 'yaml';

/**
 * A quoted YAML scalar that round-trips to exactly `value`, quoted the way prettier would print it
 * (double quotes, or single quotes when that avoids escaping a `"`), so generated YAML is already
 * prettier-clean.
 */
export function yamlString(value: string): string {
  const doubleQuoted = stringify(value, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();
  const inner = doubleQuoted.slice(1, -1);
  if (/\\[^"]/.test(inner) || !inner.includes('"')) return doubleQuoted;
  return `'${value.replaceAll("'", "''")}'`;
}

/** Inline Markdown text: backslash-escape the characters that start markup, and neutralise HTML. */
export function markdownText(value: string): string {
  return value
    .replace(/[\\`*_[\]#|~>]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A value inside a Markdown code span, using a fence longer than any backtick run in it. */
export function markdownCode(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}
