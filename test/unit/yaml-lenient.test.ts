// Workflows GitHub reads though strict YAML 1.2 rejects them: quoted values whose continuation
// lines are indented less than their key. The reading indents those lines and changes no value.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { githubReading } from '../../src/evidence/yaml-lenient.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('githubReading', () => {
  it('indents the continuation lines of double- and single-quoted values; values and line numbers are kept', () => {
    const text = lines(
      'name: lenient', //          1
      'jobs:', //                  2
      '  scan:', //                3
      '    steps:', //             4
      '      - name: "Upload the', // 5
      '   report \\"now\\""', //   6
      '        run: echo done', // 7
      "      - name: 'it''s", //  8
      '', //                       9 (a blank line inside the value stays blank)
      " done'", //                 10
      '        run: echo two', //  11
    );
    const reading = githubReading(text);
    expect(reading?.repairs).toEqual([
      { line: 5, continuations: [6] },
      { line: 8, continuations: [10] },
    ]);
    expect(reading!.text.split('\n').length).toBe(text.split('\n').length);
    expect(parse(reading!.text)).toEqual({
      name: 'lenient',
      jobs: { scan: { steps: [{ name: 'Upload the report "now"', run: 'echo done' }, { name: "it's\ndone", run: 'echo two' }] } },
    });
  });

  it('nothing to do for valid YAML; other errors are not papered over', () => {
    expect(githubReading('on: push\njobs:\n  a:\n    runs-on: x\n')).toBeUndefined();
    expect(githubReading('name: bad\non: push\njobs:\n  a:\n    steps: [\n      - run: x\n')).toBeUndefined();
    expect(githubReading('name: "never closed\non: push\n')).toBeUndefined();
    // An under-indented quoted value in a file that is also broken elsewhere stays broken.
    expect(githubReading('a: "x\n y"\nb: [\n')).toBeUndefined();
  });
});
