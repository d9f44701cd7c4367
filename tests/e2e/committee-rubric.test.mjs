// End-to-end: the committee analyses against a rubric it loads (QA finding M4). A panel scored
// on another ladder is set aside with the rubric it was made against named; loading that rubric
// (a ladder document or a rubric file, by its own control or dropped with the scorecards) reads
// every scorecard again against it, is kept with the saved set, and the built-in one is a click
// away. A malformed rubric changes nothing; a storage fault says so and loses nothing. A
// Greenhouse export that names no candidate says what it is and how to bring it in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const root = new URL('../../', import.meta.url).pathname;
const L5_LADDER = readFileSync(root + 'data/seed/l4-senior-software-engineer.txt', 'utf8').replace('L4 Senior Software Engineer', 'L5 Staff Software Engineer');
const L4_JSON = readFileSync(root + 'data/rubrics/l4-senior-software-engineer.json', 'utf8');
/** The built-in rubric file under another id and title: a rubric file for the panel's ladder. */
const L5_JSON = JSON.stringify({ ...JSON.parse(L4_JSON), id: 'l5-staff-software-engineer', title: 'L5 Staff (file)' });
const L5 = 'l5-staff-software-engineer';
const KEY = 'scorecard:v1:committee-rubric:l4-senior-software-engineer';

const MEETS4 = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' };
const card = (interviewer, step, rubric = L5) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: rubric, version: 1 },
  candidate: { id: 'c-9', name: 'Nora Quist' }, interviewer: { id: interviewer.toLowerCase(), name: interviewer },
  interview: { step, date: '2026-11-20' }, submitted_at: '2026-11-20T10:00:00Z',
  ratings: Object.fromEntries(Object.entries(MEETS4).map(([k, v]) => [k, { level: v, note: `${interviewer} on ${k}` }])),
});
const PANEL = [card('Anna', 'Coding'), card('Bo', 'Design'), card('Cleo', 'Behavioural')].map((c) => JSON.stringify(c)).join('\n');
const SET_ASIDE = 'All 3 scorecards were made against l5-staff-software-engineer v1; load that rubric to compare them.';

const file = (name, text) => ({ name, mimeType: name.endsWith('.txt') ? 'text/plain' : 'application/json', buffer: Buffer.from(text) });
const text = (page, id) => page.locator(`[data-testid=${id}]`).textContent();
const waitText = (page, id, re) => page.waitForFunction(([id, s]) => new RegExp(s).test(document.querySelector(`[data-testid=${id}]`)?.textContent ?? ''), [id, re.source]);

async function open(page) {
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
}

async function paste(page, text) {
  await page.getByRole('textbox', { name: 'Paste' }).fill(text);
  await page.getByRole('button', { name: 'Add pasted' }).click();
}

test('a panel on another ladder is named, its ladder loads, is kept with the set, and the built-in rubric is a click away', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await open(page);
  assert.match(await text(page, 'rubric-in-use'), /^Rubric: L4 Senior Software Engineer \(l4-senior-software-engineer v1\), built in\./);
  await paste(page, PANEL);
  await waitText(page, 'load-status', /^3 scorecards loaded, 0 counted, 0 candidates\./);
  assert.ok((await text(page, 'load-status')).includes(SET_ASIDE), await text(page, 'load-status'));
  assert.equal(await text(page, 'committee-empty'), SET_ASIDE);

  // The ladder, by the rubric's own control: every scorecard is read again against it.
  await page.setInputFiles('#scc-rubric-file', file('l5.txt', L5_LADDER));
  await waitText(page, 'load-status', /^3 scorecards loaded, 3 counted, 1 candidate\.$/);
  assert.match(await text(page, 'rubric-in-use'), /^Rubric: L5 Staff Software Engineer \(l5-staff-software-engineer v1\), loaded from l5\.txt\./);
  await page.waitForSelector('[data-testid=matrix]');
  assert.equal(await page.locator('[data-testid=committee-empty]').count(), 0);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY))[0], 'l5.txt');

  // Kept with the set: a reload analyses against it again.
  await page.reload();
  await waitText(page, 'load-status', /^3 scorecards loaded, 3 counted, 1 candidate\.$/);
  assert.match(await text(page, 'rubric-in-use'), /l5-staff-software-engineer v1\), loaded from l5\.txt/);

  // Back to the built-in rubric: set aside again, and forgotten by the browser.
  await page.getByRole('button', { name: 'Use the built-in L4' }).click();
  await waitText(page, 'load-status', /0 counted/);
  // The button went with the choice: the keyboard is on the rubric's file control, not lost.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'scc-rubric-file');
  assert.equal(await text(page, 'committee-empty'), SET_ASIDE);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await page.reload();
  await waitText(page, 'load-status', /^3 scorecards loaded, 0 counted/);
  assert.match(await text(page, 'rubric-in-use'), /built in/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a malformed rubric gets a specific error and changes nothing; a rubric file pasted or dropped with the scorecards is used', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  await paste(page, PANEL);
  await waitText(page, 'load-status', /0 counted/);
  const bad = JSON.stringify({ ...JSON.parse(L5_JSON), capabilities: [] });
  await page.setInputFiles('#scc-rubric-file', file('bad.json', bad));
  await waitText(page, 'rubric-error', /bad\.json: not a usable rubric file \(capabilities: the list is empty/);
  assert.match(await text(page, 'rubric-error'), /Nothing changed: the analysis still uses L4 Senior Software Engineer/);
  assert.match(await text(page, 'rubric-in-use'), /built in/);
  assert.match(await text(page, 'load-status'), /0 counted/);
  // A scorecard where the rubric belongs.
  await page.setInputFiles('#scc-rubric-file', file('card.json', JSON.stringify(card('Dee', 'Values'))));
  await waitText(page, 'rubric-error', /card\.json: this is a scorecard, not a rubric/);

  // Pasted in the rubric's box: a broken one stays there to correct.
  await page.getByRole('button', { name: 'Paste a rubric' }).click();
  await page.getByLabel('Rubric JSON or ladder text', { exact: true }).fill('L5 Staff Software Engineer\nno table\n');
  await page.getByRole('button', { name: 'Use pasted rubric' }).click();
  await waitText(page, 'rubric-error', /pasted rubric: not a usable ladder document \(ladder/);
  assert.match(await page.getByLabel('Rubric JSON or ladder text', { exact: true }).inputValue(), /no table/);

  // A rubric file loaded with the scorecards is the rubric, not a scorecard that failed.
  await page.setInputFiles('#scc-files', file('l5-rubric.json', L5_JSON));
  await waitText(page, 'load-status', /^3 scorecards loaded, 3 counted, 1 candidate\.$/);
  assert.match(await text(page, 'rubric-in-use'), /^Rubric: L5 Staff \(file\) \(l5-staff-software-engineer v1\), loaded from l5-rubric\.json\./);
  assert.equal(await page.locator('.sc-committee__failed').count(), 0);
  // Pasted with the scorecards: a broken rubric file is listed as not loaded, and its text goes
  // back in the paste box, as a pasted scorecard that cannot be read does.
  await paste(page, bad);
  await page.waitForFunction(() => /pasted rubric/.test(document.querySelector('.sc-committee__failed')?.textContent ?? ''));
  assert.equal(await page.getByRole('textbox', { name: 'Paste' }).inputValue(), bad);
  await context.close();
});

test('a rubric the browser cannot keep stays in use, saying so and what takes the room', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((key) => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  }, KEY);
  await open(page);
  await paste(page, PANEL);
  await waitText(page, 'load-status', /0 counted/);
  await page.setInputFiles('#scc-rubric-file', file('l5.txt', L5_LADDER));
  // As for the set: what needs the room and what takes it, which says what to clear.
  await waitText(page, 'rubric-problem', /^The rubric is not saved in this browser \(browser storage is full: this rubric needs \d+\u00a0KB, and what else this site keeps there takes about \d+\u00a0KB\); it is in use until you close the tab\.$/);
  await waitText(page, 'load-status', /3 counted/);
  await context.close();
});

test('a Greenhouse export that names no candidate says what it is and how to bring it in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const gh = { application_id: null, candidate_id: null, attributes: [{ name: 'Technical Expertise', note: 'Solid.', rating: 'yes', type: 'Skills' }], overall_recommendation: 'yes' };
  await page.setInputFiles('#scc-files', file('anna-greenhouse.json', JSON.stringify(gh)));
  const item = page.locator('.sc-committee__aside li', { hasText: 'anna-greenhouse.json' });
  await item.waitFor();
  assert.match(await item.textContent(), /anna-greenhouse\.json: names no candidate: a Greenhouse export, which carries no candidate .*load the scorecard's JSON instead \(Download JSON in the scorer\)/);
  assert.equal(await text(page, 'committee-empty'), 'No loaded scorecard is counted in a panel yet: the lists above say why.');
  await context.close();
});

test('a saved rubric that no longer reads is kept aside, and the page says what was stored and why', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const corrupt = async (stored) => {
    await page.evaluate(([k, v]) => { for (const key of Object.keys(localStorage)) localStorage.removeItem(key); localStorage.setItem(k, v); }, [KEY, stored]);
    await page.reload();
    await page.waitForSelector('[data-testid=rubric-problem]');
    // Nothing deleted: the stored text is under a key of its own, and the rubric's key is free.
    const kept = await page.evaluate((k) => Object.keys(localStorage).filter((key) => key.startsWith(k + ':corrupt:')).map((key) => [key, localStorage.getItem(key)]), KEY);
    assert.equal(kept.length, 1);
    assert.equal(kept[0][1], stored);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    assert.match(await text(page, 'rubric-in-use'), /built in/);
    return [await text(page, 'rubric-problem'), kept[0][0]];
  };
  // A document saved under its name that no longer reads as a ladder: named, and why.
  let [said, key] = await corrupt(JSON.stringify(['l5.txt', 'L5 Staff Software Engineer\nno table\n']));
  assert.match(said, /^The rubric saved for this committee could not be read \("l5\.txt": not a usable ladder document \(ladder.+\); it is kept aside as "[^"]+"\. The analysis uses the built-in L4 Senior Software Engineer \(l4-senior-software-engineer v1\)\.$/);
  assert.ok(said.includes(`kept aside as "${key}"`), said);
  // Not a saved rubric document at all.
  [said, key] = await corrupt('{"oops"');
  assert.match(said, /^The rubric saved for this committee could not be read \(it is not a saved rubric document, a name and a text\); it is kept aside as "[^"]+"\. The analysis uses the built-in L4/);
  assert.ok(said.includes(`kept aside as "${key}"`), said);
  // A rubric chosen now is saved as usual, beside what was kept aside.
  await page.setInputFiles('#scc-rubric-file', file('l5.txt', L5_LADDER));
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  assert.equal(await page.evaluate((k) => Object.keys(localStorage).filter((key) => key.startsWith(k + ':corrupt:')).length, KEY), 1);
  assert.equal(await page.locator('[data-testid=rubric-problem]').count(), 0);
  await context.close();
});

test('another tab\'s rubric is followed, set and all; a tab whose own rubric is not saved keeps it and says so', async () => {
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a);
  await open(b);
  // A ladder with a capability the built-in rubric lacks: a scorecard rating it is read only
  // against that ladder.
  const ladder = L5_LADDER.replaceAll('Business Impact', 'Craft Quality');
  const panel = PANEL.replaceAll('business_impact', 'craft_quality');
  // B analyses against that ladder; A, open since before on the built-in L4, follows at once.
  await b.setInputFiles('#scc-rubric-file', file('l5.txt', ladder));
  for (const p of [a, b]) {
    await p.waitForFunction(() => /l5-staff-software-engineer v1\), loaded from l5\.txt/.test(document.querySelector('[data-testid=rubric-in-use]')?.textContent ?? ''));
  }
  // A adds the panel and saves it; both count it against the ladder.
  await paste(a, panel);
  await waitText(a, 'load-status', /^3 scorecards loaded, 3 counted, 1 candidate\.$/);
  await waitText(b, 'load-status', /^3 scorecards loaded, 3 counted, 1 candidate\.$/);
  assert.equal(await b.locator('.sc-committee__failed').count(), 0);
  // Back to the built-in rubric in A: B follows, and sets the panel aside as A does.
  await a.getByRole('button', { name: 'Use the built-in L4' }).click();
  await waitText(b, 'rubric-in-use', /built in/);
  await waitText(b, 'load-status', /^3 scorecards loaded, 0 counted/);
  // Something this page cannot read saved there (another release, a hand edit): B keeps it
  // aside, says so, and stays on the built-in rubric.
  await a.getByRole('button', { name: 'Use the built-in L4' }).waitFor({ state: 'detached' });
  await a.evaluate((k) => localStorage.setItem(k, '["l9.txt", "no ladder"]'), KEY);
  await waitText(b, 'rubric-problem', /^The rubric saved for this committee could not be read \("l9\.txt": .+\); it is kept aside as "scorecard:v1:committee-rubric:l4-senior-software-engineer:corrupt:/);
  assert.equal(await b.evaluate((k) => Object.keys(localStorage).filter((key) => key.startsWith(k + ':corrupt:')).map((key) => localStorage.getItem(key)).join(), KEY), '["l9.txt", "no ladder"]');
  assert.match(await text(b, 'rubric-in-use'), /built in/);
  await context.close();

  // The same, in a tab that was on a loaded ladder: it goes back to the built-in rubric and
  // says why (the change of rubric once saved nothing and cleared the message in one render).
  const context3 = await browser.newContext();
  const [e, f] = [await context3.newPage(), await context3.newPage()];
  await open(e);
  await open(f);
  await f.setInputFiles('#scc-rubric-file', file('l5.txt', L5_LADDER));
  await waitText(e, 'rubric-in-use', /loaded from l5\.txt/);
  await f.evaluate((k) => localStorage.setItem(k, '["l9.txt", "no ladder"]'), KEY);
  await waitText(e, 'rubric-problem', /^The rubric saved for this committee could not be read \("l9\.txt": .+\); it is kept aside as /);
  assert.match(await text(e, 'rubric-in-use'), /built in/);
  await context3.close();

  // A tab whose chosen rubric storage refused keeps it: taking the other's would lose it.
  const context2 = await browser.newContext();
  const [c, d] = [await context2.newPage(), await context2.newPage()];
  await c.addInitScript((key) => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  }, KEY);
  await open(c);
  await open(d);
  await c.setInputFiles('#scc-rubric-file', file('l5.txt', L5_LADDER));
  await waitText(c, 'rubric-problem', /^The rubric is not saved in this browser/);
  await d.setInputFiles('#scc-rubric-file', file('l5-rubric.json', L5_JSON));
  await waitText(c, 'rubric-problem', /^Another tab changed the rubric; this tab keeps L5 Staff Software Engineer \(l5-staff-software-engineer v1\), which is not saved in this browser\.$/);
  assert.match(await text(c, 'rubric-in-use'), /loaded from l5\.txt/);
  await context2.close();
});
