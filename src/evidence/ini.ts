// A small INI reader for tox.ini / setup.cfg: sections of keys whose values may continue on
// indented lines (how tox writes `commands`). Enough to find the commands a tox environment runs.
export interface IniValue {
  value: string;
  /** 1-based line of the key. */
  line: number;
}

export function parse(text: string): Map<string, Map<string, IniValue>> {
  const sections = new Map<string, Map<string, IniValue>>();
  let section: Map<string, IniValue> | undefined;
  let last: IniValue | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') return;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      section = new Map();
      sections.set(header[1]!.trim(), section);
      last = undefined;
      return;
    }
    if (/^\s/.test(raw) && last) {
      last.value += `\n${raw.trim()}`;
      return;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (pair && section) {
      last = { value: pair[2]!, line: index + 1 };
      section.set(pair[1]!.trim(), last);
    }
  });
  return sections;
}
