// On-disk HTTP cache for GET responses, keyed by URL: one JSON file per URL, named by its SHA-256.
// The client sends the stored ETag as If-None-Match; a 304 reuses the body (and does not count
// against GitHub's primary rate limit). Each entry is written as soon as it arrives (temp file,
// then rename), so an interrupted run resumes with everything fetched so far.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CachedResponse {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** The Link header, so a cached page still knows its next page. */
  link?: string | undefined;
  body: string;
}

export interface ResponseCache {
  get(url: string): CachedResponse | undefined;
  set(entry: CachedResponse): void;
}

export function cacheFileName(url: string): string {
  return `${createHash('sha256').update(url).digest('hex')}.json`;
}

/** A cache in `dir` (created on first write). An unreadable or corrupt entry counts as absent. */
export function diskCache(dir: string): ResponseCache {
  let created = false;
  return {
    get(url) {
      try {
        const entry = JSON.parse(readFileSync(path.join(dir, cacheFileName(url)), 'utf8')) as CachedResponse;
        return entry.url === url && typeof entry.body === 'string' ? entry : undefined;
      } catch {
        return undefined;
      }
    },
    set(entry) {
      if (!created) {
        mkdirSync(dir, { recursive: true });
        created = true;
      }
      const file = path.join(dir, cacheFileName(entry.url));
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(entry));
      renameSync(temp, file);
    },
  };
}

/** A cache held in memory (tests, and one process that asks the same URL twice). */
export function memoryCache(): ResponseCache & { size(): number } {
  const entries = new Map<string, CachedResponse>();
  return {
    get: (url) => entries.get(url),
    set: (entry) => void entries.set(entry.url, entry),
    size: () => entries.size,
  };
}
