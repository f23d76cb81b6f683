// The allow-list of the fixture content (Panel members, reviews, mailboxes) and the fixtures of
// tests/fixtures/privacy, for the privacy tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildAllowList } from '../../../src/check/privacy/allow-list.js';
import { loadProject, projectPaths } from '../../../src/pipeline.js';
import { REPO } from '../../helpers/project.js';

const FIXTURES = path.join(REPO, 'tests/fixtures');

export async function fixtureAllowList() {
  const project = await loadProject(projectPaths(FIXTURES));
  return buildAllowList(project.content!);
}

export function privacyFixture<T>(name: string): T {
  return parse(readFileSync(path.join(FIXTURES, 'privacy', name), 'utf8')) as T;
}
