// End-to-end: one interviewer, several scorecards in one browser, week after week. A new
// scorecard keeps the one before; a submitted card keeps its names when reopened; names typed
// over another saved scorecard's never overwrite it; a share link opened in a tab that already
// shows the scorer is shown. Every wait is for a condition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openScorer, submit } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const KEY = 'scorecard:v1:draft:l4-senior-software-engineer:';
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY + key);
const saved = (page) => page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent === 'Saved in this browser');
const candidate = (page) => page.getByLabel('Candidate', { exact: true });
/** The keys of the stored drafts whose text holds `text`. */
const keysWith = (page, text) => page.evaluate((t) => Object.keys(localStorage).filter((k) => k.includes(':draft:') && localStorage.getItem(k).includes(t)), text);

const fresh = () => openScorer(browser, base);

/** Names the card on screen and rates one capability, and waits until it is saved. */
async function score(page, name, step, level) {
  await candidate(page).fill(name);
  await page.getByLabel('Interviewer', { exact: true }).fill('Tom Becker');
  await page.getByLabel('Interview step').fill(step);
  await page.click(`label[for="sc-business_impact-${level}"]`);
  await saved(page);
}

test('New scorecard starts a blank card and keeps the one before; a reopened card keeps its names', async () => {
  const { context, page, errors } = await fresh();
  await score(page, 'Priya Raman', 'System design', 'exceeds');
  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');

  // Reopened, the card is corrected, not turned into another candidate's: its names stay.
  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.waitForFunction(() => !document.querySelector('#sc-business_impact-meets').disabled);
  assert.ok(await candidate(page).isDisabled(), 'the names of a submitted card stay as submitted');
  assert.match(await page.locator('.sc-header__hint').textContent(), /stay as submitted\. To score someone else, start a new scorecard\./);
  // Also after a reload.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  assert.ok(await candidate(page).isDisabled());
  assert.ok(!(await page.locator('#sc-business_impact-meets').isDisabled()), 'still open for corrections');
  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');

  // A week later: a new candidate.
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '' && !document.querySelector('#sc-candidate').disabled);
  // The keyboard starts at the new candidate's name, not at the top of the page.
  await page.waitForFunction(() => document.activeElement?.id === 'sc-candidate');
  assert.ok(!(await page.locator('#sc-business_impact-exceeds').isChecked()), 'a blank card');
  assert.equal(await page.locator('[data-testid=submitted]').count(), 0);
  await score(page, 'Sam Lee', 'Coding', 'meets');
  const priya = await stored(page, 'priya raman:tom becker:system design');
  assert.equal(priya?.ratings.business_impact.level, 'exceeds', "Priya's card is kept as it was");
  assert.ok(priya.submitted_at, 'and still submitted');
  assert.equal((await stored(page, 'sam lee:tom becker:coding'))?.ratings.business_impact.level, 'meets');

  // The page reopens the card open last; a plain reload leaves the focus alone.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Sam Lee');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'sc-candidate');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a card prepared ahead, named and not yet rated, is kept when another is started', async () => {
  const { context, page, errors } = await fresh();
  await candidate(page).fill('Prepared Person');
  await page.getByLabel('Interview step').fill('Onsite loop');
  await saved(page);
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '' && document.activeElement?.id === 'sc-candidate');
  assert.deepEqual(await keysWith(page, 'Prepared Person'), [KEY + 'prepared person::onsite loop'], 'still stored');
  // A card with nothing written goes (the interviewer's name and the date are filled in anyway).
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '' && document.activeElement?.id === 'sc-candidate');
  assert.equal((await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':draft:')))).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("names typed over another saved scorecard's never overwrite it, and it can be opened", async () => {
  const { context, page } = await fresh();
  await score(page, 'Priya Raman', 'System design', 'exceeds');
  const priya = await stored(page, 'priya raman:tom becker:system design');

  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await score(page, 'Alice Wong', 'Coding', 'needs_improvement');
  await page.getByLabel('Evidence for Business Impact').fill('Could not say who the feature was for.');
  await saved(page);

  // Alice's card renamed to Priya's names (a draft renamed moves with its names until they are
  // another saved card's): Priya's is left alone, Alice's stays saved apart, under the names
  // it had before.
  await candidate(page).fill('Priya Raman');
  await page.getByLabel('Interview step').fill('System design');
  const status = page.locator('[data-testid=save-status]');
  await page.waitForFunction(() => /^Not saved under these names/.test(document.querySelector('[data-testid=save-status]')?.textContent));
  assert.equal(await status.textContent(),
    'Not saved under these names: another scorecard with this candidate, interviewer and step is saved in this browser, and is left as it is. This one stays saved under the names it had before: change the names, or open the other one.');
  assert.deepEqual(await stored(page, 'priya raman:tom becker:system design'), priya, "Priya's card is unchanged");
  const alice = await keysWith(page, 'Could not say who the feature was for.');
  assert.deepEqual(alice, [KEY + 'priya raman:tom becker:coding'], 'kept under the names it had before these');
  // ... and with those names inside, so it is found again by them.
  const kept = await stored(page, 'priya raman:tom becker:coding');
  assert.equal(kept.interview.step, 'Coding', 'the copy kept apart carries the names of its key');
  // Your scorecards marks as open the copy this card stays saved as, not Priya's, whose names
  // it shows.
  await page.getByText('Your scorecards').click();
  await page.locator('.sc-saved__item').first().waitFor();
  assert.deepEqual(await page.locator('.sc-saved__item', { has: page.locator('.sc-saved__this') }).locator('.sc-saved__title').allTextContents(),
    ['Priya Raman · Coding']);
  await page.getByText('Your scorecards').click();
  await page.locator('.sc-saved__list').waitFor({ state: 'detached' });
  // An edit made meanwhile is kept with Alice's card.
  await page.click('label[for="sc-project_ownership-meets"]');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.ratings.project_ownership?.level === 'meets', alice[0]);
  assert.deepEqual(await stored(page, 'priya raman:tom becker:system design'), priya);

  // Open the other one: Priya's card, as saved; Alice's stays saved.
  await page.getByRole('button', { name: 'Open the saved scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-business_impact-exceeds')?.checked);
  assert.equal(await candidate(page).inputValue(), 'Priya Raman');
  assert.ok(!(await page.locator('#sc-project_ownership-meets').isChecked()));
  assert.deepEqual(await keysWith(page, 'Could not say who the feature was for.'), alice, "Alice's card is still saved");

  // Back to free names: the card moves as a draft renamed does.
  await page.getByLabel('Interview step').fill('System design 2');
  await saved(page);
  assert.equal(await stored(page, 'priya raman:tom becker:system design'), null, 'a draft renamed to free names moves');
  assert.ok(await stored(page, 'priya raman:tom becker:system design 2'));
  await context.close();
});

test('an import naming other people opens beside the card on screen, which stays saved; one naming the same people replaces it', async () => {
  const { context, page, errors } = await fresh();
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await score(page, 'Priya Raman', 'System design', 'exceeds');
  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');
  await page.getByRole('button', { name: 'Reopen' }).click();
  const marks = (key) => page.evaluate((k) => localStorage.getItem(k), `scorecard:v1:drafted/draft:l4-senior-software-engineer:${key}`);
  await page.waitForFunction(() => !document.querySelector('#sc-business_impact-meets').disabled);
  assert.equal(await marks('priya raman:tom becker:system design'), '@submitted');

  const doc = (name, step, level) => JSON.stringify({ format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
    candidate: { name }, interviewer: { name: 'Tom Becker' }, interview: { step, date: '2026-11-20' }, ratings: { business_impact: { level } } });
  const level = (key) => page.waitForFunction(([k, l]) => JSON.parse(localStorage.getItem(k) ?? 'null')?.ratings.business_impact?.level === l, key);
  /** Pastes `text` for import and returns the question it asks. */
  const ask = async (text) => {
    await page.getByLabel('Or paste JSON or a share link').fill(text);
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    return page.locator('#sc-pending').textContent();
  };
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();

  // The same people's: it replaces the card, which keeps the names it was submitted with.
  assert.match(await ask(doc('Priya Raman', 'System design', 'needs_improvement')), /\. Replace your current draft with it\?$/);
  await page.getByRole('button', { name: 'Replace my draft' }).click();
  await level([KEY + 'priya raman:tom becker:system design', 'needs_improvement']);
  assert.ok(await candidate(page).isDisabled(), 'the names stay as submitted');
  assert.equal(await marks('priya raman:tom becker:system design'), '@submitted');
  const priya = await stored(page, 'priya raman:tom becker:system design');

  // Someone else's: another scorecard. It is saved under its own names, and the card it took
  // the place of on screen stays saved as it was, submitted before. Your scorecards, open,
  // lists it as soon as it is saved.
  await page.getByText('Your scorecards').click();
  const titles = async () => (await page.locator('.sc-saved__title').allTextContents()).sort();
  assert.deepEqual(await titles(), ['Priya Raman · System design']);
  assert.match(await ask(doc('Sam Lee', 'Coding', 'meets')),
    /^The pasted text holds a scorecard for Sam Lee by Tom Becker, with 1 rating and 0 observations\. Open it in place of this scorecard, which stays saved in this browser\?$/);
  await page.getByRole('button', { name: 'Open it' }).click();
  await level([KEY + 'sam lee:tom becker:coding', 'meets']);
  assert.equal(await candidate(page).inputValue(), 'Sam Lee');
  await page.waitForFunction(() => document.querySelectorAll('.sc-saved__title').length === 2);
  assert.deepEqual(await titles(), ['Priya Raman · System design', 'Sam Lee · Coding']);
  await page.getByText('Your scorecards').click();
  assert.deepEqual(await stored(page, 'priya raman:tom becker:system design'), priya, "Priya's card is saved as it was");
  assert.equal(await marks('priya raman:tom becker:system design'), '@submitted');
  const sam = await stored(page, 'sam lee:tom becker:coding');

  // Priya's names again, over Sam's card: another saved scorecard's names. The question says
  // the import replaces that one; cancelled, nothing changes; confirmed, it is saved there, and
  // Sam's card stays as it was.
  assert.match(await ask(doc('Priya Raman', 'System design', 'meets')),
    /It replaces the scorecard saved in this browser for the same candidate, interviewer and step\. Open it\?$/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await stored(page, 'priya raman:tom becker:system design'), priya);
  await ask(doc('Priya Raman', 'System design', 'meets'));
  await page.getByRole('button', { name: 'Replace the saved one' }).click();
  await level([KEY + 'priya raman:tom becker:system design', 'meets']);
  await saved(page);
  assert.deepEqual(await stored(page, 'sam lee:tom becker:coding'), sam);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link opened in a tab that shows the scorer is shown, and leaving it comes back', async () => {
  const { context, page, errors } = await fresh();
  await score(page, 'Ada Lovelace', 'Coding', 'meets');
  // Links are made by the on-demand module: pressed before it has loaded, the button says to try
  // again in a moment (ondemand.test.mjs), which a busy machine made this test hit.
  await page.waitForFunction(() => document.querySelector('.sc-app')?.dataset.assist === 'ready');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.locator('.sc-transfer__out textarea').inputValue();
  assert.match(link, /#sc1=/);
  await candidate(page).fill('Ada King');
  await saved(page);

  // Only the fragment changes: the same document.
  await page.goto(link);
  await page.waitForSelector('.sc-shared');
  assert.equal(await candidate(page).inputValue(), 'Ada Lovelace', 'the shared card, read-only');
  assert.ok(await candidate(page).isDisabled());
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('.sc-shared') && document.querySelector('#sc-candidate')?.value === 'Ada King');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a card changed in another tab is never overwritten: this tab asks, keeping what it shows until then', async () => {
  const { context, page: a } = await fresh();
  await score(a, 'Priya Raman', 'System design', 'meets');
  // A second tab opens the same card (the one open last).
  const b = await context.newPage();
  await b.goto(base + '/');
  await b.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  // Tab A writes a note; tab B, which read the card before it, then changes a rating.
  await a.getByLabel('Evidence for Technical Expertise').fill('Walked through the cache design with numbers.');
  await a.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('cache design'), KEY + 'priya raman:tom becker:system design');
  await b.click('label[for="sc-project_ownership-exceeds"]');
  await b.waitForFunction(() => /^Not saved: this scorecard was changed in another tab/.test(document.querySelector('[data-testid=save-status]')?.textContent));
  assert.equal((await stored(b, 'priya raman:tom becker:system design')).ratings.technical_expertise?.note,
    'Walked through the cache design with numbers.', "tab A's note is not overwritten");
  assert.ok(await b.locator('#sc-project_ownership-exceeds').isChecked(), "tab B's change is still on screen");
  // Kept in this tab only until B chooses: leaving the page asks first.
  const asked = new Promise((resolve) => b.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
  await b.evaluate(() => location.reload());
  assert.equal(await asked, 'beforeunload');

  // Show the other version: tab A's card, and saving goes on from there.
  await b.getByRole('button', { name: 'Show the other version' }).click();
  // The question's buttons are gone: the keyboard is on Submit, not lost to the page.
  await b.waitForFunction(() => document.activeElement?.id === 'sc-submit');
  await b.waitForFunction(() => document.querySelector('#sc-technical_expertise-note')?.value === 'Walked through the cache design with numbers.');
  await saved(b);
  await b.click('label[for="sc-project_ownership-exceeds"]');
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.ratings.project_ownership?.level === 'exceeds', KEY + 'priya raman:tom becker:system design');
  const both = await stored(b, 'priya raman:tom becker:system design');
  assert.equal(both.ratings.technical_expertise.note, 'Walked through the cache design with numbers.', 'both changes kept');

  // Now tab A is behind: Keep this version replaces the other, as it says.
  await a.click('label[for="sc-business_impact-exceeds"]');
  await a.waitForFunction(() => /^Not saved: this scorecard was changed in another tab/.test(document.querySelector('[data-testid=save-status]')?.textContent));
  await a.getByRole('button', { name: 'Keep this version (replaces the other)' }).click();
  await saved(a);
  const kept = await stored(a, 'priya raman:tom becker:system design');
  assert.equal(kept.ratings.business_impact.level, 'exceeds');
  assert.equal(kept.ratings.project_ownership, undefined, "tab B's rating was replaced, as chosen");
  // Saved again: leaving asks nothing.
  const dialogs = [];
  a.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
  await a.reload();
  await a.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('an unreadable version from the other tab is kept aside, and the page says where, when this tab is shown it instead', async () => {
  const { context, page: a } = await fresh();
  await score(a, 'Priya Raman', 'System design', 'meets');
  const key = KEY + 'priya raman:tom becker:system design';
  // Another writer leaves something unreadable under the card's key.
  await a.evaluate((k) => localStorage.setItem(k, '{"format": "interview-scorecard", "ratings": {'), key);
  await a.click('label[for="sc-project_ownership-exceeds"]');
  await a.waitForFunction(() => /^Not saved: this scorecard was changed in another tab/.test(document.querySelector('[data-testid=save-status]')?.textContent));
  await a.getByRole('button', { name: 'Show the other version' }).click();
  const notice = a.locator('.sc-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /^The version saved in the other tab or window could not be read \(.+\)\. It was kept aside as ".+"; this version is saved\./);
  await saved(a);
  assert.equal((await stored(a, 'priya raman:tom becker:system design')).ratings.project_ownership.level, 'exceeds');
  const aside = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':corrupt:')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, ['{"format": "interview-scorecard", "ratings": {']);
  await context.close();
});

test("the interviewer's own file imported again replaces the card saved under its names, and the page goes on saving", async () => {
  const { context, page, errors } = await fresh();
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await score(page, 'Priya Raman', 'System design', 'meets');
  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');
  const exported = await stored(page, 'priya raman:tom becker:system design');
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'priya.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await page.waitForSelector('.sc-transfer__pending');
  assert.match(await page.locator('#sc-pending').textContent(), /It replaces the scorecard saved in this browser for the same candidate, interviewer and step\. Open it\?$/);
  await page.getByRole('button', { name: 'Replace the saved one' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  // Saved where the copy was, not stuck as a clash with it; the toolbar keeps its way out.
  await saved(page);
  assert.ok(await page.getByRole('button', { name: 'New scorecard' }).isVisible());
  assert.deepEqual(await keysWith(page, 'Priya Raman'), [KEY + 'priya raman:tom becker:system design']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second card rated before it is named says the name is what is missing', async () => {
  const { context, page } = await fresh();
  await page.getByLabel('Interviewer', { exact: true }).fill('Tom Becker');
  await page.click('label[for="sc-business_impact-meets"]');
  await saved(page);
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await page.click('label[for="sc-project_ownership-meets"]');
  await page.waitForFunction(() => /^Not saved yet: another scorecard without a candidate's name is saved in this browser/.test(document.querySelector('[data-testid=save-status]')?.textContent));
  await candidate(page).fill('Sam Lee');
  await saved(page);
  await context.close();
});

test('Your scorecards lists the cards saved in this browser, newest first, and opens one; a new card keeps the interviewer', async () => {
  const { context, page } = await fresh();
  await score(page, 'Priya Raman', 'System design', 'meets');
  await page.getByLabel('Date', { exact: true }).fill('2026-11-17');
  await saved(page);
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  // Whoever scored the last card is the interviewer of the next.
  assert.equal(await page.getByLabel('Interviewer', { exact: true }).inputValue(), 'Tom Becker');
  await score(page, 'Sam Lee', 'Coding', 'exceeds');

  // Opening the list moves nothing above it: the list opens below the toolbar's row.
  const boxes = () => page.evaluate(() => ['#sc-saved', '#sc-new', '#sc-submit', '[data-testid=save-status]']
    .map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return [s, Math.round(r.x), Math.round(r.y + scrollY)]; }));
  const closed = await boxes();
  await page.getByText('Your scorecards').click();
  const items = page.locator('.sc-saved__item');
  await items.first().waitFor();
  assert.deepEqual(await boxes(), closed);
  const list = await page.locator('.sc-saved__list').evaluate((e) => e.getBoundingClientRect().y + scrollY);
  assert.ok(list > closed[1][2], 'below the buttons');
  assert.deepEqual(await items.locator('.sc-saved__title').allTextContents(), ['Sam Lee · Coding', 'Priya Raman · System design']);
  assert.match(await items.nth(1).locator('.sc-saved__detail').textContent(), /^Tom Becker · 2026-11-17 · draft$/);
  assert.equal(await items.nth(0).locator('.sc-saved__this').textContent(), 'open now');
  await page.getByRole('button', { name: 'Open Priya Raman · System design' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  assert.ok(await page.locator('#sc-business_impact-meets').isChecked());
  await context.close();
});

test("Your scorecards opens a card scored by another interviewer than the one this page remembers", async () => {
  const { context, page } = await fresh();
  await score(page, 'Priya Raman', 'System design', 'meets');
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  // A colleague scores the next card on this computer: the page now remembers them.
  await candidate(page).fill('Sam Lee');
  await page.getByLabel('Interviewer', { exact: true }).fill('Grace Hopper');
  await page.getByLabel('Interview step').fill('Coding');
  await page.click('label[for="sc-business_impact-exceeds"]');
  await saved(page);
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  assert.equal(await page.getByLabel('Interviewer', { exact: true }).inputValue(), 'Grace Hopper');
  // Tom Becker's card opens as it was, not a blank card for Grace Hopper.
  await page.getByText('Your scorecards').click();
  await page.getByRole('button', { name: 'Open Priya Raman · System design' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  assert.equal(await page.getByLabel('Interviewer', { exact: true }).inputValue(), 'Tom Becker');
  assert.ok(await page.locator('#sc-business_impact-meets').isChecked());
  await context.close();
});

test('with storage full, Your scorecards still lists and opens the saved cards; a card storage refuses stays in this tab', async () => {
  const { context, page, errors } = await fresh();
  await score(page, 'Sam Lee', 'Coding', 'meets');
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await score(page, 'Alice Wong', 'Behavioral', 'meets');
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await score(page, 'Priya Raman', 'System design', 'exceeds');
  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');
  // The browser's real quota: filled with another app's data, to the last hundred characters.
  await page.evaluate(() => {
    for (const size of [100000, 10000, 100]) {
      try {
        for (let i = 0; ; i++) localStorage.setItem(`other-app:${size}:${i}`, 'x'.repeat(size));
      } catch { /* full at this size */ }
    }
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  await saved(page);

  // Reopened and edited: storage refuses the edit, which stays in this tab, and the other
  // cards stay within reach.
  await page.getByRole('button', { name: 'Reopen' }).click();
  const note = 'Walked through the sharding plan. '.repeat(100);
  await page.getByLabel('Evidence for Business Impact').fill(note);
  await page.waitForFunction(() => /^Not saved: browser storage is full\./.test(document.querySelector('[data-testid=save-status]')?.textContent));
  const priya = await stored(page, 'priya raman:tom becker:system design');
  assert.equal(priya.ratings.business_impact.note, '', 'storage holds the card without the note');
  assert.ok(await page.getByRole('button', { name: 'New scorecard' }).isVisible());
  await page.getByText('Your scorecards').click();
  const items = page.locator('.sc-saved__item');
  await items.first().waitFor();
  assert.deepEqual((await items.locator('.sc-saved__title').allTextContents()).sort(), ['Alice Wong · Behavioral', 'Priya Raman · System design', 'Sam Lee · Coding']);
  assert.match(await items.filter({ hasText: 'Priya Raman' }).locator('.sc-saved__detail').textContent(), / · draft · kept in this tab only$/);

  // Another card opens, as saved; the edited one opens again with what was typed.
  await page.getByRole('button', { name: 'Open Sam Lee · Coding' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Sam Lee');
  await saved(page);
  // The keyboard starts at the candidate's name, as after a reload.
  await page.waitForFunction(() => document.activeElement?.id === 'sc-candidate');
  assert.ok(await page.locator('#sc-business_impact-meets').isChecked());
  await page.getByRole('button', { name: 'Open Priya Raman · System design' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  assert.equal(await page.getByLabel('Evidence for Business Impact').inputValue(), note);
  await page.waitForFunction(() => /^Not saved: browser storage is full\./.test(document.querySelector('[data-testid=save-status]')?.textContent));
  assert.equal(await page.locator('[data-testid=submitted]').count(), 0, 'still reopened');

  // New scorecard: a blank card; the edited one is still listed, and storage holds what it held.
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  assert.equal(await page.getByLabel('Interviewer', { exact: true }).inputValue(), 'Tom Becker');
  assert.equal(await items.count(), 3);
  assert.deepEqual(await stored(page, 'priya raman:tom becker:system design'), priya);
  // The edit storage refused lives in this tab only: leaving the page asks first, and staying
  // keeps it.
  const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
  await page.evaluate(() => location.reload());
  assert.equal(await asked, 'beforeunload');
  await page.getByRole('button', { name: 'Open Priya Raman · System design' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  assert.equal(await page.getByLabel('Evidence for Business Impact').inputValue(), note);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with storage refusing every write, a card renamed as it is typed is listed once, under its names', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await page.getByLabel('Interviewer', { exact: true }).fill('Grace Hopper');
  await page.click('label[for="sc-business_impact-meets"]');
  await page.getByText('Your scorecards').click();
  const titles = page.locator('.sc-saved__item .sc-saved__title');
  // Each name as the card held it a moment ago, kept in this tab; the list is read again after
  // each change while it is open.
  for (const name of ['Q', 'Quota', 'Quota Person']) {
    await candidate(page).fill(name);
    await page.waitForFunction((n) => [...document.querySelectorAll('.sc-saved__item .sc-saved__title')].some((t) => t.textContent === n), name);
  }
  assert.deepEqual(await titles.allTextContents(), ['Quota Person']);
  assert.match(await page.locator('.sc-saved__item .sc-saved__detail').textContent(), /kept in this tab only$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with storage refusing or blocked, the status says so before the first edit, and again at once on New scorecard', async () => {
  const status = (page) => page.locator('[data-testid=save-status]').textContent();
  const cases = [
    // setItem throws (full or read-only storage), and localStorage itself throws (blocked).
    [() => { Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; },
      'Not saved: this browser refuses to save (storage is full or read-only). Your work is kept in this tab only: Download JSON to keep a copy.'],
    [() => { Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }); },
      'Not saved: this browser blocks storage for this page. Your work is kept in this tab only: Download JSON to keep a copy.'],
  ];
  for (const [script, refused] of cases) {
    const context = await browser.newContext();
    await context.addInitScript(script);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base + '/');
    await page.waitForSelector('.sc-card');
    // A fresh page: said before anything is typed.
    await page.waitForFunction((t) => document.querySelector('[data-testid=save-status]')?.textContent === t, refused);
    await candidate(page).fill('Priya Raman');
    await page.getByLabel('Interviewer', { exact: true }).fill('Tom Becker');
    await page.click('label[for="sc-business_impact-meets"]');
    // (An edit says why its own write was refused: "browser storage is full", for one.)
    await page.waitForFunction(() => /^Not saved: .*kept in this tab only: Download JSON to keep a copy\.$/.test(document.querySelector('[data-testid=save-status]')?.textContent));
    // New scorecard switches in place (a reload would lose the card): the blank card says at
    // once that it cannot be saved either, not "Not saved yet".
    await page.getByRole('button', { name: 'New scorecard' }).click();
    await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
    assert.equal(await status(page), refused);
    assert.equal(await page.getByLabel('Interviewer', { exact: true }).inputValue(), 'Tom Becker');
    // The card before is still within reach, kept in this tab.
    await page.getByText('Your scorecards').click();
    await page.locator('.sc-saved__item').first().waitFor();
    assert.match(await page.locator('.sc-saved__item').filter({ hasText: 'Priya Raman' }).locator('.sc-saved__detail').textContent(), /kept in this tab only$/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('storage that fills up after saving: New scorecard says at once that it is not saved, not "Not saved yet"', async () => {
  const context = await browser.newContext();
  // Storage that takes every write until it is full (`window.full`), as another app filling it
  // meanwhile leaves it: the page opened with it working. Full, it still takes a write that
  // does not grow it (a value written again, as the interviewer's name is on New).
  await context.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      const was = this.getItem(k);
      if (window.full && (was === null || String(v).length > was.length)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  // A New before: the interviewer's name is remembered, and written again on the next New.
  await score(page, 'Ada Byron', 'Coding', 'meets');
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await score(page, 'Priya Raman', 'System design', 'meets');
  await saved(page);
  await page.evaluate(() => { window.full = true; });
  await page.getByLabel('Evidence for Business Impact').fill('Walked through the sharding plan.');
  const full = 'Not saved: browser storage is full. Your work is kept in this tab only: Download JSON to keep a copy.';
  await page.waitForFunction((t) => document.querySelector('[data-testid=save-status]')?.textContent === t, full);
  // The card storage refused stays in this tab: New switches in place, and the blank card says
  // at once that storage is refusing saves, as when it refused them from the start.
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  assert.equal(await page.locator('[data-testid=save-status]').textContent(), full);
  assert.equal(await page.locator('[data-testid=save-status]').getAttribute('class'), 'sc-save sc-m-warning');
  // Storage that takes writes again: the first edit is saved, and says so.
  await page.evaluate(() => { window.full = false; });
  await candidate(page).fill('Sam Lee');
  await saved(page);
  // A storage that took the last write is not said to be full when the next card opens.
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  assert.notEqual(await page.locator('[data-testid=save-status]').textContent(), full);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab that is behind says so where the interviewer types, without taking the keyboard', async () => {
  const { context, page: a } = await fresh();
  await a.setViewportSize({ width: 1280, height: 700 });
  await score(a, 'Priya Raman', 'System design', 'meets');
  const b = await context.newPage();
  await b.goto(base + '/');
  await b.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Priya Raman');
  await b.click('label[for="sc-project_ownership-exceeds"]');
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.ratings.project_ownership?.level === 'exceeds', KEY + 'priya raman:tom becker:system design');

  for (const width of [1280, 360]) {
    if (width === 360) {
      // Back to the version saved, then behind again at phone width.
      await a.getByRole('button', { name: 'Show the other version' }).click();
      await saved(a);
      await b.click('label[for="sc-communication_collaboration-exceeds"]');
      await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.ratings.communication_collaboration?.level === 'exceeds', KEY + 'priya raman:tom becker:system design');
      await a.setViewportSize({ width, height: 700 });
    }
    // Typing in the last card's evidence, far below the toolbar.
    const box = a.getByLabel('Evidence for Leadership & Process Improvement');
    await box.fill('');
    await box.focus();
    await a.keyboard.type('Ran the retro');
    await a.waitForFunction(() => /^Not saved: this scorecard was changed in another tab/.test(document.querySelector('[data-testid=save-status]')?.textContent));
    const banner = a.locator('[data-testid=behind]');
    await banner.waitFor();
    const view = await a.evaluate(() => {
      const r = document.querySelector('[data-testid=behind]').getBoundingClientRect();
      const status = document.querySelector('[data-testid=save-status]').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, statusBottom: status.bottom };
    });
    assert.ok(view.statusBottom < 0, `the toolbar is out of view (${width} px): ${JSON.stringify(view)}`);
    assert.ok(view.top >= 0 && view.bottom <= view.height, `the banner is in view (${width} px): ${JSON.stringify(view)}`);
    // On a phone it covers a fifth of the window at most, not a third (it was 228 px of 700).
    if (width === 360) assert.ok(view.bottom - view.top <= 140, `the banner is compact at 360 px: ${JSON.stringify(view)}`);
    assert.match(await banner.textContent(), /^Not saved: this scorecard was changed in another tab or window\. What you type here is kept in this tab only until you choose\./);
    // The keyboard stays in the box, and typing goes on there.
    assert.equal(await a.evaluate(() => document.activeElement?.id), 'sc-leadership_process-note');
    await a.keyboard.type(' weekly.');
    assert.equal(await box.inputValue(), 'Ran the retro weekly.');
    // The choices are in the banner (and only there).
    assert.equal(await banner.getByRole('button', { name: 'Show the other version' }).count(), 1);
    assert.equal(await a.getByRole('button', { name: 'Show the other version' }).count(), 1);
    // Going back up the cards with the keyboard, what takes it is never under the banner.
    let worst = { cover: 0 };
    for (let i = 0; i < 8; i++) {
      await a.keyboard.press('Shift+Tab');
      const r = await a.evaluate(() => {
        const f = document.activeElement, banner = document.querySelector('[data-testid=behind]');
        if (!f || f === document.body || banner.contains(f)) return { cover: 0 };
        const x = f.getBoundingClientRect(), y = banner.getBoundingClientRect();
        return { id: f.id, cover: Math.max(0, Math.min(x.bottom, y.bottom) - Math.max(x.top, y.top)) / Math.max(1, x.height) };
      });
      if (r.cover > worst.cover) worst = r;
    }
    assert.ok(worst.cover < 0.05, `${worst.id} is ${Math.round(worst.cover * 100)}% under the banner (${width} px)`);
  }
  await a.getByRole('button', { name: 'Keep this version (replaces the other)' }).click();
  await saved(a);
  assert.equal(await a.locator('[data-testid=behind]').count(), 0, 'gone once chosen');
  assert.equal((await stored(a, 'priya raman:tom becker:system design')).ratings.leadership_process.note, 'Ran the retro weekly.');
  await context.close();
});

test('Your scorecards deletes a card after asking (keyboard on Cancel, Escape cancels), removes nothing else, and Undo brings it back', async () => {
  const { context, page, errors } = await fresh();
  await score(page, 'Priya Raman', 'System design', 'meets');
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await score(page, 'asdf test', 'Coding', 'exceeds');
  const others = await page.evaluate(() => {
    localStorage.setItem('unrelated', 'keep me');
    return Object.keys(localStorage).filter((k) => !k.includes('asdf')).sort();
  });
  const focused = () => page.evaluate(() => document.activeElement?.id);
  const said = () => page.locator('.sc-toolbar [role=status].sc-visually-hidden').textContent();
  await page.getByText('Your scorecards').click();
  const priya = page.getByRole('button', { name: 'Delete Priya Raman · System design' });

  // Asked first, with the keyboard on Cancel; Escape cancels, and the keyboard goes back.
  await priya.click();
  await page.waitForFunction(() => document.activeElement?.id === 'sc-del-cancel');
  const question = page.locator('.sc-saved__detail.sc-is-asking');
  assert.equal(await question.textContent(), 'Delete this scorecard from this browser?');
  assert.equal(await said(), 'Delete this scorecard from this browser?', 'said as the keyboard goes to Cancel');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.sc-saved__detail.sc-is-asking'));
  assert.match(await focused(), /^sc-del-\d+$/);
  assert.ok(await page.evaluate((k) => localStorage.getItem(k) !== null, KEY + 'priya raman:tom becker:system design'), 'nothing deleted');
  // Enter on Cancel (where the keyboard is) cancels too.
  await priya.click();
  await page.waitForFunction(() => document.activeElement?.id === 'sc-del-cancel');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('.sc-saved__detail.sc-is-asking'));

  // Deleted: gone from storage and the list; everything else stays; Undo has the keyboard.
  await priya.click();
  await page.locator('.sc-saved__item', { has: question }).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'sc-del-undo');
  assert.match(await said(), /^Deleted Priya Raman · System design\. Undo brings it back\./);
  assert.deepEqual(await page.locator('.sc-saved__item:not(.sc-saved__deleted) .sc-saved__title').allTextContents(), ['asdf test · Coding']);
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.includes('asdf')).sort());
  assert.deepEqual(after, others.filter((k) => !k.includes('priya raman')), 'only its key went');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => !document.querySelector('.sc-saved__deleted'));
  assert.equal((await stored(page, 'priya raman:tom becker:system design')).ratings.business_impact.level, 'meets', 'back as it was');
  assert.deepEqual((await page.locator('.sc-saved__title').allTextContents()).sort(), ['Priya Raman · System design', 'asdf test · Coding']);

  // The card open now: deleted, a blank one takes its place (the interviewer kept), nothing saved.
  await page.getByRole('button', { name: 'Delete asdf test · Coding' }).click();
  assert.match(await question.textContent(), /open now/);
  await page.locator('.sc-saved__item', { has: question }).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '' && document.activeElement?.id === 'sc-del-undo');
  assert.equal(await page.getByLabel('Interviewer', { exact: true }).inputValue(), 'Tom Becker');
  assert.ok(!(await page.locator('#sc-business_impact-exceeds').isChecked()));
  assert.deepEqual(await keysWith(page, 'asdf'), []);
  assert.deepEqual(await page.locator('.sc-saved__item:not(.sc-saved__deleted) .sc-saved__title').allTextContents(), ['Priya Raman · System design']);
  // A reload opens a blank card too, and asks nothing.
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
  await page.getByRole('button', { name: 'Undo' }).click();
  // Undo, the blank card untouched: the card comes back on screen, saved again.
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'asdf test');
  assert.ok(await page.locator('#sc-business_impact-exceeds').isChecked());
  assert.equal((await keysWith(page, 'asdf')).length, 1);
  await page.click('label[for="sc-business_impact-meets"]');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.ratings.business_impact?.level === 'meets', KEY + 'asdf test:tom becker:coding');
  // Deleted again and reloaded: a blank card.
  await page.getByRole('button', { name: 'Delete asdf test · Coding' }).click();
  await page.locator('.sc-saved__item', { has: question }).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await page.reload();
  await page.waitForSelector('.sc-card');
  assert.equal(await candidate(page).inputValue(), '');
  assert.deepEqual(await keysWith(page, 'asdf'), []);
  assert.equal(await page.evaluate(() => localStorage.getItem('unrelated')), 'keep me');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a card whose candidate's name is cleared stays saved, listed as Unnamed candidate, and opens and deletes as any other", async () => {
  // Everything typed is kept (a card is often rated before it is named), under no name: the
  // list names it as unnamed rather than by its step, which would read as the candidate's name.
  const { context, page, errors } = await fresh();
  await score(page, 'Priya Raman', 'System design', 'meets');
  await candidate(page).fill('');
  await saved(page);
  assert.equal((await stored(page, ':tom becker:system design')).ratings.business_impact.level, 'meets', 'saved under no candidate');
  assert.equal(await stored(page, 'priya raman:tom becker:system design'), null, 'not also under the old name');
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '' && !document.querySelector('#sc-business_impact-meets').checked);
  await page.getByText('Your scorecards').click();
  await page.locator('.sc-saved__item').first().waitFor();
  assert.deepEqual(await page.locator('.sc-saved__title').allTextContents(), ['Unnamed candidate · System design']);
  await page.getByRole('button', { name: 'Open Unnamed candidate · System design' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-business_impact-meets')?.checked);
  assert.equal(await page.getByLabel('Interview step').inputValue(), 'System design');
  assert.equal(await candidate(page).inputValue(), '');
  await page.getByText('Your scorecards').click();
  await page.getByRole('button', { name: 'Delete Unnamed candidate · System design' }).click();
  await page.locator('.sc-saved__item', { has: page.locator('.sc-saved__detail.sc-is-asking') }).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'sc-del-undo');
  assert.equal(await stored(page, ':tom becker:system design'), null);
  assert.match(await page.locator('.sc-saved__deleted').textContent(), /^Deleted: Unnamed candidate · System design/);
  assert.deepEqual(errors, []);
  await context.close();
});
