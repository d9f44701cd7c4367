// End-to-end: the committee view's answers to a QA pass (its findings M2, M3, M5, M6, L1, L3,
// L6). Files dropped anywhere on the page load; a document refused for its size is not saved;
// "Clear all" asks with the keyboard on Cancel and Escape cancels; choosing a candidate brings
// their section into view, with a way back; an empty JSON list is listed as not loaded; the
// drafts' key speaks of any number; a failed paste's scorecard pasted again replaces its old
// error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const MEETS4 = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' };
const KEY = 'scorecard:v1:committee:l4-senior-software-engineer';

/** A scorecard of the default rubric; `submitted: false` makes it a draft. */
const card = (candidate, interviewer, step, levels = MEETS4, { submitted = true } = {}) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
  candidate: { id: `c-${candidate.toLowerCase().replace(/\W/g, '')}`, name: candidate }, interviewer: { id: interviewer.toLowerCase(), name: interviewer },
  interview: { step, date: '2026-11-20' }, ...(submitted ? { submitted_at: '2026-11-20T10:00:00Z' } : {}),
  ratings: Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v, note: `${interviewer} on ${k}` }])),
});

const file = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)) });
const status = (page) => page.locator('[data-testid=load-status]').textContent();
const waitStatus = (page, re) => page.waitForFunction((s) => new RegExp(s).test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), re.source);
/** Two frames: a render Yew put off to a later task (it yields every 16 ms) is on screen by then. */
const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
const failures = (page) => page.locator('.sc-committee__failed li').evaluateAll((lis) => lis.map((li) => li.textContent.replace(/ Remove$/, '')));

async function open(page) {
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
}

async function paste(page, text) {
  await page.getByRole('textbox', { name: 'Paste' }).fill(text);
  await page.getByRole('button', { name: 'Add pasted' }).click();
}

/**
 * Drags `files` ({ name, text }) over the element `selector` and drops them there, as a person
 * dropping files from their desktop does; returns whether the page cancelled each event (an
 * uncancelled drop makes the browser open the file in place of the page).
 */
function drop(page, selector, files, type = 'files') {
  return page.evaluate(({ selector, files, type }) => {
    const data = new DataTransfer();
    if (type === 'files') for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
    else data.setData('text/plain', files[0].text);
    const target = document.querySelector(selector);
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(over);
    const dropped = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(dropped);
    return { dragover: over.defaultPrevented, drop: dropped.defaultPrevented };
  }, { selector, files, type });
}

test("the drafts' key under the comparison describes any number of drafts", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  await paste(page, [
    card('Zed', 'Uma', 'Coding'), card('Zed', 'Vic', 'Design', MEETS4, { submitted: false }), card('Zed', 'Wes', 'Values', MEETS4, { submitted: false }),
    card('Yan', 'Uma', 'Coding'),
  ].map((c) => JSON.stringify(c)).join('\n'));
  await waitStatus(page, /^4 scorecards loaded, 2 counted, 2 candidates\./);
  const zed = page.locator('.sc-committee__compare tbody tr', { hasText: 'Zed' });
  assert.equal((await zed.locator('[data-testid=panel-drafts]').textContent()).trim(), '+2 drafts');
  assert.match(await page.locator('[data-testid=drafts-key]').textContent(), /^\+N drafts: N scorecards loaded but not yet submitted\. Drafts are not counted/);
  await context.close();
});

test('"Clear all" asks with the keyboard on Cancel; Escape cancels and gives the keyboard back to Clear all', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  await paste(page, [card('Zed', 'Uma', 'Coding'), card('Zed', 'Vic', 'Design')].map((c) => JSON.stringify(c)).join('\n'));
  await waitStatus(page, /^2 scorecards loaded/);
  const clear = page.getByRole('button', { name: 'Clear all' });
  await clear.focus();
  await page.keyboard.press('Enter');
  await page.getByText('Remove all 2 loaded scorecards from this view and this browser?').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel', 'the keyboard is on the choice that loses nothing');
  // Escape, from either answer, cancels.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'scc-clear');
  assert.equal(await page.getByRole('button', { name: 'Remove all' }).count(), 0);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Remove all' }).focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'scc-clear');
  // Enter twice: asked, then cancelled; nothing is removed.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'scc-clear-no');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'scc-clear');
  assert.match(await status(page), /^2 scorecards loaded/);
  // Removing all is still a Tab away (Shift+Tab from Cancel).
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'scc-clear-no');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await waitStatus(page, /^No scorecards loaded yet\./);
  await context.close();
});

test('choosing a candidate in a long comparison brings their section into view, with a way back to the comparison', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await open(page);
  // 30 candidates: the selected candidate's section starts well below the window.
  const names = Array.from({ length: 30 }, (_, i) => `Cand ${String(i + 1).padStart(2, '0')}`);
  await paste(page, names.map((n) => JSON.stringify(card(n, 'Uma', 'Coding'))).join('\n'));
  await waitStatus(page, /^30 scorecards loaded, 30 counted, 30 candidates\./);
  const inView = (selector) => page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);
  assert.equal(await inView('#scc-cand'), false, 'the section starts below the window');

  // By mouse: the keyboard goes to the heading, at the top of the window, the section below it.
  await page.getByRole('button', { name: 'Cand 25', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'scc-cand' && document.activeElement.textContent === 'Cand 25');
  assert.equal(await inView('#scc-cand'), true);
  const top = await page.evaluate(() => document.querySelector('#scc-cand').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 50, `the heading is at the top of the window: ${top}px`);
  // Back to the comparison, by keyboard (the link follows the heading): the candidate's row is
  // in view, and Tab goes on from it, to the next candidate.
  const back = page.getByRole('link', { name: 'Back to the comparison' });
  assert.equal(await back.count(), 1);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Back to the comparison');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const r = document.querySelector('[aria-current=true]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cand 26');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'scc-cand' && document.activeElement.textContent === 'Cand 26');
  assert.equal(await inView('#scc-cand'), true);
  // Chosen again from the table, the same candidate is brought into view again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Cand 26', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'scc-cand');
  assert.equal(await inView('#scc-cand'), true);
  // The way back goes to the candidate shown now, by mouse too, from the foot of the page.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  assert.equal(await inView('[aria-current=true]'), false);
  await back.click();
  await page.waitForFunction(() => {
    const r = document.querySelector('[aria-current=true]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.equal(await page.locator('[aria-current=true]').textContent(), 'Cand 26');
  // Not on paper.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await back.isVisible(), false);
  await context.close();
});

test('a single candidate has no comparison, and no link back to one', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  await paste(page, JSON.stringify(card('Zed', 'Uma', 'Coding')));
  await page.waitForSelector('[data-testid=matrix]');
  assert.equal(await page.getByRole('link', { name: 'Back to the comparison' }).count(), 0);
  await context.close();
});

test('files dropped anywhere on the page load as on the load box; text dragged into the paste box is left alone', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const json = (c) => JSON.stringify(c, null, 2);
  // On the page's header, far from the load box.
  assert.deepEqual(await drop(page, '.sc-header', [{ name: 'uma.json', text: json(card('Zed', 'Uma', 'Coding')) }]), { dragover: true, drop: true });
  await waitStatus(page, /^1 scorecard loaded, 1 counted, 1 candidate\./);
  // Once a panel is shown: on its heat map, two files at once, announced as one batch.
  await page.waitForSelector('[data-testid=matrix]');
  assert.deepEqual(await drop(page, '[data-testid=matrix]', [
    { name: 'vic.json', text: json(card('Zed', 'Vic', 'Design')) }, { name: 'wes.json', text: json(card('Yan', 'Wes', 'Values')) },
  ]), { dragover: true, drop: true });
  await waitStatus(page, /^3 scorecards loaded, 3 counted, 2 candidates\.$/);
  // On the load box, as before.
  assert.deepEqual(await drop(page, '.sc-committee__load', [{ name: 'xia.json', text: json(card('Yan', 'Xia', 'Coding')) }]), { dragover: true, drop: true });
  await waitStatus(page, /^4 scorecards loaded, 4 counted, 2 candidates\.$/);
  // Text, not files, dragged into the paste box: the browser's own drop (the text goes in the box).
  assert.deepEqual(await drop(page, '#scc-paste', [{ text: 'some text' }], 'text'), { dragover: false, drop: false });
  assert.match(await status(page), /^4 scorecards loaded/);
  await context.close();
});

test('a file or paste holding an empty JSON list is listed as holding no scorecard', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  await page.setInputFiles('#scc-files', [file('empty.json', '[]')]);
  await waitStatus(page, /^No scorecards loaded\.$/);
  assert.deepEqual(await failures(page), ['empty.json: holds no scorecard (an empty JSON list)']);
  await page.setInputFiles('#scc-files', [file('uma.json', card('Zed', 'Uma', 'Coding')), file('none.json', '[ ]\n')]);
  await waitStatus(page, /^1 scorecard loaded, 1 counted, 1 candidate\./);
  assert.deepEqual(await failures(page), ['empty.json: holds no scorecard (an empty JSON list)', 'none.json: holds no scorecard (an empty JSON list)']);
  await paste(page, '[]');
  await page.waitForFunction(() => document.querySelectorAll('.sc-committee__failed li').length === 3);
  assert.equal((await failures(page))[2], 'Pasted text 1: holds no scorecard (an empty JSON list)');
  assert.equal(await page.locator('#scc-paste').inputValue(), '', 'nothing to correct goes back in the box');
  await context.close();
});

test('a document refused for its size is listed with its error but not saved: the panel beside it still is', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Four files of 1.4 MB (over the 1 MiB a document may have), which together are more than
  // browser storage holds (about 5 million characters), beside two good ones.
  const huge = (who) => JSON.stringify({ ...card('Zed', who, 'Attachments'), padding: 'x'.repeat(1_400_000) });
  const big = ['h1', 'h2', 'h3', 'h4'].map((who) => file(`${who}.json`, huge(who)));
  await page.setInputFiles('#scc-files', [file('uma.json', card('Zed', 'Uma', 'Coding')), ...big, file('vic.json', card('Zed', 'Vic', 'Design'))]);
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 1 candidate\./);
  assert.deepEqual(await failures(page), ['h1', 'h2', 'h3', 'h4'].map((who) => `${who}.json: document is ${huge(who).length} bytes; the limit is 1048576`));
  // Saved when the browser is idle: the two scorecards, not the refused text. The save either
  // writes or says why not; two frames after it, what the status says of it is on screen.
  await page.waitForFunction((key) => localStorage.getItem(key) !== null || /Not saved/.test(document.querySelector('[data-testid=load-status]').textContent), KEY);
  await frames(page);
  assert.doesNotMatch(await status(page), /Not saved/);
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.deepEqual(saved.map(([label]) => label), ['uma.json', 'vic.json']);
  await page.reload();
  await waitStatus(page, /^2 scorecards loaded, 2 counted, 1 candidate\./);
  await context.close();
});

test('when browser storage is full, the status says what takes the room', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  // Another app of this site (or the scorer's drafts) filled storage to the last character.
  await page.evaluate(() => {
    let n = 0;
    for (const size of [100_000, 10_000, 100, 1]) {
      try { for (;;) localStorage.setItem(`other:${n++}`, 'x'.repeat(size)); } catch { /* full at this size */ }
    }
  });
  await paste(page, [card('Zed', 'Uma', 'Coding'), card('Zed', 'Vic', 'Design')].map((c) => JSON.stringify(c)).join('\n'));
  await waitStatus(page, /Not saved in this browser/);
  assert.match(await status(page),
    /^2 scorecards loaded, 2 counted, 1 candidate\. Not saved in this browser \(browser storage is full: this set needs \d\u00a0KB, and what else this site keeps there takes about 5\.\d\u00a0MB\); the set lasts until you close the tab\.$/);
  await context.close();
});

test('a failed pasted scorecard, corrected and pasted again, replaces its old error; another scorecard does not', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const box = page.getByRole('textbox', { name: 'Paste' });
  const pretty = (v) => JSON.stringify(v, null, 2);
  const bad = card('Zed', 'Vic', 'Design', { ...MEETS4, technical_expertise: 'strong' });
  // A file that fails is not the paste's: it stays listed whatever is pasted.
  await page.setInputFiles('#scc-files', [file('broken.json', '{"format": ')]);
  await page.waitForSelector('.sc-committee__failed');
  await paste(page, pretty([card('Zed', 'Uma', 'Coding'), bad]));
  await waitStatus(page, /^1 scorecard loaded, .* What could not be read of the paste is back in the paste box/);
  assert.deepEqual((await failures(page)).map((f) => f.split(':')[0]), ['broken.json', 'Pasted text 1, item 2']);
  await page.waitForFunction(() => /"strong"/.test(document.querySelector('#scc-paste').value));
  const returned = await box.inputValue();
  // Another scorecard pasted over it is not its correction: the error stays.
  await paste(page, JSON.stringify(card('Zed', 'Wes', 'Values')));
  await waitStatus(page, /^2 scorecards loaded/);
  assert.deepEqual((await failures(page)).map((f) => f.split(':')[0]), ['broken.json', 'Pasted text 1, item 2']);
  // Corrected but still wrong: the new error replaces the old one.
  await box.fill(returned.replace('"strong"', '"stellar"'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /"stellar"/.test(document.querySelector('#scc-paste').value));
  assert.deepEqual((await failures(page)).map((f) => f.split(':')[0]), ['broken.json', 'Pasted text 3']);
  assert.match((await failures(page))[1], /unknown level "stellar"/);
  // Corrected: it loads, and its error goes.
  await box.fill((await box.inputValue()).replace('"stellar"', '"exceeds"'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await waitStatus(page, /^3 scorecards loaded, 3 counted, 1 candidate\./);
  assert.deepEqual((await failures(page)).map((f) => f.split(':')[0]), ['broken.json']);
  // After a reload (the box is empty then), a failed paste is still corrected by pasting the
  // scorecard again.
  await paste(page, JSON.stringify(card('Zed', 'Xia', 'Lunch', { ...MEETS4, project_ownership: 'great' })));
  await page.waitForFunction(() => /"great"/.test(document.querySelector('#scc-paste').value));
  await page.reload();
  await waitStatus(page, /^3 scorecards loaded/);
  assert.deepEqual((await failures(page)).map((f) => f.split(':')[0]), ['broken.json', 'Pasted text 5']);
  await paste(page, JSON.stringify(card('Zed', 'Xia', 'Lunch')));
  await waitStatus(page, /^4 scorecards loaded, 4 counted, 1 candidate\./);
  assert.deepEqual((await failures(page)).map((f) => f.split(':')[0]), ['broken.json']);
  await context.close();
});
