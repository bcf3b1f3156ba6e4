/** Something the user should look at: a problem the tool reports instead of rewriting. */
export interface Finding {
  path: string;
  line?: number | undefined;
  message: string;
  /** How to fix it, when there is a known fix. */
  fix?: string | undefined;
  /** error: a file could not be processed; warning: a risk in the repository; note: information. */
  level: 'error' | 'warning' | 'note';
}

/** The result of a structural edit of one existing file. */
export interface EditResult {
  after: string;
  /** One line per change made, for the report. */
  changes: string[];
  findings: Finding[];
}
