// A small GitHub REST client on Node's global fetch: token from the options or the environment,
// a configurable base URL (GitHub Enterprise Server, or a local server in tests), pagination by
// Link headers, a bound on requests in flight, waits on rate limits (primary, secondary and
// Retry-After) through an injectable sleep, an ETag cache, and errors that name a missing scope.
import { GitHubApiError, MissingScopeError, RateLimitError } from './errors.js';
import { createLimiter, type Limiter } from './limit.js';
import type { ResponseCache } from './cache.js';

export const DEFAULT_API_URL = 'https://api.github.com';
const API_VERSION = '2022-11-28';

export interface RateLimitWait {
  /** Milliseconds the client is about to sleep. */
  waitMs: number;
  reason: 'primary' | 'secondary' | 'retry-after' | 'server-error' | 'network';
  url: string;
  attempt: number;
}

export interface GitHubClientOptions {
  /** Token; default GITHUB_TOKEN, then GH_TOKEN. Without one, requests are anonymous (60 an hour). */
  token?: string | undefined;
  /** API root; default GITHUB_API_URL (set on Actions runners, GHES included), then https://api.github.com. */
  baseUrl?: string | undefined;
  /** Requests in flight at most (default 8; GitHub asks integrations not to go much higher). */
  concurrency?: number | undefined;
  /** ETag cache for GET requests; none by default. */
  cache?: ResponseCache | undefined;
  /** How many times one request may wait and retry (rate limits, 5xx) before giving up (default 6). */
  maxRetries?: number | undefined;
  /** Longest single wait the client accepts, in ms (default one hour and a minute: a primary reset). */
  maxWaitMs?: number | undefined;
  /** Injected in tests so nothing really waits. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  now?: (() => number) | undefined;
  fetch?: typeof fetch | undefined;
  /** Told before every wait (progress on stderr in the CLI). */
  onWait?: ((wait: RateLimitWait) => void) | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  /** True when the body came from the cache after a 304. */
  fromCache: boolean;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Accept header; default application/vnd.github+json. */
  accept?: string;
  /** Statuses returned as responses instead of thrown (e.g. 404 for "no such file"). */
  allow?: number[];
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Scopes that include others (classic tokens): holding the key satisfies any listed value. */
const IMPLIED_SCOPES: Record<string, string[]> = {
  repo: ['public_repo', 'repo:status', 'repo_deployment', 'repo:invite', 'security_events'],
  'admin:org': ['write:org', 'read:org'],
  'write:org': ['read:org'],
  workflow: [],
};

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Does a classic token with `granted` scopes hold at least one of `accepted`? */
export function hasAnyScope(granted: string[], accepted: string[]): boolean {
  const held = new Set(granted.flatMap((scope) => [scope, ...(IMPLIED_SCOPES[scope] ?? [])]));
  return accepted.some((scope) => held.has(scope));
}

/** The next page's URL from a Link header, if any. */
export function nextLink(link: string | null | undefined): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

export class GitHubClient {
  readonly baseUrl: string;
  readonly concurrency: number;
  private readonly token: string | undefined;
  private readonly cache: ResponseCache | undefined;
  private readonly limit: Limiter;
  private readonly maxRetries: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly fetchFn: typeof fetch;
  private readonly onWait: ((wait: RateLimitWait) => void) | undefined;
  /** Requests sent over the network and answers served from the cache (a 304), for reports and tests. */
  readonly stats = { requests: 0, notModified: 0, waits: 0, waitedMs: 0 };

  constructor(options: GitHubClientOptions = {}) {
    const env = options.env ?? process.env;
    this.token = options.token ?? (env['GITHUB_TOKEN'] || env['GH_TOKEN'] || undefined);
    this.baseUrl = (options.baseUrl ?? (env['GITHUB_API_URL'] || DEFAULT_API_URL)).replace(/\/+$/, '');
    this.concurrency = options.concurrency ?? 8;
    this.limit = createLimiter(this.concurrency);
    this.cache = options.cache;
    this.maxRetries = options.maxRetries ?? 6;
    this.maxWaitMs = options.maxWaitMs ?? 61 * 60_000;
    this.sleep = options.sleep ?? sleepReal;
    this.now = options.now ?? Date.now;
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.onWait = options.onWait;
  }

  get authenticated(): boolean {
    return Boolean(this.token);
  }

  /** An absolute URL for an API path ("/repos/o/r") or an absolute URL from a Link header. */
  url(pathOrUrl: string): string {
    return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
  }

  /** One request, with the rate-limit waits and retries; JSON bodies parsed, other bodies as text. */
  async request<T = unknown>(pathOrUrl: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = this.url(pathOrUrl);
    const method = (options.method ?? 'GET').toUpperCase();
    const cached = method === 'GET' ? this.cache?.get(url) : undefined;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.limit(() => this.send(url, method, options, cached?.etag));
      } catch (error) {
        // A dropped connection is retried twice (1 s, then 2 s); an address that never answers fails fast.
        if (attempt > Math.min(2, this.maxRetries)) throw error;
        const waitMs = 1000 * 2 ** (attempt - 1);
        this.stats.waits += 1;
        this.stats.waitedMs += waitMs;
        this.onWait?.({ waitMs, reason: 'network', url, attempt });
        await this.sleep(waitMs);
        continue;
      }
      if (response.status === 304 && cached) {
        this.stats.notModified += 1;
        const headers = new Headers(response.headers);
        if (cached.link) headers.set('link', cached.link);
        return { status: 200, headers, data: parseBody(cached.body) as T, fromCache: true };
      }
      const text = await response.text();
      const wait = this.waitFor(response, text, attempt);
      if (wait) {
        if (attempt > this.maxRetries) {
          throw new RateLimitError(`GitHub kept refusing ${method} ${url} (${response.status}, ${wait.reason} limit) after ${this.maxRetries} waits.`, response.status, method, url);
        }
        if (wait.waitMs > this.maxWaitMs) {
          throw new RateLimitError(`GitHub asks to wait ${Math.ceil(wait.waitMs / 1000)} s before ${method} ${url}, longer than the ${Math.ceil(this.maxWaitMs / 1000)} s allowed.`, response.status, method, url);
        }
        this.stats.waits += 1;
        this.stats.waitedMs += wait.waitMs;
        this.onWait?.({ ...wait, url, attempt });
        await this.sleep(wait.waitMs);
        continue;
      }
      if (response.ok || options.allow?.includes(response.status)) {
        if (method === 'GET' && response.status === 200 && this.cache) {
          const etag = response.headers.get('etag') ?? undefined;
          const lastModified = response.headers.get('last-modified') ?? undefined;
          if (etag || lastModified) this.cache.set({ url, etag, lastModified, link: response.headers.get('link') ?? undefined, body: text });
        }
        return { status: response.status, headers: response.headers, data: parseBody(text) as T, fromCache: false };
      }
      throw this.error(response, text, method, url);
    }
  }

  /** Every item of a paginated list, following rel="next" links. `key` picks the array out of wrapped bodies ({ total_count, repositories: [...] }). */
  async paginate<T>(pathOrUrl: string, key?: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = this.url(pathOrUrl);
    while (next) {
      const response: ApiResponse = await this.request(next);
      const page = key ? (response.data as Record<string, unknown>)[key] : response.data;
      if (!Array.isArray(page)) throw new GitHubApiError(`Expected a list from GET ${next}, got ${typeof page}.`, response.status, 'GET', next);
      items.push(...(page as T[]));
      next = nextLink(response.headers.get('link'));
    }
    return items;
  }

  /**
   * Fail early when a classic token lacks every one of `scopes` (e.g. ["repo"] to read private
   * repositories). GitHub only reports the scopes of classic tokens (X-OAuth-Scopes); for an App
   * installation token or a fine-grained token it returns "unknown" and a missing permission is
   * named by the first request that needs it.
   */
  async requireScopes(scopes: string[]): Promise<'ok' | 'unknown'> {
    if (!this.token) return 'unknown';
    const response = await this.limit(() => this.send(this.url('/rate_limit'), 'GET', {}, undefined));
    await response.text();
    const header = response.headers.get('x-oauth-scopes');
    if (header === null) return 'unknown';
    const granted = splitList(header);
    if (hasAnyScope(granted, scopes)) return 'ok';
    throw new MissingScopeError(
      `The GitHub token lacks the ${scopes.map((s) => `"${s}"`).join(' or ')} scope (it has: ${granted.join(', ') || 'no scopes'}). Create a token with ${scopes[0]}, or use a GitHub App installation token.`,
      response.status,
      'GET',
      this.url('/rate_limit'),
      scopes,
      granted,
    );
  }

  private async send(url: string, method: string, options: RequestOptions, etag: string | undefined): Promise<Response> {
    const headers: Record<string, string> = {
      accept: options.accept ?? 'application/vnd.github+json',
      'x-github-api-version': API_VERSION,
      'user-agent': 'secure-cncf',
    };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (etag) headers['if-none-match'] = etag;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    this.stats.requests += 1;
    try {
      return await this.fetchFn(url, { method, headers, body, redirect: 'follow' });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new GitHubApiError(`Could not reach ${url}: ${cause}.`, 0, method, url);
    }
  }

  /** How long to wait before retrying, or undefined when the response is not a "come back later". */
  private waitFor(response: Response, text: string, attempt: number): Omit<RateLimitWait, 'url' | 'attempt'> | undefined {
    const { status, headers } = response;
    const retryAfter = headers.get('retry-after');
    if ((status === 403 || status === 429) && retryAfter !== null) {
      const seconds = Number(retryAfter);
      const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - this.now();
      return { waitMs: Math.max(ms, 1000), reason: 'retry-after' };
    }
    if (status === 403 || status === 429) {
      if (/secondary rate limit|abuse/i.test(text)) {
        // GitHub's guidance without Retry-After: wait at least a minute, longer on each repeat.
        return { waitMs: 60_000 * 2 ** (attempt - 1), reason: 'secondary' };
      }
      if (headers.get('x-ratelimit-remaining') === '0') {
        const reset = Number(headers.get('x-ratelimit-reset'));
        const ms = Number.isFinite(reset) && reset > 0 ? reset * 1000 - this.now() : 60_000;
        return { waitMs: Math.max(ms, 0) + 1000, reason: 'primary' };
      }
    }
    if (status === 502 || status === 503 || status === 504) return { waitMs: 1000 * 2 ** (attempt - 1), reason: 'server-error' };
    return undefined;
  }

  private error(response: Response, text: string, method: string, url: string): GitHubApiError {
    const { status, headers } = response;
    let apiMessage: string | undefined;
    try {
      apiMessage = (JSON.parse(text) as { message?: string }).message;
    } catch {
      apiMessage = text.slice(0, 200) || undefined;
    }
    const where = `${method} ${url.replace(this.baseUrl, '')}`;
    const said = apiMessage ? `: ${apiMessage}` : '';
    if (status === 401) {
      return new GitHubApiError(`GitHub rejected the token (401) for ${where}${said}. Check GITHUB_TOKEN / GH_TOKEN; it may have expired.`, status, method, url, apiMessage);
    }
    if (status === 403 || status === 404) {
      const accepted = splitList(headers.get('x-accepted-oauth-scopes'));
      const grantedHeader = headers.get('x-oauth-scopes');
      const granted = splitList(grantedHeader);
      if (accepted.length > 0 && grantedHeader !== null && !hasAnyScope(granted, accepted)) {
        return new MissingScopeError(
          `The GitHub token lacks the ${accepted.map((s) => `"${s}"`).join(' or ')} scope needed for ${where} (${status}${said}); it has: ${granted.join(', ') || 'no scopes'}.`,
          status,
          method,
          url,
          accepted,
          granted,
        );
      }
      const permissions = headers.get('x-accepted-github-permissions');
      if (permissions && status === 403) {
        const needed = permissions.split(/[;,]/).map((p) => p.trim()).filter(Boolean);
        return new MissingScopeError(
          `The GitHub token lacks the permission ${needed.join(' or ')} needed for ${where} (403${said}). Grant it to the GitHub App or fine-grained token.`,
          status,
          method,
          url,
          needed,
          granted,
        );
      }
      if (status === 404) {
        return new GitHubApiError(
          `Not found (404) for ${where}${said}: it does not exist, or the token cannot see it (a private repository needs the "repo" scope, or an App installed on it with contents: read).`,
          status,
          method,
          url,
          apiMessage,
        );
      }
    }
    return new GitHubApiError(`GitHub answered ${status} for ${where}${said}.`, status, method, url, apiMessage);
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
