// Reading a repository file without being fooled by what sits at its path: only regular files are
// read (a FIFO would block forever, a device never end), never more than a size limit, and opening
// does not block (O_NONBLOCK) before the type is known. Text that is to be edited must be valid
// UTF-8: decoding anything else would replace bytes with U+FFFD, and writing it back would
// corrupt the file, so such files are refused (and left untouched) instead.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from './errors.js';

/** Files larger than this are not read as text (generated bundles, data, binaries). */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** Files this tool edits (workflows, dependabot.yml, its own state) may be large, but not unbounded. */
export const MAX_EDIT_BYTES = 64 * 1024 * 1024;

export type ReadResult =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'not-regular'; what: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; code: string };

/** What a non-regular file is, in words for a message. */
export function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** The bytes of a regular file, or why there are none. Never blocks on a FIFO or device. */
export function readRegularBytes(file: string, maxBytes = MAX_TEXT_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-regular', what: fileKind(stat) };
    if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { kind: 'ok', bytes: buffer.subarray(0, read) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'not-regular', what: 'a directory' };
    return { kind: 'unreadable', code };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of bytes that are valid UTF-8 (a byte-order mark is kept), else undefined. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The file's text, or undefined when it is missing, not a regular file, too large or unreadable. */
export function readRegularFile(file: string, maxBytes = MAX_TEXT_BYTES): string | undefined {
  const result = readRegularBytes(file, maxBytes);
  return result.kind === 'ok' ? result.bytes.toString('utf8') : undefined;
}

/**
 * The text of a file this tool may edit or must trust: undefined when missing; an InputError
 * naming `label` when it is not a regular file, too large, unreadable or not valid UTF-8. The
 * returned text encodes back to exactly the bytes on disk.
 */
export function readEditableText(file: string, label: string, maxBytes = MAX_EDIT_BYTES): string | undefined {
  const result = readRegularBytes(file, maxBytes);
  switch (result.kind) {
    case 'missing':
      return undefined;
    case 'not-regular':
      throw new InputError(`${label} is ${result.what}, not a regular file; it was not read (replace it with a regular file or remove it).`);
    case 'too-large':
      throw new InputError(`${label} is ${(result.size / 1024 / 1024).toFixed(1)} MB, over the ${maxBytes / 1024 / 1024} MB this tool reads; left untouched.`);
    case 'unreadable':
      throw new InputError(`${label} cannot be read (${result.code}); left untouched.`);
    case 'ok': {
      const text = decodeUtf8(result.bytes);
      if (text === undefined) {
        const at = firstInvalidUtf8(result.bytes);
        throw new InputError(`${label} is not valid UTF-8 (first bad byte at offset ${at}, line ${lineAtByte(result.bytes, at)}); it was left untouched so no byte is re-encoded. Convert it to UTF-8 to have it edited.`);
      }
      return text;
    }
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) [need, min, max] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, max] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return i;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
