// Files whose header says they are generated or must not be edited by hand: a tool that edits
// them breaks the repository's own drift check. The source to change is named when the header
// says it.
const MARKER = /\b(?:do\s+not\s+edit|don'?t\s+edit|generated\s+(?:automatically\s+)?(?:by|from|with)|auto-?generated|automagically\s+(?:synced|generated)|this\s+file\s+is\s+(?:generated|managed|synced)|managed\s+by\s+\S+[^\n]*\bchanges\s+will\s+be\s+(?:lost|overwritten))/i;
const SOURCE = /\b(?:generated\s+(?:automatically\s+)?(?:by|from)|synced\s+from|managed\s+by|source(?:\s+of\s+truth)?\s*:|edit|change)\s+(?:the\s+)?(?:file\s+|template\s+)?([`'"]?[\w./@:-]+\/[\w./@:-]+[`'"]?)/i;

export interface GeneratedHeader {
  /** The header line that says so. */
  line: number;
  text: string;
  /** Where to make changes instead, when the header names it. */
  source?: string;
}

/** The "generated / do not edit" header of a file (its leading comment block), if any. */
export function generatedHeader(text: string): GeneratedHeader | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 20);
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed !== '' && !/^(#|\/\/|<!--|\/\*|\*|;)/.test(trimmed)) break; // the comment block ended
    if (!MARKER.test(trimmed)) continue;
    const header: GeneratedHeader = { line: index + 1, text: trimmed.replace(/^(#+|\/\/|<!--|\/\*|\*)\s*/, '').replace(/\s*(-->|\*\/)$/, '') };
    const source = lines.slice(index, index + 4).join(' ').match(SOURCE)?.[1]?.replace(/^[`'"]|[`'"]$/g, '');
    if (source) header.source = source;
    return header;
  }
  return undefined;
}
