// Which manifest directories a maintainer keeps updated. Tests, end-to-end suites, examples,
// fixtures, test data, templates, dev containers, load tests, documentation sites and vendored
// third-party code hold manifests too, but a Dependabot entry for them is noise a maintainer
// rejects: they are reported, not covered, unless asked for.
const NON_PRODUCTION_SEGMENT =
  /^(tests?|testing|test[-_]?data|testdata|__tests__|e2e|e2e[-_]tests?|integration|integration[-_]?tests?|it|examples?|samples?|demos?|fixtures?|__fixtures__|mocks?|templates?|scaffold(ing)?|boilerplates?|\.devcontainer|load[-_]?tests?|perf(ormance)?[-_]?tests?|benchmarks?|bench|docs?|documentation|website|site|vendor|third[-_]?party|external|deps|dist|target|hack|scripts?|contrib|playground|sandbox|tutorials?)$/i;
/** A vendored copy of another project: "zstd-1.5.7", "librdkafka-2.15.0", "wamr-v2.4". */
const VENDORED_COPY = /^[A-Za-z][\w.+-]*?[-_]v?\d+\.\d+(\.\d+)?([-.][\w.]+)?$/;

/** The reason a Dependabot directory ("/" or "/a/b") is not production code, or undefined when it is. */
export function nonProductionReason(dependabotDir: string, ecosystem?: string): string | undefined {
  const segments = dependabotDir.split('/').filter(Boolean);
  // A chart's own charts/ folder holds its subcharts (vendored or local): the parent chart's entry covers them.
  const nested = segments.findIndex((segment, i) => segment === 'charts' && i >= 2 && segments[i - 2] === 'charts');
  if (ecosystem === 'helm' && nested >= 0) return `${segments.slice(0, nested + 1).join('/')}/`;
  // Composite actions under .github/ are the workflows' own code, whatever their folder is called
  // (.github/actions/test is CI code whose pins need updates); other manifests there are CI helpers.
  if (segments[0] === '.github') return ecosystem === 'github-actions' ? undefined : '.github/';
  const hit = segments.find(
    (segment) => NON_PRODUCTION_SEGMENT.test(segment) || /[-_](tests?|e2e|examples?|fixtures?)$|^tests?[-_]/i.test(segment) || VENDORED_COPY.test(segment),
  );
  if (hit !== undefined) return `${hit}/`;
  // A module named "tools" holds the project's development tools (the tools.go pattern).
  const last = segments[segments.length - 1];
  return last === 'tools' ? 'tools/' : undefined;
}

export function isProductionDir(dependabotDir: string, ecosystem?: string): boolean {
  return nonProductionReason(dependabotDir, ecosystem) === undefined;
}
