// Errors of the GitHub API client. They extend InputError so the CLI prints them without a stack
// trace (exit 2); a fleet run catches them per repository and records the message as the row's reason.
import { InputError } from '../errors.js';

/** A response the client could not turn into data: the status, the request and GitHub's own message. */
export class GitHubApiError extends InputError {
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly url: string,
    /** GitHub's `message` from the JSON body, when there is one. */
    readonly apiMessage?: string,
  ) {
    super(message);
  }
}

/**
 * The token cannot do what was asked, and the response says what would be needed: the OAuth scope
 * (classic tokens, `X-Accepted-OAuth-Scopes`) or the permission (Apps and fine-grained tokens,
 * `X-Accepted-GitHub-Permissions`).
 */
export class MissingScopeError extends GitHubApiError {
  constructor(
    message: string,
    status: number,
    method: string,
    url: string,
    /** What would be accepted: scopes such as "repo", or permissions such as "contents=read". */
    readonly needed: string[],
    /** Scopes the token has (classic tokens only; empty when the header is absent). */
    readonly granted: string[],
  ) {
    super(message, status, method, url);
  }
}

/** Rate limited more times in a row than the client is allowed to wait for. */
export class RateLimitError extends GitHubApiError {
}
