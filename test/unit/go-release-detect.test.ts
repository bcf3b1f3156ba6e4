// Detection for the release: Go main packages per module (one GoReleaser build each), an existing
// GoReleaser configuration, and chart-releaser in use.
import { afterEach, describe, expect, it } from 'vitest';
import { detect } from '../../src/detect/index.js';
import { tempRepo } from '../helpers/generate.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function repo(files: Record<string, string>) {
  const made = tempRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

describe('release detection', () => {
  it('finds the main packages of each production module, not tests, examples, tools or nested modules', async () => {
    const facts = await detect(
      repo({
        'go.mod': 'module example.com/widget\n\ngo 1.22\n',
        'main.go': '// Copyright\n\n/* a\npackage lib\n*/\npackage main\n\nfunc main() {}\n',
        'cmd/widgetctl/main.go': '//go:build !windows\n\npackage main\n',
        'cmd/widgetctl/main_test.go': 'package main\n',
        'internal/lib/lib.go': 'package lib\n',
        'examples/demo/main.go': 'package main\n',
        'test/e2e/main.go': 'package main\n',
        'svc/api/go.mod': 'module example.com/api\n\ngo 1.22\n',
        'svc/api/server.go': 'package main\n',
        'svc/api/cmd/migrate/main.go': 'package main\n',
      }),
    );
    expect(facts.goMains).toEqual({ '/': ['.', 'cmd/widgetctl'], '/svc/api': ['.', 'cmd/migrate'] });
    expect(facts.goreleaserConfig).toBeUndefined();
    expect(facts.chartReleaser).toBeUndefined();
  });

  it('finds an existing GoReleaser configuration and chart-releaser in a workflow', async () => {
    const facts = await detect(
      repo({
        'go.mod': 'module example.com/widget\n\ngo 1.22\n',
        '.goreleaser.yml': 'version: 2\n',
        '.github/workflows/charts.yml': 'jobs:\n  release:\n    steps:\n      - uses: helm/chart-releaser-action@v1.7.0\n',
      }),
    );
    expect(facts.goreleaserConfig).toBe('.goreleaser.yml');
    expect(facts.chartReleaser).toBe('.github/workflows/charts.yml');
    expect(facts.goMains).toEqual({});
  });
});
