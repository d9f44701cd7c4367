// The committee's source labels: pasted text is "Pasted text 1, line 2", a set saved before
// that keeps its "pasted #1:2", and a failed paste of such a set, corrected and pasted again,
// replaces its old error as one pasted today does (committee-ux.test.mjs); the words are pasted
// text's only, so two files of their own named "Notes, line 2" keep two labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const KEY = 'scorecard:v1:committee:l4-senior-software-engineer';
const MEETS4 = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' };
const card = (candidate, interviewer, step, levels = MEETS4) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
  candidate: { id: `c-${candidate.toLowerCase()}`, name: candidate }, interviewer: { id: interviewer.toLowerCase(), name: interviewer },
  interview: { step, date: '2026-11-20' }, submitted_at: '2026-11-20T10:00:00Z',
  ratings: Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v, note: `${interviewer} on ${k}` }])),
});
const failures = (page) => page.locator('.sc-committee__failed li').evaluateAll((lis) => lis.map((li) => li.textContent.replace(/ Remove$/, '')));
const waitStatus = (page, re) => page.waitForFunction((s) => new RegExp(s).test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), re.source);

test('an old set\'s failed paste ("pasted #1:2"), corrected and pasted again, loses its old error', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
  const bad = card('Zed', 'Vic', 'Design', { ...MEETS4, technical_expertise: 'strong' });
  const old = [['pasted #1:1', JSON.stringify(card('Zed', 'Uma', 'Coding'))], ['pasted #1:2', JSON.stringify(bad)]];
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(old)]);
  await page.reload();
  await page.waitForSelector('.sc-committee__failed');
  assert.deepEqual((await failures(page)).map((f) => f.split(': ')[0]), ['pasted #1:2'], 'the old set loads, its failure listed');
  const fixed = card('Zed', 'Vic', 'Design', { ...MEETS4, technical_expertise: 'exceeds' });
  await page.getByRole('textbox', { name: 'Paste' }).fill(JSON.stringify(fixed));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await waitStatus(page, /^2 scorecards loaded/);
  assert.deepEqual(await failures(page), [], 'the corrected scorecard replaces the old paste\'s error');
  await context.close();
});

test('two files named "Notes, line 2" get two labels, as two files named notes.json do', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
  const f = (name, v) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v)) });
  const labels = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '[]').map((x) => x[0]), KEY);
  await page.setInputFiles('#scc-files', [f('notes.json', card('Bo', 'Ann', 'Coding'))]);
  await waitStatus(page, /^1 scorecard loaded/);
  await page.setInputFiles('#scc-files', [f('notes.json', card('Bo', 'Bob', 'Design'))]);
  await waitStatus(page, /^2 scorecards loaded/);
  await page.setInputFiles('#scc-files', [f('Notes, line 2', card('Bo', 'Cy', 'Values'))]);
  await waitStatus(page, /^3 scorecards loaded/);
  await page.setInputFiles('#scc-files', [f('Notes, line 2', card('Bo', 'Dee', 'Onsite'))]);
  await waitStatus(page, /^4 scorecards loaded/);
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '[]').length === 4, KEY);
  const got = await labels();
  assert.deepEqual(got.slice(0, 2), ['notes.json', 'notes.json (2)']);
  assert.equal(new Set(got).size, got.length, `labels are unique in the view: ${JSON.stringify(got)}`);
  await context.close();
});
