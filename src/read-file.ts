// Reading a repository file as text without being fooled by what sits at its path: only regular
// files are read (a FIFO would block forever, a device never end), never more than a size limit,
// and opening does not block (O_NONBLOCK) before the type is known.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Files larger than this are not read as text (generated bundles, data, binaries). */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** The file's text, or undefined when it is missing, not a regular file, too large or unreadable. */
export function readRegularFile(file: string, maxBytes = MAX_TEXT_BYTES): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
