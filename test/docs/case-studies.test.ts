// The case-study pages quote the survey figures in docs/case-studies/survey.json and nothing else:
// the generated block of each page must equal what scripts/case-study-pages.mjs renders from the
// data and the hand-written verdicts, every gap must have a verdict, and each page must say which
// commit of its project it was checked at (the commit the survey audited).
// Regenerate the figures: npm run build && node scripts/case-study-survey.mjs
// Re-render the pages after editing a verdict: node scripts/case-study-survey.mjs --pages
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import * as pages from '../../scripts/case-study-pages.mjs';

interface Control {
  id: string;
  level: number;
  required: boolean;
  status: string;
  summary: string;
}
interface Project {
  repository: string;
  page: string;
  commit: string;
  commitDate: string;
  achievedLevel: number;
  counts: Record<string, number>;
  controls: Control[];
}
interface SurveyData {
  tool: { name: string; version: string };
  level: number;
  projects: Project[];
}

const data = pages.readJson(pages.DATA_FILE) as SurveyData;
const notes = pages.readJson(pages.NOTES_FILE) as Record<string, Record<string, { verdict: string; note: string }>>;
const read = (page: string) => readFileSync(path.join(pages.CASE_STUDIES, page), 'utf8');

describe('case-study survey data', () => {
  it('covers the four projects, each at a full commit with a status for every control', () => {
    expect(data.projects.map((p) => p.page).sort()).toEqual(['etcd.md', 'falco.md', 'flux.md', 'prometheus.md']);
    for (const project of data.projects) {
      expect(project.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(Number.isNaN(Date.parse(project.commitDate))).toBe(false);
      const counted = Object.values(project.counts).reduce((a, b) => a + b, 0);
      expect(counted).toBe(project.controls.length);
      for (const status of ['pass', 'partial', 'fail', 'not-applicable']) {
        expect(project.controls.filter((c) => c.status === status).length, `${project.repository} ${status}`).toBe(project.counts[status]);
      }
    }
  });

  it('every gap has a verdict, and no verdict explains a control that is not a gap', () => {
    expect(pages.noteProblems(data, notes)).toEqual([]);
  });
});

describe('case-study pages', () => {
  it('quote exactly the figures and verdicts of survey.json and survey-notes.json', () => {
    const stale: string[] = [];
    for (const [file, expected] of pages.renderPages(data, notes) as Map<string, string>) {
      if (readFileSync(file, 'utf8') !== expected) stale.push(path.basename(file));
    }
    expect(stale, 'regenerate with: node scripts/case-study-survey.mjs --pages').toEqual([]);
  });

  it('each page says it was checked at the commit the survey audited', () => {
    for (const project of data.projects) {
      const checked = read(project.page).split('\n\n').find((paragraph) => paragraph.startsWith('Checked at'));
      expect(checked, `${project.page} has no "Checked at" paragraph`).toBeDefined();
      expect(checked!.replace(/\s+/g, ' ')).toContain(`${project.repository}@${project.commit.slice(0, 7)} (${project.commitDate.slice(0, 10)})`);
    }
  });

  it('the rendering changes when a figure or a verdict changes (the check above can fail)', () => {
    const project = data.projects[0]!;
    const before = pages.renderProjectBlock(data, notes, project) as string;
    const gap = pages.gapsOf(project)[0] as Control;
    const changed = { ...project, controls: project.controls.map((c) => (c.id === gap.id ? { ...c, status: 'pass' } : c)) };
    expect(pages.renderProjectBlock(data, notes, changed)).not.toBe(before);
    expect(pages.noteProblems({ ...data, projects: [changed] }, notes)).toContain(
      `${project.repository}: survey-notes.json explains ${gap.id}, which is no longer a gap (remove or rewrite the note)`,
    );
    const withoutNote = { ...notes, [project.repository]: { ...notes[project.repository] } };
    delete withoutNote[project.repository]![gap.id];
    expect(pages.noteProblems({ ...data, projects: [project] }, withoutNote)).toEqual([`${project.repository}: ${gap.id} is a gap without a note in survey-notes.json`]);
  });
});
