// The subset of GitHub Actions expressions (`${{ }}`) the generated workflows use: contexts,
// property access, ==, !=, !, &&, || (which return an operand, as on GitHub), literals and the
// status and string functions. Anything else throws, so the harness never guesses.

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface Functions {
  hashFiles: (...patterns: string[]) => string;
  status: { success: boolean; failure: boolean; cancelled: boolean };
}

type Token = { kind: 'str' | 'num' | 'ident' | 'op'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      while (i < source.length) {
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (source[i] === "'") {
          break;
        } else {
          text += source[i++];
        }
      }
      i++;
      tokens.push({ kind: 'str', text });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9.]+/.exec(source.slice(i))![0];
      tokens.push({ kind: 'num', text: m });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'ident', text: m });
      i += m.length;
    } else {
      const two = source.slice(i, i + 2);
      if (['==', '!=', '&&', '||', '<=', '>='].includes(two)) {
        tokens.push({ kind: 'op', text: two });
        i += 2;
      } else if ('!().,[]*<>'.includes(c)) {
        tokens.push({ kind: 'op', text: c });
        i++;
      } else {
        throw new Error(`Unsupported character "${c}" in expression: ${source}`);
      }
    }
  }
  return tokens;
}

const truthy = (v: Value): boolean => !(v === false || v === null || v === 0 || v === '');

function loosely(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === null || b === null) return a === b || a === '' || b === '';
  return String(a) === String(b);
}

export function evaluate(source: string, context: Record<string, Value>, functions: Functions): Value {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const take = (text?: string): Token => {
    const token = tokens[at++];
    if (!token || (text !== undefined && token.text !== text)) throw new Error(`Expected "${text}" in expression: ${source}`);
    return token;
  };

  const call = (name: string, args: Value[]): Value => {
    switch (name.toLowerCase()) {
      case 'always':
        return true;
      case 'success':
        return functions.status.success;
      case 'failure':
        return functions.status.failure;
      case 'cancelled':
        return functions.status.cancelled;
      case 'hashfiles':
        return functions.hashFiles(...args.map(String));
      case 'startswith':
        return String(args[0] ?? '').toLowerCase().startsWith(String(args[1] ?? '').toLowerCase());
      case 'contains':
        return Array.isArray(args[0]) ? args[0].some((v) => loosely(v, args[1] ?? null)) : String(args[0] ?? '').toLowerCase().includes(String(args[1] ?? '').toLowerCase());
      case 'tojson':
        return JSON.stringify(args[0] ?? null, null, 2);
      default:
        throw new Error(`Unsupported function ${name}() in expression: ${source}`);
    }
  };

  const primary = (): Value => {
    const token = take();
    if (token.kind === 'str') return token.text;
    if (token.kind === 'num') return Number(token.text);
    if (token.text === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.kind !== 'ident') throw new Error(`Unexpected "${token.text}" in expression: ${source}`);
    if (token.text === 'true') return true;
    if (token.text === 'false') return false;
    if (token.text === 'null') return null;
    if (peek()?.text === '(') {
      take('(');
      const args: Value[] = [];
      while (peek()?.text !== ')') {
        args.push(or());
        if (peek()?.text === ',') take(',');
      }
      take(')');
      return call(token.text, args);
    }
    if (!(token.text in context)) throw new Error(`Unknown context "${token.text}" in expression: ${source}`);
    let value: Value = context[token.text] ?? null;
    for (;;) {
      if (peek()?.text === '.') {
        take('.');
        const key = take().text;
        value = value && typeof value === 'object' && !Array.isArray(value) ? (value[key] ?? null) : null;
      } else if (peek()?.text === '[') {
        take('[');
        const key = or();
        take(']');
        value = value && typeof value === 'object' ? ((value as Record<string, Value>)[String(key)] ?? null) : null;
      } else {
        return value;
      }
    }
  };
  const unary = (): Value => {
    if (peek()?.text === '!') {
      take('!');
      return !truthy(unary());
    }
    return primary();
  };
  const equality = (): Value => {
    let left = unary();
    while (peek()?.text === '==' || peek()?.text === '!=') {
      const op = take().text;
      const right = unary();
      left = op === '==' ? loosely(left, right) : !loosely(left, right);
    }
    return left;
  };
  const and = (): Value => {
    let left = equality();
    while (peek()?.text === '&&') {
      take('&&');
      const right = equality();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek()?.text === '||') {
      take('||');
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`Trailing tokens in expression: ${source}`);
  return value;
}

/** A value as it appears after interpolation into a string (null -> ''). */
export function asText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Replace every `${{ expr }}` in a string; a string that is one whole expression keeps its type. */
export function interpolate(text: string, context: Record<string, Value>, functions: Functions): Value {
  const whole = /^\$\{\{([\s\S]*?)\}\}$/.exec(text.trim());
  if (whole && !text.trim().slice(3).includes('${{')) return evaluate(whole[1] as string, context, functions);
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => asText(evaluate(expr, context, functions)));
}

/** A condition (`if:`), which may be written with or without `${{ }}`; default success(). */
export function condition(text: string | boolean | undefined, context: Record<string, Value>, functions: Functions): boolean {
  if (text === undefined) return functions.status.success;
  if (typeof text === 'boolean') return text;
  const bare = text.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const usesStatus = /\b(always|success|failure|cancelled)\s*\(/.test(bare);
  const value = truthy(evaluate(bare, context, functions));
  return usesStatus ? value : value && functions.status.success;
}

export { truthy };
