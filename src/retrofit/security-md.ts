// An existing SECURITY.md is kept as it is; this only reports which expected sections it lacks.
import type { Finding } from './types.js';

const SECTIONS: Array<{ name: string; test: RegExp; fix: string }> = [
  { name: 'supported versions', test: /supported\s+versions|versions?\s+(are\s+)?supported|security\s+updates?\s+(for|are)/i, fix: 'a "Supported versions" section: which releases get security fixes' },
  { name: 'how to report', test: /report(ing)?\s+(a\s+)?(security\s+)?(vulnerabilit|issue|bug|problem)|security\/advisories\/new|private vulnerability reporting|security@/i, fix: 'a "Reporting a vulnerability" section: the private channel (GitHub private vulnerability reporting or an address)' },
  { name: 'response times', test: /\b(within|in)\s+\d+\s+(business\s+|working\s+)?(hours?|days?|weeks?)\b|response\s+time|acknowledg/i, fix: 'the response times a reporter can expect (acknowledgement, assessment, fix)' },
  { name: 'disclosure', test: /disclos|embargo|advisor(y|ies)/i, fix: 'how disclosure is coordinated (advisory, CVE, embargo period)' },
  { name: 'verification', test: /verif(y|ication)|signature|cosign|provenance|attestation|checksum/i, fix: 'how users verify a release (signatures, provenance)' },
];

export function missingSecuritySections(file: string, text: string): Finding[] {
  return SECTIONS.filter((s) => !s.test.test(text)).map((s) => ({
    path: file,
    level: 'note' as const,
    message: `kept as is; it has no ${s.name} section`,
    fix: `add ${s.fix}`,
  }));
}
