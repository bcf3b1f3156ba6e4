// A large hand-written workflow for benchmarks: many jobs, each with unpinned actions and a
// checkout, so retrofit pins, adds persist-credentials and reports a note per job. Deterministic.
// Used by `npm run bench` (the 20 MB workflow entry) and by test/hostile/large-workflow.test.ts.

/** Workflow text of at least `bytes` bytes (whole jobs, so it stays valid YAML). */
export function largeWorkflow(bytes) {
  const head = '# Generated for the benchmark: one job per component.\nname: big\non: [push, pull_request]\njobs:\n';
  const job = (n) =>
    `  build-${n}:\n` +
    `    # component ${n}\n` +
    `    runs-on: ubuntu-24.04\n` +
    `    steps:\n` +
    `      - uses: actions/checkout@v7\n` +
    `      - uses: actions/setup-go@v7\n` +
    `        with:\n` +
    `          go-version: "1.24"\n` +
    `      - run: go test ./component-${n}/...\n`;
  const parts = [head];
  let size = head.length;
  for (let n = 0; size < bytes; n++) {
    const text = job(n);
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}
