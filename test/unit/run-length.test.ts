import { describe, expect, it } from 'vitest';
import { runLength } from '../../src/run-length.js';

function fakeRun(at: number) {
  const flags: string[] = [];
  let time = at;
  const run = runLength((flag) => flags.push(flag), () => time);
  return { run, flags, setTime: (ms: number) => (time = ms) };
}

describe('V8 tuning by run length', () => {
  it('tunes a single-repository command for a short run, and leaves survey and fleet alone', () => {
    const check = fakeRun(0);
    check.run.tuneForShortRun(['check', '.']);
    expect(check.flags).toEqual(['--no-opt', '--semi-space-growth-factor=1', '--no-regexp-tier-up']);
    for (const argv of [['survey', '--org', 'x'], ['fleet', 'plan']]) {
      const long = fakeRun(5000);
      long.run.tuneForShortRun(argv);
      long.run.longRunCheckpoint();
      expect(long.flags).toEqual([]);
    }
  });

  it('gives a run that has lasted a second the defaults back, once', () => {
    const { run, flags, setTime } = fakeRun(200);
    run.tuneForShortRun(['retrofit']);
    run.longRunCheckpoint();
    expect(flags).toHaveLength(3);
    setTime(1200);
    run.longRunCheckpoint();
    run.longRunCheckpoint();
    expect(flags.slice(3)).toEqual(['--opt', '--semi-space-growth-factor=2']);
  });
});
