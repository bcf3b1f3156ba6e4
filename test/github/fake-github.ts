// A local HTTP server on 127.0.0.1 that answers like the GitHub REST endpoints secure-cncf uses:
// org and user repository lists (paginated with Link headers), a repository, contents, commits,
// trees and blobs (Git SHA-1 of the content), pulls, /rate_limit, ETags with 304, and faults to
// inject (rate limits, scopes, archived or unreadable repositories).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRepo {
  name: string;
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  topics?: string[];
  defaultBranch?: string;
  /** Path -> content. No files at all means an empty repository (no commits). */
  files?: Record<string, string>;
  /** Every request under /repos/org/name answers 404 (no access with this token). */
  unreadable?: boolean;
}

export interface Fault {
  /** Applies to requests whose path (with query) matches. */
  match: RegExp;
  /** How many matching requests get the fault before it clears. */
  times: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body?: unknown;
}

export interface PullRecord {
  number: number;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open';
}

export interface FakeGitHubOptions {
  org: string;
  repos: FakeRepo[];
  /** Value of X-OAuth-Scopes on every response (a classic token); absent when undefined. */
  scopes?: string[];
  /** Default page size when the request has no per_page. */
  perPage?: number;
}

export const blobSha = (content: string) => createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
const sha = (text: string) => createHash('sha1').update(text).digest('hex');

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly pulls: PullRecord[] = [];
  baseUrl = '';
  private server: Server | undefined;
  constructor(readonly options: FakeGitHubOptions) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  repo(name: string): FakeRepo | undefined {
    return this.options.repos.find((r) => r.name === name);
  }

  private apiRepo(r: FakeRepo) {
    const { org } = this.options;
    return {
      name: r.name,
      full_name: `${org}/${r.name}`,
      owner: { login: org },
      default_branch: r.defaultBranch ?? 'main',
      archived: Boolean(r.archived),
      fork: Boolean(r.fork),
      private: Boolean(r.private),
      topics: r.topics ?? [],
      size: r.files && Object.keys(r.files).length ? 10 : 0,
      html_url: `https://github.com/${org}/${r.name}`,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const url = new URL(req.url ?? '/', this.baseUrl);
    this.requests.push({ method: req.method ?? 'GET', url: url.pathname + url.search, headers: req.headers, body });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (this.options.scopes) headers['x-oauth-scopes'] = this.options.scopes.join(', ');
    const send = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      const out = payload === undefined ? '' : JSON.stringify(payload);
      const all = { ...headers, ...extra };
      if (status === 200 && (req.method ?? 'GET') === 'GET') {
        const etag = `"${sha(out + (extra['link'] ?? ''))}"`;
        all['etag'] = etag;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, all).end();
          return;
        }
      }
      res.writeHead(status, all).end(out);
    };
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(url.pathname + url.search));
    if (fault) {
      fault.times -= 1;
      send(fault.status, fault.body ?? { message: 'fault' }, fault.headers);
      return;
    }
    this.route(req.method ?? 'GET', url, body, send);
  }

  private route(method: string, url: URL, body: unknown, send: (status: number, payload: unknown, extra?: Record<string, string>) => void): void {
    const { org } = this.options;
    const p = url.pathname;
    const notFound = () => send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    if (p === '/rate_limit') return send(200, { resources: { core: { limit: 5000, remaining: 4999 } } });
    const list = /^\/(orgs|users)\/([^/]+)\/repos$/.exec(p);
    if (list) {
      if (list[2] !== org) return notFound();
      const perPage = Number(url.searchParams.get('per_page') ?? this.options.perPage ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = this.options.repos.map((r) => this.apiRepo(r));
      const items = all.slice((page - 1) * perPage, page * perPage);
      const links: string[] = [];
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const pageUrl = (n: number) => {
        const next = new URL(url.toString());
        next.searchParams.set('page', String(n));
        return `<${next.toString()}>`;
      };
      if (page < last) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`);
      return send(200, items, links.length ? { link: links.join(', ') } : {});
    }
    const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(p);
    if (!repoMatch || repoMatch[1] !== org) return notFound();
    const repo = this.repo(decodeURIComponent(repoMatch[2] ?? ''));
    if (!repo || repo.unreadable) return notFound();
    const rest = repoMatch[3] ?? '';
    const files = repo.files ?? {};
    const empty = Object.keys(files).length === 0;
    const treeSha = sha(JSON.stringify(files));
    const commitSha = sha(`commit ${treeSha}`);
    if (rest === '') return send(200, this.apiRepo(repo));
    if (rest.startsWith('/contents/')) {
      if (empty) return send(404, { message: 'This repository is empty.' });
      const file = decodeURIComponent(rest.slice('/contents/'.length));
      const content = files[file];
      if (content === undefined) {
        const children = Object.keys(files).filter((f) => f.startsWith(`${file}/`));
        if (children.length) return send(200, children.map((f) => ({ type: 'file', path: f, name: f.split('/').pop() })));
        return notFound();
      }
      return send(200, { type: 'file', path: file, encoding: 'base64', content: Buffer.from(content).toString('base64'), sha: blobSha(content) });
    }
    if (rest.startsWith('/commits/')) {
      if (empty) return send(409, { message: 'Git Repository is empty.' });
      return send(200, { sha: commitSha, commit: { tree: { sha: treeSha } } });
    }
    if (rest.startsWith('/git/trees/')) {
      if (rest.slice('/git/trees/'.length) !== treeSha) return notFound();
      const dirs = new Set<string>();
      for (const f of Object.keys(files)) for (let i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) dirs.add(f.slice(0, i));
      const tree = [
        ...[...dirs].map((d) => ({ path: d, type: 'tree', mode: '040000', sha: sha(d) })),
        ...Object.entries(files).map(([f, c]) => ({ path: f, type: 'blob', mode: '100644', sha: blobSha(c), size: Buffer.byteLength(c) })),
      ];
      return send(200, { sha: treeSha, tree, truncated: false });
    }
    if (rest.startsWith('/git/blobs/')) {
      const wanted = rest.slice('/git/blobs/'.length);
      const content = Object.values(files).find((c) => blobSha(c) === wanted);
      if (content === undefined) return notFound();
      return send(200, { sha: wanted, encoding: 'base64', content: Buffer.from(content).toString('base64') });
    }
    if (rest === '/pulls' && method === 'GET') {
      const head = url.searchParams.get('head') ?? '';
      const branch = head.split(':')[1];
      return send(
        200,
        this.pulls.filter((pr) => pr.repo === repo.name && (!branch || pr.head === branch)).map((pr) => ({ number: pr.number, state: pr.state, html_url: `https://github.com/${org}/${repo.name}/pull/${pr.number}`, head: { ref: pr.head } })),
      );
    }
    if (rest === '/pulls' && method === 'POST') {
      const b = body as { head: string; base: string; title: string; body: string };
      const pr: PullRecord = { number: this.pulls.length + 1, repo: repo.name, head: b.head, base: b.base, title: b.title, body: b.body, state: 'open' };
      this.pulls.push(pr);
      return send(201, { number: pr.number, html_url: `https://github.com/${org}/${repo.name}/pull/${pr.number}` });
    }
    const patch = /^\/pulls\/(\d+)$/.exec(rest);
    if (patch && method === 'PATCH') {
      const pr = this.pulls.find((x) => x.number === Number(patch[1]));
      if (!pr) return notFound();
      Object.assign(pr, body);
      return send(200, { number: pr.number });
    }
    return notFound();
  }
}
