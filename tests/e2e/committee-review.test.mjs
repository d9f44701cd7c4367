// End-to-end: the committee view's answers to a usability review. Files with the same name,
// blind mode per candidate, the split the outcome rests on, interviewers across panels, JSON
// lines with a bad line, documents pasted one after another, the list of loaded scorecards (remove, drafts), the profile chart's
// contrast and narrow layout, and the keyboard after "Add pasted" and in wide tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, scrambled } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const MEETS4 = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' };

/** A scorecard of the default rubric; `submitted: false` makes it a draft. */
const card = (candidate, interviewer, step, levels, { submitted = true, notes = {} } = {}) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
  candidate: { id: `c-${candidate.toLowerCase()}`, name: candidate }, interviewer: { id: interviewer.toLowerCase(), name: interviewer },
  interview: { step, date: '2026-11-20' }, ...(submitted ? { submitted_at: '2026-11-20T10:00:00Z' } : {}),
  ratings: Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v, note: notes[k] ?? `${interviewer} watched them walk through ${k}` }])),
});

const file = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)) });
const status = (page) => page.locator('[data-testid=load-status]').textContent();
const waitStatus = (page, re) => page.waitForFunction((s) => new RegExp(s).test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), re.source);

async function open(page, query = '') {
  await page.goto(base + '/committee.html' + query);
  await page.waitForSelector('#scc-files');
}

async function paste(page, cards) {
  await page.getByRole('textbox', { name: 'Paste' }).fill(cards.map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
}

async function choose(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('#scc-cand')?.textContent === n, name);
}

/** Opens the list of loaded scorecards and returns its items. */
async function loadedList(page) {
  const list = page.locator('details.sc-committee__sources');
  if (!(await list.evaluate((d) => d.open))) await list.locator('summary').click();
  await page.waitForSelector('[data-testid=loaded] li');
  return page.locator('[data-testid=loaded] li');
}

test('files with the same name are both kept, under distinguishable labels; the same file twice is added once, and said so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Every interviewer's export is named after the candidate.
  const alice = card('Zed', 'Alice', 'Coding', MEETS4);
  const ben = card('Zed', 'Ben', 'System design', { ...MEETS4, technical_expertise: 'exceeds' });
  await page.setInputFiles('#scc-files', [file('scorecard-c-zed.json', alice)]);
  await waitStatus(page, /^1 scorecard loaded/);
  await page.setInputFiles('#scc-files', [file('scorecard-c-zed.json', ben)]);
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 1 candidate\./);
  const items = await loadedList(page);
  assert.deepEqual(await items.locator('strong').allTextContents(), ['scorecard-c-zed.json', 'scorecard-c-zed.json (2)']);
  assert.equal(await page.locator('[data-testid=matrix] thead th').count(), 1 + 2 + 2, 'both interviewers are columns');

  // Alice's file again (say, from a second email): nothing is added, and the status says why.
  await page.setInputFiles('#scc-files', [file('scorecard-c-zed.json', alice)]);
  await waitStatus(page, /Already loaded, not added again: scorecard-c-zed\.json\./);
  assert.match(await status(page), /^2 scorecards loaded/);
  assert.equal(await items.count(), 2);
  // The same text under another name is named with the one already loaded.
  await page.setInputFiles('#scc-files', [file('scorecard-c-zed (1).json', ben)]);
  await waitStatus(page, /not added again: scorecard-c-zed \(1\)\.json \(same as scorecard-c-zed\.json \(2\)\)/);
  // And with blank lines before it (a copy saved by another tool): the same text.
  await page.setInputFiles('#scc-files', [file('copy.json', '\n\n' + JSON.stringify(ben, null, 2))]);
  await waitStatus(page, /not added again: copy\.json \(same as scorecard-c-zed\.json \(2\)\)/);
  // The message is about the latest batch only.
  await paste(page, [card('Zed', 'Chen', 'Behavioural', MEETS4)]);
  await waitStatus(page, /^3 scorecards loaded, 3 counted, 1 candidate\.$/);
  await context.close();
});

test('blind mode hides each candidate until my own submitted scorecard for that candidate is loaded', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, '?blind=wes');
  await paste(page, [
    card('Zed', 'Uma', 'Coding', { ...MEETS4, technical_expertise: 'needs_improvement' }),
    card('Yan', 'Uma', 'Coding', { ...MEETS4, project_ownership: 'exceeds' }, { notes: { project_ownership: 'Led the migration of three services.' } }),
    card('Xia', 'Uma', 'Coding', MEETS4),
    card('Zed', 'Wes', 'Behavioural', MEETS4),
    card('Xia', 'Wes', 'Behavioural', MEETS4, { submitted: false }),
  ]);
  // Wes's draft for Xia is loaded but not counted.
  await waitStatus(page, /^5 scorecards loaded, 4 counted, 3 candidates\. 1 draft not counted: not yet submitted\./);

  // Wes submitted a scorecard for Zed: Zed's panel shows.
  await choose(page, 'Zed');
  await page.waitForSelector('[data-testid=matrix]');
  assert.equal(await page.locator('[data-testid=blind]').count(), 0);

  // Not for Yan: nothing of Yan's panel is shown, and the page says what is hidden and why.
  await choose(page, 'Yan');
  await page.waitForSelector('[data-testid=blind]');
  assert.equal(await page.locator('[data-testid=matrix]').count(), 0, "Yan's matrix is hidden");
  const notice = await page.locator('[data-testid=blind]').textContent();
  assert.match(notice, /Yan's panel is hidden \(1 scorecard from other interviewers loaded\)/);
  assert.match(notice, /your own submitted scorecard for Yan/);
  assert.doesNotMatch(await page.locator('main').textContent(), /Led the migration/);
  const row = page.locator('.sc-committee__compare tbody tr', { hasText: 'Yan' });
  assert.match(await row.textContent(), /Hidden \(blind mode\)/);
  assert.doesNotMatch(await row.textContent(), /Hire|Exceeds|Meets/);
  // The export and the calibration across panels would tell Yan's panel: hidden too.
  assert.equal(await page.getByRole('button', { name: 'Markdown summary' }).count(), 0);
  assert.equal(await page.locator('[data-testid=interviewers]').count(), 0);

  assert.match(await page.locator('[data-testid=blind-mode]').textContent(), /^Blind mode for Wes: .* Hidden now: Xia, Yan\./);

  // A draft of mine does not unlock Xia, and the notice says to submit it.
  await choose(page, 'Xia');
  assert.match(await page.locator('[data-testid=blind]').textContent(), /is a draft: submit it/);
  await context.close();
});

test('the split the outcome rests on is marked in the heat map and the comparison, and its who said what is open', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // One level apart on a core capability (not a two-level disagreement), and the lower view,
  // the consensus, takes the hire down to L3.
  await paste(page, [
    card('Zed', 'Uma', 'Coding', { ...MEETS4, technical_expertise: 'needs_improvement' }),
    card('Zed', 'Vic', 'System design', MEETS4),
    card('Yan', 'Uma', 'Coding', MEETS4),
    card('Yan', 'Vic', 'System design', MEETS4),
  ]);
  await waitStatus(page, /^4 scorecards loaded, 4 counted, 2 candidates/);
  await choose(page, 'Zed');
  const te = page.locator('[data-testid=matrix] tbody tr', { hasText: 'Technical Expertise' });
  assert.match(await te.locator('th').textContent(), /decides outcome/);
  assert.doesNotMatch(await te.locator('th').textContent(), /disagree/);
  assert.doesNotMatch(await page.locator('[data-testid=matrix] tbody tr', { hasText: 'Business Impact' }).textContent(), /decides/);
  const who = page.locator('.sc-committee__who', { hasText: 'Technical Expertise' });
  assert.ok(await who.evaluate((d) => d.open), 'who said what is open on the split the outcome rests on');
  assert.match(await who.locator('summary').textContent(), /Decides the outcome/);
  assert.match(await who.locator('[data-testid=pivot]').textContent(),
    /This split decides the outcome: with the lowest view \(Needs Improvement\) it would be hire at L3; with the highest \(Meets Expectations\), hire at L4\./);
  assert.equal(await page.locator('.sc-committee__who[open]').count(), 1);
  const zed = page.locator('.sc-committee__compare tbody tr', { hasText: 'Zed' });
  assert.match(await zed.ariaSnapshot(), /cell "Needs Improvement\s*, decides the outcome"/);
  assert.equal(await page.locator('.sc-committee__compare td.sc-is-pivotal').count(), 1);
  await context.close();
});

test('splits that change the outcome only together are marked as deciding it, and say so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Every capability a level apart: no one split moves the no hire, all of them together do.
  const NI4 = Object.fromEntries(Object.keys(MEETS4).map((k) => [k, 'needs_improvement']));
  await paste(page, [card('Jo', 'Amy', 'Coding', MEETS4), card('Jo', 'Raj', 'System design', NI4), card('Yan', 'Amy', 'Coding', MEETS4)]);
  await waitStatus(page, /^3 scorecards loaded, 3 counted, 2 candidates/);
  await choose(page, 'Jo');
  assert.equal(await page.locator('.sc-committee__compare td.sc-is-pivotal').count(), 4);
  const who = page.locator('.sc-committee__who', { hasText: 'Business Impact' });
  assert.ok(await who.evaluate((d) => d.open));
  assert.match(await who.locator('[data-testid=pivot]').textContent(),
    /^Alone this split does not change the outcome, but with the other marked splits it does: had every split taken its highest view, it would be hire at L4\.$/);
  assert.match(await page.locator('.sc-committee__key').first().textContent(), /alone or with the other ◆ splits/);
  assert.match(await page.locator('.sc-rec').first().textContent(), /The splits decide the outcome together: had every contested capability taken its higher view, the outcome would be hire at L4\./);
  await context.close();
});

test('a heat-map cell with observations and no note opens to its observations, as one with a note does', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const observation = (id, text, capability, level, source = 'interviewer') => ({ id, text, capability, level, source });
  const noNotes = { notes: Object.fromEntries(Object.keys(MEETS4).map((k) => [k, ''])) };
  // As the scorer exports it: ratings without notes, the evidence in tagged observations (one
  // a suggestion), and a note left untagged.
  const grace = card('Ada', 'Grace', 'System design', { ...MEETS4, technical_expertise: 'exceeds' }, noNotes);
  grace.observations = [
    observation('o1', 'Designed a sharded queue that two other teams adopted', 'technical_expertise', 'exceeds'),
    observation('o2', 'Ran the weekly sync with four teams and kept a risk log', 'project_ownership', 'meets', 'suggested'),
    { id: 'o3', text: 'Asked who owns the runbook', level: 'not_assessed', source: 'suggested' },
  ];
  const raj = card('Ada', 'Raj', 'Coding', MEETS4);
  raj.observations = [observation('o1', 'Wrote the failing test before the fix', 'technical_expertise', 'meets')];
  await paste(page, [grace, raj]);
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 1 candidate/);
  const cell = (row, n) => page.locator('[data-testid=matrix] tbody tr', { hasText: row }).locator('td').nth(n);
  const grace_te = cell('Technical Expertise', 0);
  assert.match(await grace_te.ariaSnapshot(), /"Grace, Technical Expertise: Exceeds Expectations · 1 observation"/);
  await grace_te.locator('summary').click();
  assert.equal(await grace_te.locator('li').textContent(), 'Designed a sharded queue that two other teams adopted (Exceeds Expectations)');
  assert.equal(await cell('Project Ownership', 0).locator('details li').textContent(), 'Ran the weekly sync with four teams and kept a risk log (Meets Expectations)');
  // With a note too: the note, then the observations.
  const raj_te = cell('Technical Expertise', 1);
  assert.match(await raj_te.locator('summary').textContent(), /Meets Expectations · 1 note, 1 observation/);
  await raj_te.locator('summary').click();
  assert.deepEqual(await raj_te.locator('details > :not(summary)').allTextContents(), ['Raj watched them walk through technical_expertise', 'Wrote the failing test before the fix (Meets Expectations)']);
  // No evidence, nothing to open.
  assert.equal(await cell('Business Impact', 0).locator('details').count(), 0);
  await context.close();
});

test('a note or observation with a bias risk is folded away in the heat map and in who said what, its text one click away', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const biasNote = 'Great coder but she has two young kids, so on-call might be hard.';
  const biasObs = 'Seemed a bit old for a fast-moving team.';
  const ann = card('Ada', 'Ann', 'Coding', { ...MEETS4, technical_expertise: 'needs_improvement' }, { notes: { technical_expertise: biasNote } });
  ann.observations = [
    { id: 'o1', text: biasObs, capability: 'technical_expertise', level: 'needs_improvement', source: 'interviewer' },
    { id: 'o2', text: 'Missed the off-by-one in the pagination loop', capability: 'technical_expertise', level: 'needs_improvement', source: 'interviewer' },
  ];
  const bo = card('Ada', 'Bo', 'Design', { ...MEETS4, technical_expertise: 'exceeds' }, { notes: { project_ownership: 'Owned the rollout. He is a new dad, so that may slip.' } });
  await paste(page, [ann, bo]);
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 1 candidate/);
  const cell = page.locator('[data-testid=matrix] tbody tr', { hasText: 'Technical Expertise' }).locator('td').first();
  // The note and the first observation are not evidence, and the cell says so.
  assert.equal(await cell.locator('summary').first().textContent(), 'Ann, Technical Expertise: Needs Improvement · 1 note, 2 observations; 2 flagged, not evidence');
  await cell.locator('summary').first().click();
  const folded = cell.locator('details.sc-committee__withheld');
  assert.equal(await folded.count(), 2);
  assert.deepEqual(await folded.locator('summary').allTextContents(), [
    'Not shown: flagged as a bias risk, not evidence of the job',
    'Not shown: flagged as a bias risk, not evidence of the job (Needs Improvement)',
  ]);
  // Folded: not on screen until asked for; the sound observation is shown as it is.
  assert.equal(await cell.getByText(biasNote).isVisible(), false);
  assert.equal(await cell.getByText(biasObs).isVisible(), false);
  assert.equal(await cell.getByText('Missed the off-by-one in the pagination loop (Needs Improvement)').isVisible(), true);
  await folded.nth(1).locator('summary').click();
  assert.equal(await cell.getByText(biasObs).isVisible(), true);
  // Split two levels: discussed in who said what, folded the same way.
  const who = page.locator('details.sc-committee__who', { hasText: 'Technical Expertise' });
  assert.equal(await who.evaluate((d) => d.open), true);
  assert.equal(await who.locator('details.sc-committee__withheld').count(), 2);
  assert.equal(await who.getByText(biasNote).isVisible(), false);
  // A capability the panel agrees on is laid out on demand, read with the same flags.
  const po = page.locator('details.sc-committee__who', { hasText: 'Project Ownership' });
  assert.equal(await po.evaluate((d) => d.open), false);
  assert.equal(await po.locator('details.sc-committee__withheld').count(), 1);
  assert.equal(await po.locator('.sc-committee__note').first().textContent(), 'Ann watched them walk through project_ownership');
  await context.close();
});

test("the interviewers' calibration across panels is shown", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Uma rates a level below Vic and Wes everywhere, on two panels.
  const low = { technical_expertise: 'needs_improvement', project_ownership: 'needs_improvement', business_impact: 'needs_improvement', communication_collaboration: 'meets' };
  const high = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'exceeds' };
  await paste(page, ['Zed', 'Yan'].flatMap((c) => [card(c, 'Uma', 'Coding', low), card(c, 'Vic', 'System design', high), card(c, 'Wes', 'Behavioural', high)]));
  await waitStatus(page, /^6 scorecards loaded, 6 counted, 2 candidates/);
  const section = page.locator('[data-testid=interviewers]');
  assert.equal(await page.getByRole('heading', { name: 'Interviewers across panels' }).count(), 1);
  const uma = section.locator('li', { hasText: 'Uma' });
  assert.match(await uma.textContent(), /^Uma \(2 scorecards, 2 candidates\): Rates 1\.00 levels below the rest of the panel on average over 8 shared ratings across their panels: possibly severe\./);
  assert.match(await uma.getAttribute('class'), /sc-is-warning/);
  assert.match(await section.locator('li', { hasText: 'Vic' }).textContent(), /Vic \(2 scorecards, 2 candidates\): /);
  await context.close();
});

test('a JSON lines file with a bad line loads every good line and names the bad one as file:line', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  await page.setInputFiles('#scc-files', 'tests/fixtures/committee/panel.jsonl');
  await waitStatus(page, /^7 scorecards loaded, 5 counted, 2 candidates\./);
  const failed = page.locator('.sc-committee__failed li');
  assert.equal(await failed.count(), 1);
  assert.match(await failed.textContent(), /^panel\.jsonl:8: not JSON, so not a scorecard \(expected .+ at column \d+\)/);
  assert.match(await page.locator('.sc-committee__aside', { hasText: 'repeated' }).locator('summary').textContent(), /set aside: panel\.jsonl:5/);
  // Pasted lines are read the same way, and a pretty-printed document stays one document.
  await paste(page, [card('Zed', 'Uma', 'Coding', MEETS4)]);
  await waitStatus(page, /^8 scorecards loaded/);
  await page.getByRole('textbox', { name: 'Paste' }).fill(`${JSON.stringify(card('Zed', 'Vic', 'Coding', MEETS4))}\n{"format": oops}\n`);
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await waitStatus(page, /^9 scorecards loaded/);
  assert.deepEqual((await failed.locator('strong').allTextContents()).sort(), ['Pasted text 2, line 2', 'panel.jsonl:8']);
  await page.getByRole('textbox', { name: 'Paste' }).fill(JSON.stringify(card('Zed', 'Wes', 'Coding', MEETS4), null, 2).replace('"meets"', '"great"'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.sc-committee__failed li').length === 3);
  assert.match(await failed.filter({ hasText: 'Pasted text 3' }).textContent(), /^Pasted text 3: ratings\.technical_expertise\.level: unknown level "great"/);
  await context.close();
});

test('scorecards pasted one after another as downloaded (pretty-printed) each load; a broken one is named by its place', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const pretty = (c) => JSON.stringify(c, null, 2);
  // Two downloads pasted together, as a committee member copies them out of two files.
  await page.getByRole('textbox', { name: 'Paste' }).fill(`${pretty(card('Zed', 'Uma', 'Coding', MEETS4))}\n${pretty(card('Zed', 'Vic', 'Design', MEETS4))}\n`);
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 1 candidate\./);
  assert.equal(await page.locator('.sc-committee__failed').count(), 0);
  assert.deepEqual(await (await loadedList(page)).locator('strong').allTextContents(), ['Pasted text 1, item 1', 'Pasted text 1, item 2']);
  // A file of three, the second cut short: the first and third load, the second is named by
  // its place.
  const cut = pretty(card('Zed', 'Wes', 'Behavioural', MEETS4)).replace(/\}\s*$/, '');
  await page.setInputFiles('#scc-files', [file('three.json', `${pretty(card('Zed', 'Xia', 'Values', MEETS4))}\n${cut}\n${pretty(card('Zed', 'Yan', 'Lunch', MEETS4))}`)]);
  await waitStatus(page, /^4 scorecards loaded, 4 counted, 1 candidate\./);
  const failed = page.locator('.sc-committee__failed li');
  assert.equal(await failed.count(), 1);
  // Its lines count from its own first line, which the error places in the file, as
  // `scorecard compare` says it.
  const starts = pretty(card('Zed', 'Xia', 'Values', MEETS4)).split('\n').length + 1;
  assert.match(
    await failed.textContent(),
    new RegExp(`^three\\.json \\[2\\]: not JSON, so not a scorecard \\(EOF while parsing an object at line \\d+ column \\d+\\); those lines are counted from where this document starts, line ${starts} of the file`),
  );
  assert.deepEqual((await (await loadedList(page)).locator('strong').allTextContents()).slice(2), ['three.json [1]', 'three.json [3]']);
  // A file that is not text is listed as not loaded, saying so as `scorecard compare` does, and
  // one saved as UTF-16 ("Unicode" in Windows editors) saying how to save it.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pretty(card('Zed', 'Cy', 'Values', MEETS4)), 'utf16le')]);
  await page.setInputFiles('#scc-files', [{ name: 'photo.json', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) }, { name: 'unicode.json', mimeType: 'application/json', buffer: utf16 }]);
  await page.waitForFunction(() => document.querySelectorAll('.sc-committee__failed li').length === 3);
  assert.match(await failed.filter({ hasText: 'photo.json' }).textContent(), /^photo\.json: not UTF-8 text \(byte 1\); save it as UTF-8( Remove)?$/);
  assert.match(await failed.filter({ hasText: 'unicode.json' }).textContent(), /^unicode\.json: UTF-16 text; save it as UTF-8( Remove)?$/);
  // Pasted, a document that cannot be read goes back in the box as it was, to correct; the
  // others load. The same again: back again.
  const box = page.getByRole('textbox', { name: 'Paste' });
  const broken = pretty(card('Zed', 'Abe', 'Pairing', MEETS4)).replace(/\}\s*$/, '').trimEnd();
  for (const round of [1, 2]) {
    await box.fill(`${pretty(card('Zed', `Bo${round}`, 'Lunch', MEETS4))}\n${broken}\n`);
    await page.getByRole('button', { name: 'Add pasted' }).click();
    await waitStatus(page, new RegExp(`^${4 + round} scorecards loaded, .* What could not be read of the paste is back in the paste box, to correct and add again\\.`));
    await page.waitForFunction((t) => document.querySelector('#scc-paste').value === t, broken);
  }
  await context.close();
});

test('a candidate known by id only is named by the id everywhere; people who share a name are told apart by id', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const named = (c, candidate, interviewer) => ({ ...c, candidate, interviewer });
  await paste(page, [
    // A Greenhouse scorecard names its candidate by id only.
    named(card('X', 'Uma', 'Coding', MEETS4), { id: '2' }, { id: 'e1', name: 'Pat Kim' }),
    named(card('X', 'Vic', 'Coding', MEETS4), { id: 'p-1', name: 'Sam Lee' }, { id: 'e1', name: 'Pat Kim' }),
    named(card('X', 'Wes', 'Design', MEETS4), { id: 'p-1', name: 'Sam Lee' }, { id: 'e9', name: 'Ola' }),
    named(card('X', 'Xia', 'Coding', MEETS4), { id: 'p-2', name: 'Sam Lee' }, { id: 'e2', name: 'Pat Kim' }),
    named(card('X', 'Yan', 'Design', MEETS4), { id: 'p-2', name: 'Sam Lee' }, { id: 'e9', name: 'Ola' }),
  ]);
  await waitStatus(page, /^5 scorecards loaded, 5 counted, 3 candidates\./);
  const names = await page.locator('.sc-committee__compare tbody th button').allTextContents();
  assert.deepEqual([...names].sort(), ['2', 'Sam Lee (p-1)', 'Sam Lee (p-2)']);
  await choose(page, '2');
  const section = page.locator('.sc-committee__candidate');
  assert.match(await section.locator('[data-testid=matrix] caption').textContent(), /^Ratings of 2 by capability and interviewer/);
  assert.equal(await section.locator('figure.sc-chart caption').textContent(), 'Capability profile of 2');
  assert.match(await section.locator('svg.sc-chart__svg').first().getAttribute('aria-label'), /^Capability profile of 2: /);
  await choose(page, 'Sam Lee (p-2)');
  assert.match(await page.locator('.sc-committee__candidate [data-testid=matrix] caption').textContent(), /^Ratings of Sam Lee \(p-2\) by/);
  assert.equal(await page.locator('[data-testid=compare-status]').textContent(), 'Showing Sam Lee (p-2)');
  const across = await page.locator('[data-testid=interviewers] li strong').allTextContents();
  assert.deepEqual(across, ['Ola', 'Pat Kim (e1)', 'Pat Kim (e2)'], 'listed by what the page shows');
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  const md = await page.locator('#scc-out').inputValue();
  assert.match(md, /^## 2$/m);
  assert.match(md, /^## Sam Lee \(p-1\)$/m);
  await context.close();
});

test('two interviewers of one name on one panel read apart in its heat map, who said what and calibration', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const by = (c, id, name) => ({ ...c, interviewer: { id, name } });
  const split = { ...MEETS4, technical_expertise: 'needs_improvement' };
  await paste(page, [
    by(card('Zed', 'x', 'Coding', MEETS4), 's-1', 'Sam Lee'),
    by(card('Zed', 'x', 'Design', { ...MEETS4, technical_expertise: 'exceeds' }), 's-2', 'Sam Lee'),
    by(card('Zed', 'x', 'Talk', split), 'ola', 'Ola'),
  ]);
  await waitStatus(page, /^3 scorecards loaded, 3 counted, 1 candidate\./);
  const headers = await page.locator('[data-testid=matrix] thead th').allTextContents();
  assert.deepEqual(headers, ['Capability', 'Sam Lee (s-1), Coding', 'Sam Lee (s-2), Design', 'Ola, Talk', 'Consensus', 'Spread']);
  const te = page.locator('[data-testid=matrix] tbody tr', { hasText: 'Technical Expertise' });
  assert.match(await te.locator('td').nth(1).getAttribute('title'), /^Sam Lee \(s-2\), Technical Expertise: Exceeds Expectations/);
  const who = page.locator('.sc-committee__who', { hasText: 'Technical Expertise' }).locator('.sc-committee__statements > li > strong');
  assert.deepEqual(await who.allTextContents(), ['Sam Lee (s-1), Coding: Meets Expectations', 'Sam Lee (s-2), Design: Exceeds Expectations', 'Ola, Talk: Needs Improvement']);
  const calibration = await page.locator('[data-testid=calibration] li strong').allTextContents();
  assert.deepEqual(calibration, ['Sam Lee (s-1)', 'Sam Lee (s-2)', 'Ola']);
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  assert.match(await page.locator('#scc-out').inputValue(), /^\| Capability \| Sam Lee \(s-1\) \| Sam Lee \(s-2\) \| Ola \| Consensus \| Spread \|$/m);
  // The list of loaded scorecards, where one is chosen to remove, names them so too.
  const loaded = await (await loadedList(page)).allTextContents();
  assert.deepEqual(loaded.map((t) => t.replace(/ · submitted.*/, '')), ['Pasted text 1, line 1: Zed by Sam Lee (s-1) (Coding)', 'Pasted text 1, line 2: Zed by Sam Lee (s-2) (Design)', 'Pasted text 1, line 3: Zed by Ola (Talk)']);
  await context.close();
});

test("a draft's interviewer reads apart from a namesake on the panel, in the heat map and the loaded list", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const by = (c, id, name) => ({ ...c, interviewer: { id, name } });
  // One Sam Lee submitted, another's draft: not listed across panels, the draft's interviewer
  // was named by the name alone, and both columns read "Sam Lee".
  await paste(page, [
    by(card('Zed', 'x', 'Coding', MEETS4), 's-1', 'Sam Lee'),
    by(card('Zed', 'x', 'Design', MEETS4, { submitted: false }), 's-9', 'Sam Lee'),
    card('Zed', 'Ola', 'Talk', MEETS4),
  ]);
  await waitStatus(page, /^3 scorecards loaded, 2 counted, 1 candidate\./);
  const headers = await page.locator('[data-testid=matrix] thead th').allTextContents();
  assert.deepEqual(headers, ['Capability', 'Sam Lee (s-1), Coding', 'Ola, Talk', 'Consensus', 'Spread', 'Sam Lee (s-9), Design, draft, not counted']);
  const loaded = await (await loadedList(page)).allTextContents();
  assert.deepEqual(loaded.map((t) => t.replace(/ · (submitted|draft).*/, '')), ['Pasted text 1, line 1: Zed by Sam Lee (s-1) (Coding)', 'Pasted text 1, line 2: Zed by Sam Lee (s-9) (Design)', 'Pasted text 1, line 3: Zed by Ola (Talk)']);
  await context.close();
});

test('candidates and repeated scorecards are listed with numbers by value, as interviewers are', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, '?blind=Nobody');
  const later = (c) => ({ ...c, submitted_at: '2026-11-21T10:00:00Z' });
  const cards = [];
  for (const who of ['Candidate 10', 'Candidate 2']) {
    cards.push(card(who, 'Interviewer 2', 'Coding', MEETS4), card(who, 'Interviewer 10', 'Design', MEETS4), later(card(who, 'Interviewer 2', 'Coding', MEETS4)));
  }
  await paste(page, cards);
  await waitStatus(page, /^6 scorecards loaded, 4 counted, 2 candidates\./);
  // Blind mode hides both (no loaded scorecard is by "Nobody"): listed by name.
  assert.match(await page.locator('[data-testid=blind-mode]').textContent(), / Hidden now: Candidate 2, Candidate 10\. /);
  await open(page);
  await waitStatus(page, /^6 scorecards loaded, 4 counted, 2 candidates\./);
  // One outcome and confidence: by name.
  const names = await page.locator('.sc-committee__compare table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[0].textContent.trim()));
  assert.deepEqual(names, ['Candidate 2', 'Candidate 10']);
  await page.locator('summary', { hasText: 'repeated scorecard' }).click();
  const repeats = await page.locator('details', { hasText: 'repeated scorecard' }).locator('li').allTextContents();
  assert.deepEqual(repeats.map((t) => t.replace(/:.*/, '')), ['Candidate 2 by Interviewer 2 (Coding)', 'Candidate 10 by Interviewer 2 (Coding)']);
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  const md = await page.locator('#scc-out').inputValue();
  assert.deepEqual(md.split('\n').filter((l) => /^## Candidate|: kept /.test(l)).map((l) => l.replace(/: kept.*/, '')),
    ['## Candidate 2', '## Candidate 10', '- Candidate 2 / Interviewer 2 / Coding', '- Candidate 10 / Interviewer 2 / Coding']);
  await context.close();
});

test('blind mode by a name two interviewers share opens no panel and asks for an id; by id it opens that one\'s, with a scorecard named without the id', async () => {
  const by = (c, id, name) => ({ ...c, interviewer: { id, name } });
  const cards = [
    by(card('Zed', 'x', 'Coding', MEETS4), 's-1', 'Sam Lee'), card('Zed', 'Ola', 'Talk', MEETS4),
    by(card('Yan', 'x', 'Design', MEETS4), 's-2', 'Sam Lee'), card('Yan', 'Ola', 'Talk', MEETS4),
    // Tom's scorecard for Xu names him without his id (the scorer's page has no id field): the
    // committee joins it to t-3, his id on Yan's panel, and so does blind mode.
    by(card('Yan', 'x', 'Coding', MEETS4), 't-3', 'Tom Ortiz'),
    by(card('Xu', 'x', 'Coding', MEETS4), '', 'Tom Ortiz'), card('Xu', 'Ola', 'Talk', MEETS4),
  ];
  const context = await browser.newContext();
  const hiddenIn = async (query) => {
    const page = await context.newPage();
    await open(page, query);
    await paste(page, cards);
    await waitStatus(page, /^7 scorecards loaded, 7 counted, 3 candidates\./);
    const banner = await page.locator('[data-testid=blind-mode]').textContent();
    const hidden = (banner.match(/ Hidden now: (.*?)\. The Markdown/)?.[1].split(', ') ?? []).sort();
    await page.close();
    return { hidden, banner };
  };
  const shared = await hiddenIn('?blind=Sam%20Lee');
  assert.deepEqual(shared.hidden, ['Xu', 'Yan', 'Zed']);
  assert.match(shared.banner, /2 interviewers go by "Sam Lee": Sam Lee \(s-1\), Sam Lee \(s-2\)\. Every panel stays hidden until the address names you by your id/);
  const s2 = await hiddenIn('?blind=s-2');
  assert.deepEqual(s2.hidden, ['Xu', 'Zed']);
  assert.match(s2.banner, /^Blind mode for Sam Lee \(s-2\):/);
  assert.doesNotMatch(s2.banner, /go by/);
  assert.deepEqual((await hiddenIn('?blind=t-3')).hidden, ['Zed']);
  assert.deepEqual((await hiddenIn('?blind=Tom%20Ortiz')).hidden, ['Zed']);
  await context.close();
});

test('a scorecard made against another version of the rubric is marked where it is listed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const v2 = { ...card('Zed', 'Vic', 'Design', MEETS4), rubric: { id: 'l4-senior-software-engineer', version: 2 } };
  await paste(page, [card('Zed', 'Uma', 'Coding', MEETS4), v2]);
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 1 candidate\./);
  const items = await loadedList(page);
  assert.deepEqual(await items.allTextContents(), [
    'Pasted text 1, line 1: Zed by Uma (Coding) · submitted 2026-11-20 10:00 UTC Remove',
    'Pasted text 1, line 2: Zed by Vic (Design) · rubric version 2 (this view uses version 1) · submitted 2026-11-20 10:00 UTC Remove',
  ]);
  const said = page.locator('.sc-committee__who', { hasText: 'Technical Expertise' }).locator('.sc-committee__statements > li');
  assert.equal(await said.nth(0).locator('[data-testid=rubric-version]').count(), 0);
  assert.equal(await said.nth(1).locator('[data-testid=rubric-version]').textContent(), 'rubric version 2 (this view uses version 1)');
  assert.match(await said.nth(1).textContent(), /^Vic, Design: Meets Expectations · rubric version 2 \(this view uses version 1\)/);
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  assert.match(await page.locator('#scc-out').inputValue(), /^- Vic \(Pasted text 1, line 2\): made against rubric version 2, counted under version 1$/m);
  await context.close();
});

test('the comparison says its order, and follows it: outcome, then confidence as shown, then name', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const split = { technical_expertise: 'meets', project_ownership: 'exceeds', business_impact: 'meets', communication_collaboration: 'meets' };
  const low = { ...split, project_ownership: 'needs_improvement' };
  await paste(page, [
    card('Ada', 'Uma', 'Coding', MEETS4), card('Ada', 'Vic', 'Design', MEETS4),
    card('Bea', 'Uma', 'Coding', { ...MEETS4, project_ownership: 'exceeds' }), card('Bea', 'Vic', 'Design', MEETS4),
    card('Cy', 'Uma', 'Coding', split), card('Cy', 'Vic', 'Design', low),
    card('Dee', 'Uma', 'Coding', MEETS4),
  ]);
  await waitStatus(page, /^7 scorecards loaded, 7 counted, 4 candidates\./);
  const table = page.locator('.sc-committee__compare table');
  assert.equal(await table.locator('caption').textContent(), 'Candidates by outcome, then confidence (highest first), then name; with panel size and consensus per capability');
  assert.equal(await page.locator('[data-testid=compare-order]').textContent(), 'In order of outcome, then confidence (highest first), then name.');
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent.trim())));
  for (let i = 1; i < rows.length; i++) {
    const [[name0, outcome0, conf0], [name1, outcome1, conf1]] = [rows[i - 1], rows[i]];
    if (outcome0 !== outcome1) continue;
    const [a, b] = [parseInt(conf0, 10), parseInt(conf1, 10)];
    assert.ok(a > b || (a === b && name0.localeCompare(name1) < 0), `${rows.map((r) => r.join(' ')).join('; ')}`);
  }
  await context.close();
});

test('the loaded scorecards are listed with drafts marked and times in UTC, and each can be removed with the keyboard', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Wes submitted in the evening in California: the next day in UTC, as the rest of the view
  // says times.
  const wes = { ...card('Zed', 'Wes', 'Behavioural', MEETS4), submitted_at: '2026-11-20T23:30:00-08:00' };
  await paste(page, [card('Zed', 'Uma', 'Coding', MEETS4), card('Zed', 'Vic', 'System design', MEETS4, { submitted: false }), wes]);
  await waitStatus(page, /^3 scorecards loaded/);
  assert.equal(await page.locator('details.sc-committee__sources summary').textContent(), 'Loaded scorecards (3, 1 draft)');
  const items = await loadedList(page);
  assert.deepEqual(await items.allTextContents(), [
    'Pasted text 1, line 1: Zed by Uma (Coding) · submitted 2026-11-20 10:00 UTC Remove',
    'Pasted text 1, line 2: Zed by Vic (System design) · draft, not submitted Remove',
    'Pasted text 1, line 3: Zed by Wes (Behavioural) · submitted 2026-11-21 07:30 UTC Remove',
  ]);

  // The draft is not counted, and marked in the heat map: its column comes after the consensus
  // and the spread, and each cell's name and tooltip say it is a draft.
  assert.match(await status(page), /^3 scorecards loaded, 2 counted, 1 candidate\. 1 draft not counted: not yet submitted\./);
  const header = page.locator('[data-testid=matrix] thead th').last();
  assert.equal(await header.textContent(), 'Vic, System design, draft, not counted');
  const te = page.locator('[data-testid=matrix] tbody tr', { hasText: 'Technical Expertise' });
  const cell = te.locator('td').last();
  assert.equal(await cell.getAttribute('title'), 'Vic, Technical Expertise (draft, not counted): Meets Expectations · 1 note');
  assert.match(await cell.ariaSnapshot(), /"Vic, Technical Expertise \(draft, not counted\): Meets Expectations · 1 note/);
  assert.doesNotMatch(await te.locator('td').first().getAttribute('title'), /draft/);

  // Remove goes with its row: the keyboard goes to the next Remove, then to the file input.
  await page.getByRole('button', { name: 'Remove Pasted text 1, line 1' }).focus();
  await page.keyboard.press('Enter');
  await waitStatus(page, /^2 scorecards loaded/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Remove Pasted text 1, line 2');
  await page.keyboard.press('Enter');
  await waitStatus(page, /^1 scorecard loaded/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Remove Pasted text 1, line 3');
  await page.keyboard.press('Enter');
  await waitStatus(page, /^No scorecards loaded yet\./);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'scc-files');
  await context.close();
});

test('a draft is marked where the panel is counted, in words, and left out of the outcome until it is submitted', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Vic's draft rates Zed needs improvement everywhere: counted, it would split the panel two
  // levels and sink the outcome.
  const NI4 = Object.fromEntries(Object.keys(MEETS4).map((k) => [k, 'needs_improvement']));
  const vic = card('Zed', 'Vic', 'System design', NI4, { submitted: false });
  await paste(page, [
    card('Zed', 'Uma', 'Coding', MEETS4), vic, card('Zed', 'Wes', 'Behavioural', MEETS4),
    card('Yan', 'Uma', 'Coding', MEETS4), card('Yan', 'Wes', 'Behavioural', MEETS4),
  ]);
  await waitStatus(page, /^5 scorecards loaded, 4 counted, 2 candidates\. 1 draft not counted: not yet submitted\.$/);

  // The comparison's Panel column: the submitted count, and the draft beside it in words (not a
  // colour), which a screen reader hears as not counted; a key under the table says what it means.
  const zed = page.locator('.sc-committee__compare tbody tr', { hasText: 'Zed' });
  const panelCell = zed.locator('td').nth(2);
  assert.equal(await panelCell.textContent(), '2 +1 draft (not submitted, not counted)');
  assert.equal((await panelCell.locator('[data-testid=panel-drafts]').textContent()).trim(), '+1 draft');
  assert.match(await panelCell.ariaSnapshot(), /"2 \+1 draft\s*\(not submitted, not counted\)"/);
  assert.equal(await page.locator('.sc-committee__compare tbody tr', { hasText: 'Yan' }).locator('td').nth(2).textContent(), '2');
  const key = page.locator('[data-testid=drafts-key]');
  assert.ok(await key.isVisible());
  assert.match(await key.textContent(), /^\+N drafts: N scorecards loaded but not yet submitted\. Drafts are not counted: the panel size, the consensus, the outcome and its confidence are those of the submitted scorecards only\.$/);
  assert.equal(await key.getAttribute('aria-hidden'), null, 'the key is read too');
  // The outcome is the submitted scorecards': a hire at L4 with nothing contested; the rationale
  // names the draft left out.
  assert.match(await zed.locator('td').first().textContent(), /^Hire at L4/);
  await choose(page, 'Zed');
  assert.match(await page.locator('[data-testid=committee-decision]').textContent(), /^Hire at L4/);
  const rationale = await page.locator('[data-testid=committee-rationale]').textContent();
  assert.match(rationale, /Committee view of 2 submitted scorecards/);
  assert.match(rationale, /Not counted: 1 draft not yet submitted \(Vic, System design\); its ratings count once it is submitted\./);
  assert.doesNotMatch(rationale, /contested|split/);
  const te = page.locator('[data-testid=matrix] tbody tr', { hasText: 'Technical Expertise' });
  // In the heat map the consensus is the submitted scorecards' (no spread); the draft's column
  // comes after it, marked.
  assert.deepEqual(await te.locator('td').evaluateAll((tds) => tds.map((td) => td.title || td.textContent)), [
    'Uma, Technical Expertise: Meets Expectations · 1 note', 'Wes, Technical Expertise: Meets Expectations · 1 note',
    'Meets Expectations', '0', 'Vic, Technical Expertise (draft, not counted): Needs Improvement · 1 note',
  ]);
  // Submitted, Vic's scorecard counts: no draft left, and the panel is split.
  await paste(page, [{ ...vic, submitted_at: '2026-11-21T09:00:00Z' }]);
  await waitStatus(page, /^6 scorecards loaded, 5 counted, 2 candidates\.( |$)/);
  assert.doesNotMatch(await status(page), /draft/);
  assert.equal(await zed.locator('td').nth(2).textContent(), '3');
  assert.equal(await page.locator('[data-testid=drafts-key]').count(), 0);
  assert.match(await page.locator('[data-testid=committee-rationale]').textContent(), /Committee view of 3 scorecards/);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`the profile chart's range lines stand out at 3:1 or more, with end caps (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await open(page);
    await paste(page, [card('Zed', 'Uma', 'Coding', { ...MEETS4, technical_expertise: 'needs_improvement' }), card('Zed', 'Vic', 'System design', { ...MEETS4, technical_expertise: 'exceeds' }), card('Zed', 'Wes', 'Behavioural', MEETS4)]);
    await page.waitForSelector('.sc-chart .sc-chart__range', { state: 'attached' });
    const found = await page.evaluate(() => {
      // The WCAG contrast ratio of two computed colours ("rgb(r, g, b)").
      const lum = (c) => {
        const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => { v = Number(v) / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const bg = getComputedStyle(document.querySelector('.sc-chart')).backgroundColor;
      const shown = [...document.querySelectorAll('.sc-chart svg')].filter((s) => s.getClientRects().length > 0);
      return shown.flatMap((s) => [...s.querySelectorAll('.sc-chart__range')]).map((line) => {
        const bar = line.parentElement.querySelector('.sc-chart__bar');
        const halo = line.previousElementSibling?.matches('.sc-chart__halo') ? line.previousElementSibling : null;
        // What the line is drawn on: its halo, or else the bar it crosses.
        const under = getComputedStyle(halo ?? bar)[halo ? 'stroke' : 'fill'];
        const caps = (line.getAttribute('d') ?? '').match(/V/g)?.length ?? 0;
        return { line: ratio(getComputedStyle(line).stroke, under), bar: ratio(getComputedStyle(bar).fill, bg), halo: halo ? ratio(under, getComputedStyle(bar).fill) : 0, caps };
      });
    });
    assert.equal(found.length, 1);
    for (const f of found) {
      assert.ok(f.line >= 3, `range line ${f.line.toFixed(2)}:1 against what it is drawn on`);
      assert.ok(f.halo >= 3, `its halo ${f.halo.toFixed(2)}:1 against the bar`);
      assert.ok(f.bar >= 3, `bar ${f.bar.toFixed(2)}:1 against the chart`);
      assert.equal(f.caps, 2, 'a cap at each end');
    }
    await context.close();
  });
}

test('at 360 px the profile chart shows its axis labels without scrolling sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await open(page);
  // A split the outcome rests on: its badges, in who said what, must wrap too.
  await paste(page, [card('Zed', 'Uma', 'Coding', { ...MEETS4, technical_expertise: 'needs_improvement' }), card('Zed', 'Vic', 'System design', { ...MEETS4, project_ownership: 'exceeds' })]);
  await page.waitForSelector('.sc-chart');
  await page.waitForSelector('[data-testid=pivot]');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'the page does not scroll sideways');
  const chart = await page.evaluate(() => {
    const figure = document.querySelector('.sc-chart');
    const box = figure.getBoundingClientRect();
    const svgs = [...figure.querySelectorAll('svg')].filter((s) => s.getClientRects().length > 0);
    const texts = svgs.flatMap((s) => [...s.querySelectorAll('text')]).map((t) => { const r = t.getBoundingClientRect(); return { t: t.textContent, left: r.left, right: r.right, size: r.height }; });
    const scrollers = [...figure.querySelectorAll('*')]
      .filter((e) => !e.closest('.sc-visually-hidden') && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible');
    return { svgs: svgs.length, box: { left: box.left, right: box.right }, texts, scrollers: scrollers.length };
  });
  assert.equal(chart.svgs, 1);
  assert.equal(chart.scrollers, 0, 'nothing in the chart scrolls sideways');
  for (const t of chart.texts) {
    assert.ok(t.left >= chart.box.left && t.right <= chart.box.right && t.right <= 360, `"${t.t}" is inside the chart (${t.left}–${t.right})`);
  }
  assert.deepEqual(chart.texts.filter((t) => ['NI', 'Meets', 'Exceeds'].includes(t.t)).map((t) => t.t), ['NI', 'Meets', 'Exceeds']);
  await context.close();
});

test('beside the recommendation (960 and 1024 px) and on a phone, the profile chart with labels above its bars is as wide as its box', async () => {
  // Held to 380 px, it left a fifth of its box empty on the right at 1024 px.
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await open(page);
  await paste(page, [card('Zed', 'Uma', 'Coding', MEETS4), card('Zed', 'Vic', 'System design', MEETS4)]);
  await page.waitForSelector('.sc-chart');
  for (const width of [360, 960, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    const chart = await page.evaluate(() => {
      const figure = document.querySelector('.sc-chart');
      const style = getComputedStyle(figure);
      const svg = [...figure.querySelectorAll('svg')].find((s) => s.checkVisibility());
      return { narrow: svg.classList.contains('sc-m-narrow'), svg: svg.getBoundingClientRect().width,
        box: figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
    });
    assert.ok(chart.narrow, `at ${width} px the labels are above the bars`);
    assert.ok(Math.abs(chart.svg - chart.box) <= 1, `at ${width} px the chart is ${chart.svg} px wide in a box of ${chart.box}`);
  }
  await context.close();
});

test('"Add pasted" keeps the keyboard in the paste box, and the comparison table scrolls by keyboard at 360 px', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await open(page);
  await page.getByRole('textbox', { name: 'Paste' }).fill([card('Zed', 'Uma', 'Coding', MEETS4), card('Yan', 'Uma', 'Coding', MEETS4)].map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('textbox', { name: 'Paste' }).press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Add pasted');
  await page.keyboard.press('Enter');
  await waitStatus(page, /^2 scorecards loaded/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'scc-paste', 'the button disabled itself: the keyboard is back in the paste box');

  const wrap = page.locator('.sc-committee__compare .sc-table-wrap');
  assert.ok(await wrap.evaluate((e) => e.scrollWidth > e.clientWidth), 'the table is wider than its box at 360 px');
  assert.match(await wrap.ariaSnapshot(), /^- region "Candidates side by side \(scrolls sideways\)"/);
  // Reached with Tab, and scrolled with the arrow keys.
  await page.locator('.sc-committee__compare tbody th button').last().focus();
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 3 && !(await wrap.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  assert.ok(await wrap.evaluate((e) => e === document.activeElement), 'the scroll box takes the focus');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.sc-committee__compare .sc-table-wrap').scrollLeft > 0);
  await context.close();
});

/** At 360 px, one candidate's heat map of five interviewers, wider than the screen: its cells' summaries. */
async function narrowHeatMap() {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await open(page);
  await paste(page, ['Uma', 'Vic', 'Wes', 'Xia', 'Yul'].map((who, i) => card('Zed', who, `Step ${i + 1}`, MEETS4)));
  await waitStatus(page, /^5 scorecards loaded, 5 counted, 1 candidate/);
  return { context, page, cells: page.locator('[data-testid=matrix] summary') };
}

test('at 360 px, a heat-map cell the keyboard reaches with Shift+Tab or Tab is never left under the sticky capability column', async () => {
  const { context, page, cells } = await narrowHeatMap();
  const count = await cells.count();
  assert.equal(count, 20, 'each of the 4 capabilities rated by 5 interviewers, with a note');
  // Where the focused cell is drawn: on top (not under the first column), and how far its box
  // is scrolled.
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { cell: a.localName === 'summary' && !!a.closest('[data-testid=matrix]'), seen: a.contains(top), top: top?.textContent.slice(0, 30), scrolled: a.closest('.sc-table-wrap')?.scrollLeft };
  });
  let scrolled = 0;
  for (const [key, start] of [['Shift+Tab', count - 1], ['Tab', 0]]) {
    await cells.nth(start).focus();
    for (let i = 1; i < count; i++) {
      await page.keyboard.press(key);
      const f = await focused();
      assert.ok(f.cell, `${key} ${i}: the focus stays in the heat map's cells`);
      assert.ok(f.seen, `${key} ${i}: the focused cell is on top, not under "${f.top}" (scrolled ${f.scrolled} px)`);
      if (f.scrolled > 0) scrolled++;
    }
  }
  assert.ok(scrolled >= 10, `the table was scrolled sideways for ${scrolled} of the cells`);
  await context.close();
});

test('at 360 px, a click on the visible part of a heat-map cell half under the sticky column opens it', async () => {
  const { context, page, cells } = await narrowHeatMap();
  // Each interviewer's cell of the first row: its box scrolled so that the cell's left 40% is
  // under the capability column, then clicked halfway across what shows of it.
  for (let i = 1; i < 5; i++) {
    const at = await cells.nth(i).evaluate((summary) => {
      const cell = summary.closest('td');
      const wrap = cell.closest('.sc-table-wrap');
      const first = wrap.querySelector('td');
      cell.scrollIntoView({ block: 'center' });
      wrap.scrollLeft = cell.offsetLeft - first.offsetLeft + cell.offsetWidth * 0.4;
      const column = wrap.querySelector('tbody th').getBoundingClientRect().right;
      const r = summary.getBoundingClientRect();
      return { x: (column + r.right) / 2, y: r.top + r.height / 2, hidden: r.left < column };
    });
    assert.ok(at.hidden, `cell ${i}: partly under the capability column before the click`);
    await page.mouse.click(at.x, at.y);
    assert.ok(await cells.nth(i).evaluate((s) => s.parentElement.open), `cell ${i}: the click opened it`);
    await cells.nth(i).evaluate((s) => { s.parentElement.open = false; });
  }
  await context.close();
});

test('an interviewer with nobody to compare with is not called "in line"', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Two candidates, each with one interviewer: nobody shares a rating with anyone.
  const varied = { technical_expertise: 'meets', project_ownership: 'exceeds', business_impact: 'meets', communication_collaboration: 'needs_improvement' };
  const notes = Object.fromEntries(Object.keys(varied).map((k) => [k, 'Designed the retry queue and walked me through its failure modes.']));
  await paste(page, [card('Solo', 'Una', 'Coding', varied, { notes }), card('Other', 'Vic', 'Coding', varied, { notes })]);
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 2 candidates\./);
  await choose(page, 'Solo');
  const text = await page.locator('main').textContent();
  assert.match(text, /Una: no ratings shared with another interviewer to compare\./);
  assert.doesNotMatch(text, /Una: in line with the panel/);
  assert.doesNotMatch(text, /in line with the rest of their panels/);
  await context.close();
});

test('a scorecard that names no candidate is listed as not counted, with the reason', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const anonymous = card('Nobody', 'Una', 'Coding', MEETS4);
  delete anonymous.candidate;
  await page.setInputFiles('#scc-files', [file('gh-anonymous.json', anonymous)]);
  await waitStatus(page, /^1 scorecard loaded, 0 counted/);
  await page.getByText('1 not counted: no candidate named').waitFor();
  await page.getByText('gh-anonymous.json: names no candidate').waitFor();
  await context.close();
});

test('names and notes with direction controls are isolated: the text around them keeps its order, Remove stays at the end', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // U+202E RIGHT-TO-LEFT OVERRIDE, U+202B RIGHT-TO-LEFT EMBEDDING, U+2066 LEFT-TO-RIGHT ISOLATE
  // (never closed), U+2067 RIGHT-TO-LEFT ISOLATE, and a stray U+2069 POP DIRECTIONAL ISOLATE,
  // none closed, in names, steps, file names, notes and observations.
  const rtl = 'Ada \u202eRTL';
  const notes = { technical_expertise: 'Drew it \u202eon the board, then (left to right) again.' };
  const wes = card(rtl, 'Wes \u2069\u202eStray', 'Behavioural', { ...MEETS4, technical_expertise: 'needs_improvement' });
  const xi = card(rtl, 'Xi \u2067Draft', 'Values', MEETS4, { submitted: false });
  const vic = card(rtl, 'Vic \u202bEmb', 'Sys \u2066design', { ...MEETS4, technical_expertise: 'exceeds' }, { notes });
  vic.observations = [{ id: 'o1', text: 'Sketched \u202ethe shards first', capability: 'technical_expertise', level: 'exceeds', source: 'interviewer' }];
  const staff = card(rtl, 'Dan \u202eIto', 'Coding', MEETS4);
  staff.rubric = { id: 'l5-staff-software-engineer', version: 1 };
  const clean = card('Ada Clean', 'Uma', 'Coding', MEETS4);
  // What may stand alone in a block, a paragraph of its own: the name as a heading, the notes.
  const values = [rtl, ...[vic, wes, xi].flatMap((c) => [...Object.values(c.ratings).map((r) => r.note), ...(c.observations ?? []).map((o) => o.text)])];
  await page.setInputFiles('#scc-files', [
    file('clean.json', clean),
    file('rtl\u202e-vic.json', vic),
    file('wes.json', wes),
    file('uma.json', card(rtl, 'Uma', 'Coding', MEETS4)),
    file('dup\u202b.json', { ...vic, submitted_at: '2026-11-21T10:00:00Z' }),
    file('xi.json', xi),
    file('staff\u202e.json', staff),
    file('bro\u202eken.json', '{"format": oops}'),
  ]);
  await waitStatus(page, /^7 scorecards loaded, 4 counted, 2 candidates\./);
  // The same file again, under a hostile name: said in the status line.
  await page.setInputFiles('#scc-files', [file('again\u202e.json', clean)]);
  await waitStatus(page, /Already loaded, not added again/);
  await loadedList(page);
  await page.locator('.sc-committee__compare tbody th button', { hasText: 'RTL' }).click();
  await page.waitForFunction(() => /RTL/.test(document.querySelector('#scc-cand')?.textContent));
  await page.locator('.sc-committee__aside summary', { hasText: 'repeated' }).click();
  assert.deepEqual(await scrambled(page, '.sc-committee', values, '[data-testid=loaded] li, .sc-committee__failed li'), []);
  // Not one control character goes into the Markdown summary.
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  assert.doesNotMatch(await page.locator('#scc-out').inputValue(), /[\u202a-\u202e\u2066-\u2069]/);

  // On paper, every candidate.
  await page.evaluate(() => { window.print = () => window.dispatchEvent(new Event('beforeprint')); });
  await page.getByRole('button', { name: 'Print all candidates' }).click();
  await page.waitForSelector('[data-testid=print-packet] .sc-committee__candidate', { state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await scrambled(page, '.sc-committee', values, '[data-testid=loaded] li, .sc-committee__failed li'), []);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });

  // Blind mode for an interviewer named with a control: the notices name them and the candidate.
  await page.goto(base + '/committee.html?blind=' + encodeURIComponent('Xi \u2067Draft'));
  await page.waitForSelector('[data-testid=blind-mode]');
  await page.locator('.sc-committee__compare tbody th button', { hasText: 'RTL' }).click();
  await page.waitForSelector('[data-testid=blind]');
  assert.deepEqual(await scrambled(page, '.sc-committee', values, '[data-testid=loaded] li, .sc-committee__failed li'), []);
  await context.close();
});
