// End-to-end: the release build served on 127.0.0.1, driven in headless Chromium the way an
// interviewer would use it: type, click, reload, submit. Every wait is for a condition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harness, openScorer, submit } from './browser.mjs';

const CAPS = ['technical_expertise', 'project_ownership', 'business_impact', 'communication_collaboration',
  'mentorship_support', 'leadership_process'];
let base, browser;
harness((h) => ({ base, browser } = h));

/** A fresh context (empty storage) with a record of requests and console errors. */
async function open(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  return { context, page, requests, errors };
}

const decision = (page) => page.locator('[data-testid=decision]');

test('an interviewer scores a candidate and gets an explained recommendation', async () => {
  const { context, page, requests, errors } = await open();
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('Interviewer').fill('Grace Hopper');
  await page.getByLabel('Interview step').fill('System design');
  assert.equal(await decision(page).textContent(), 'Insufficient evidence');
  // The widget's own page links the committee view (embedded, it does not: embed tests).
  assert.equal(await page.getByRole('link', { name: 'Hiring committee view' }).getAttribute('href'), 'committee.html');

  for (const cap of CAPS) await page.click(`label[for="sc-${cap}-meets"]`);
  await page.waitForFunction(() => document.querySelector('[data-testid=decision]')?.textContent === 'Hire at L4');
  const rationale = await page.locator('[data-testid=rationale]').textContent();
  assert.match(rationale, /score of 1\.00 of 2 across 6 rated capabilities/);
  assert.match(rationale, /Would drop to hire at L3/);
  assert.equal(await page.locator('[data-testid=greenhouse]').textContent(), 'Yes');

  await page.getByLabel('Evidence for Technical Expertise').fill('Designed the sharded job queue; two other teams now use it.');
  await page.waitForFunction(() => !document.querySelector('[data-testid=todo-unevidenced]')?.textContent.includes('Technical Expertise'));

  for (const cap of ['technical_expertise', 'project_ownership', 'communication_collaboration']) {
    await page.click(`label[for="sc-${cap}-exceeds"]`);
  }
  for (const cap of ['business_impact', 'mentorship_support', 'leadership_process']) {
    await page.click(`label[for="sc-${cap}-exceeds"]`);
  }
  await page.waitForSelector('.sc-rec__consider');
  assert.equal(await page.locator('.sc-rec__consider').textContent(), 'L5 to consider');
  assert.equal(await page.locator('[data-testid=greenhouse]').textContent(), 'Strong yes');

  assert.deepEqual(errors, [], 'no console errors');
  assert.ok(requests.every((u) => u.startsWith(base)), `only own assets requested: ${requests.filter((u) => !u.startsWith(base))}`);
  await context.close();
});

test('opening the page stores nothing until the interviewer changes something', async () => {
  const { context, page } = await open();
  // The on-demand module is requested only once the page is idle after the mount effects (the
  // autosave effect's first run among them), so once its request is on record that run is over.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('scorecard-extras_bg.wasm')));
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  assert.equal(await page.locator('[data-testid=save-status]').textContent(), 'Not saved yet');

  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent === 'Saved in this browser');
  assert.ok((await page.evaluate(() => Object.keys(localStorage))).some((k) => k.includes('ada lovelace')));
  await context.close();
});

test('the draft survives a reload, and submit locks it until reopened', async () => {
  const { context, page } = await open();
  await page.getByLabel('Candidate', { exact: true }).fill('Alan Turing');
  await page.click('label[for="sc-business_impact-needs_improvement"]');
  await page.getByLabel('Evidence for Business Impact').fill('Could not say who the feature was for.');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent === 'Saved in this browser');

  await page.reload();
  await page.waitForSelector('.sc-notice');
  assert.equal(await page.getByLabel('Candidate', { exact: true }).inputValue(), 'Alan Turing');
  assert.equal(await page.getByLabel('Evidence for Business Impact').inputValue(), 'Could not say who the feature was for.');
  assert.ok(await page.locator('#sc-business_impact-needs_improvement').isChecked());

  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');
  assert.ok(await page.locator('#sc-business_impact-meets').isDisabled());
  // "Your draft was restored" is over once the card is submitted.
  assert.equal(await page.locator('.sc-notice').count(), 0, 'no notice left that no longer applies');
  await page.reload();
  await page.waitForSelector('[data-testid=submitted]');
  assert.ok(await page.getByLabel('Evidence for Business Impact').isDisabled(), 'still submitted after reload');
  // A submitted card is not a draft: nothing says "restored" (or alerts) on every load.
  assert.equal(await page.locator('.sc-notice').count(), 0);
  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.waitForFunction(() => !document.querySelector('#sc-business_impact-meets').disabled);
  await context.close();
});

test('the whole card can be rated with the keyboard alone', async () => {
  const { context, page } = await open();
  await page.getByLabel('Date', { exact: true }).focus();
  // Tab from the header into the first card's radio group, then move with the arrow keys.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (id.startsWith('sc-technical_expertise-')) break;
  }
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.match(focused, /^sc-technical_expertise-/, 'a rating radio takes focus');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  const checked = await page.evaluate(() => document.querySelector('input[name="sc-technical_expertise"]:checked')?.value);
  assert.ok(['needs_improvement', 'meets', 'exceeds', 'not_assessed'].includes(checked));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle);
  assert.equal(outline, 'solid', 'focus is visible on the chosen option');
  await context.close();
});

// 360 px is a phone; 640 px is a 1280 px window at 200% zoom.
for (const width of [360, 640]) {
  test(`at ${width} px wide nothing scrolls sideways`, async () => {
    const { context, page } = await open({ viewport: { width, height: 800 } });
    await page.getByLabel('What did you observe?').fill('Ran the weekly sync with four teams and kept a risk log shared with product');
    await page.getByLabel('What did you observe?').press('Enter');
    await page.waitForSelector('.sc-obs');
    await page.locator('summary', { hasText: 'Import a scorecard' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await context.close();
  });
}

test('at 200% zoom what takes the keyboard is never under the outcome bar', async () => {
  // A card a QA pass found it with: drafted ratings, notes, flagged observations.
  const stored = JSON.parse(await readFile(new URL('../fixtures/storage-drafted-card.json', import.meta.url), 'utf8'));
  const context = await browser.newContext({ viewport: { width: 640, height: 450 } });
  await context.addInitScript((items) => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); } }, stored);
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.sc-badge');
  await page.locator('.sc-recbar').waitFor();
  await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement?.blur(); });
  let worst = { cover: 0 };
  for (let i = 0; i < 90; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const a = document.activeElement, bar = document.querySelector('.sc-recbar');
      if (!a || a === document.body || bar.contains(a)) return { cover: 0 };
      const x = a.getBoundingClientRect(), y = bar.getBoundingClientRect();
      return { id: a.id, cover: Math.max(0, Math.min(x.bottom, y.bottom) - Math.max(x.top, y.top)) / Math.max(1, x.height) };
    });
    if (r.cover > worst.cover) worst = r;
  }
  assert.ok(worst.cover < 0.05, `${worst.id} is ${Math.round(worst.cover * 100)}% under the bar`);
  await context.close();
});

test('a blank scorecard is not submitted: the refusal names what is missing and the keyboard goes there', async () => {
  const { context, page } = await open();
  const notice = page.locator('.sc-toolbar .sc-notice span');
  const refused = (text) => page.waitForFunction((t) => document.querySelector('.sc-toolbar .sc-notice span')?.textContent.trim() === t, text);
  const focused = () => page.evaluate(() => document.activeElement?.id);
  const button = page.getByRole('button', { name: 'Submit scorecard' });
  // Said before Submit, and read with it: the names stay as submitted. On a fresh card the step
  // is asked for quietly (a warning before anything was typed read as nagging)...
  const hint = page.locator('#sc-names-hint');
  assert.match(await hint.textContent(), /^Check the names before you submit: the candidate, interviewer and step stay as submitted\. Name the interview step \(e\.g\. System design\) so that/);
  assert.ok(!(await hint.getAttribute('class')).includes('sc-is-warning'), await hint.getAttribute('class'));
  assert.equal(await button.getAttribute('aria-describedby'), 'sc-names-hint');
  const before = await button.boundingBox();
  await button.click();
  await page.waitForSelector('.sc-notice');
  // ...and once Submit was pressed, a missing step is a warning, still the button's description.
  await page.waitForFunction(() => document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  assert.match(await hint.textContent(), /submitted\. No interview step yet: name it \(e\.g\. System design\) so that the committee can tell this interview from the candidate's others\.$/);
  assert.equal(await button.getAttribute('aria-describedby'), 'sc-names-hint');
  // The refusal is said below the buttons: Submit stays under the pointer that pressed it.
  assert.deepEqual(await button.boundingBox(), before);
  assert.equal(await notice.textContent(), "Not submitted: add the candidate's name and the interviewer's name, and rate at least one capability first.");
  assert.equal(await page.locator('.sc-notice').getAttribute('role'), 'alert');
  await page.waitForFunction(() => document.activeElement?.id === 'sc-candidate');
  assert.equal(await page.locator('[data-testid=submitted]').count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored');

  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await button.click();
  await refused("Not submitted: add the interviewer's name and rate at least one capability first.");
  await page.waitForFunction(() => document.activeElement?.id === 'sc-interviewer');
  await page.keyboard.type('Grace Hopper');
  await button.click();
  await refused('Not submitted: rate at least one capability first.');
  await page.waitForFunction(() => document.activeElement?.id === 'sc-technical_expertise-not_assessed');
  // Once nothing is missing, the refusal goes.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !document.querySelector('.sc-notice'));
  assert.equal(await focused(), 'sc-technical_expertise-needs_improvement');
  // The interviewer's name alone missing: refused, and the keyboard goes to it.
  await page.getByLabel('Interviewer', { exact: true }).fill('  ');
  await button.click();
  await refused("Not submitted: add the interviewer's name first.");
  await page.waitForFunction(() => document.activeElement?.id === 'sc-interviewer');
  assert.equal(await page.locator('[data-testid=submitted]').count(), 0);
  await page.getByLabel('Interviewer', { exact: true }).fill('Grace Hopper');
  await page.waitForFunction(() => !document.querySelector('.sc-notice'));
  await page.getByLabel('Interview step').fill('Coding');
  assert.equal(await page.locator('#sc-names-hint').textContent(), 'Check the names before you submit: the candidate, interviewer and step stay as submitted.');
  await button.click();
  await page.waitForSelector('[data-testid=submitted]');
  // Said as it submits, too.
  assert.match(await page.locator('.sc-toolbar [role=status].sc-visually-hidden').textContent(), /the candidate, interviewer and step stay as submitted\.$/);
  await context.close();
});

test('a missing interview step is a quiet hint on a fresh card and a warning once the card is rated', async () => {
  const { context, page } = await open();
  const hint = page.locator('#sc-names-hint');
  // Names typed are not yet a card on its way: still quiet.
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  assert.match(await hint.textContent(), / Name the interview step \(e\.g\. System design\)/);
  assert.ok(!(await hint.getAttribute('class')).includes('sc-is-warning'));
  await page.click('label[for="sc-business_impact-meets"]');
  await page.waitForFunction(() => document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  assert.match(await hint.textContent(), / No interview step yet: name it/);
  // Named, the step is asked for no more.
  await page.getByLabel('Interview step').fill('System design');
  await page.waitForFunction(() => !document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  assert.equal(await hint.textContent(), 'Check the names before you submit: the candidate, interviewer and step stay as submitted.');
  await context.close();
});

/**
 * What a screen reader is told of the step's warning: the politeness of the live region it is
 * in ("polite", "assertive", or null when it is in none), its words, and how often its live
 * region's content changed since `watchStep` (each change is said again).
 */
const stepLive = (page) => page.evaluate(() => {
  const hint = document.querySelector('#sc-names-hint');
  const live = hint.querySelector('[aria-live], [role=status], [role=alert]') ?? hint.closest('[aria-live], [role=status], [role=alert]');
  const politeness = live && (live.getAttribute('aria-live') ?? (live.getAttribute('role') === 'alert' ? 'assertive' : 'polite'));
  return { politeness: politeness === 'off' ? null : politeness, text: live?.textContent.trim() ?? null, changes: window.stepChanges ?? null };
});
/** Counts, from now on, the changes of what the step hint's live region holds. */
const watchStep = (page) => page.evaluate(() => {
  const hint = document.querySelector('#sc-names-hint');
  const live = hint.querySelector('[aria-live], [role=status], [role=alert]') ?? hint;
  window.stepChanges = 0;
  let last = live.textContent;
  new MutationObserver(() => { if (live.textContent !== last) { last = live.textContent; window.stepChanges++; } })
    .observe(live, { childList: true, characterData: true, subtree: true });
});
const WARNING = "No interview step yet: name it (e.g. System design) so that the committee can tell this interview from the candidate's others.";

test('the step\'s warning is said once, politely, when the first rating makes it one; not again while typing, nor with Submit\'s refusal', async () => {
  const { context, page } = await open();
  // A live region is there before it has anything to say, and says nothing of the quiet hint.
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: '', changes: null });
  await watchStep(page);
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.click('label[for="sc-business_impact-meets"]');
  await page.waitForFunction(() => document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: WARNING, changes: 1 });
  // Typing on (a note, key by key) changes nothing it holds: it is not said again.
  await page.locator('#sc-business_impact-note').pressSequentially('Shipped the migration');
  await page.click('label[for="sc-technical_expertise-exceeds"]');
  // Submit refused (no interviewer): the alert says so; the warning, unchanged, is not said again.
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await page.waitForSelector('.sc-notice');
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: WARNING, changes: 1 });
  // Named, then the name taken away: a new change to a warning, said again.
  await page.getByLabel('Interview step').fill('Coding');
  await page.waitForFunction(() => !document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: '', changes: 2 });
  await page.getByLabel('Interview step').fill('');
  await page.waitForFunction(() => document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: WARNING, changes: 3 });
  await context.close();
});

test('Submit refused on a blank card shows the step\'s warning without saying it beside its alert; the card\'s first rating says it', async () => {
  const { context, page } = await open();
  await watchStep(page);
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await page.waitForSelector('.sc-notice[role=alert]');
  await page.waitForFunction(() => document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  const shown = async () => (await page.locator('#sc-names-hint').textContent()).split(WARNING).length - 1;
  assert.equal(await shown(), 1, 'shown');
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: '', changes: 0 }, 'the refusal is said (an alert); the warning beside it is not');
  // The card's first rating: said now, once, as on a card where Submit was not pressed.
  await page.click('label[for="sc-business_impact-meets"]');
  await page.waitForFunction((w) => document.querySelector('#sc-names-hint [aria-live]')?.textContent.trim() === w, WARNING);
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: WARNING, changes: 1 });
  await page.click('label[for="sc-project_ownership-exceeds"]');
  await page.locator('#sc-project_ownership-note').pressSequentially('Led it');
  assert.deepEqual(await stepLive(page), { politeness: 'polite', text: WARNING, changes: 1 });
  assert.equal(await shown(), 1, 'shown once');
  await context.close();
});

test("the submission time is shown in the interviewer's time zone, with its offset from UTC; the stored value stays UTC", async () => {
  // Without the zone a committee member elsewhere could not tell when "00:46" was.
  for (const [timezoneId, zone] of [['America/Los_Angeles', /^ UTC\u22120[78]:00$/], ['Asia/Kolkata', /^ UTC\+05:30$/], ['UTC', /^ UTC\+00:00$/]]) {
    const { context, page } = await open({ timezoneId });
    await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
    await page.click('label[for="sc-business_impact-meets"]');
    await submit(page);
    await page.waitForSelector('[data-testid=submitted]');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.includes(':draft:')))).submitted_at);
    assert.match(stored, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, 'stored in UTC');
    const local = await page.evaluate((at) => {
      const d = new Date(at);
      const p = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    }, stored);
    if (timezoneId !== 'UTC') assert.notEqual(local, stored.slice(0, 16).replace('T', ' '), `${timezoneId} is never on UTC`);
    const shown = await page.locator('[data-testid=submitted]').textContent();
    assert.ok(shown.startsWith(`Submitted ${local}`), `${timezoneId}: ${shown}`);
    assert.match(shown.slice(`Submitted ${local}`.length), zone, `${timezoneId}: ${shown}`);
    await context.close();
  }
});

test('in one column the outcome stays in view at the bottom while rating, and takes the keyboard to the panel', async () => {
  const { context, page } = await open({ viewport: { width: 360, height: 740 } });
  for (const c of ['leadership_process', 'project_ownership', 'business_impact', 'communication_collaboration']) {
    await page.click(`label[for="sc-${c}-meets"]`);
  }
  // Rating the first card, far from the panel (which follows the last): the bar at the bottom
  // of the view says the outcome.
  await page.locator('label[for="sc-technical_expertise-exceeds"]').click();
  const bar = page.locator('.sc-recbar');
  await page.waitForFunction(() => document.querySelector('.sc-recbar')?.textContent.startsWith('Hire at L4'));
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 740 && box.y > 740 - 120, `at the bottom of the view: ${JSON.stringify(box)}`);
  const panel = await page.locator('.sc-rec').boundingBox();
  assert.ok(panel.y > 740, 'the panel itself is out of sight');
  // It says that it leads to the reasons (to the eye and in its name), not only "Why".
  assert.match(await bar.ariaSnapshot(), /^- '?button "Hire at L4 Greenhouse: Yes · See why"'?$/);
  await bar.click();
  await page.waitForFunction(() => document.activeElement?.id === 'sc-rec-title');
  // With the panel in view, the bar (stopped at the end of the cards, above it) is gone rather
  // than say the outcome twice; back at the top, it is there again.
  const shown = () => page.evaluate(() => { const s = getComputedStyle(document.querySelector('.sc-recbar')); return s.visibility === 'visible' && s.opacity === '1'; });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.sc-recbar')).visibility === 'hidden');
  assert.equal(await shown(), false);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.sc-recbar')).visibility === 'visible');
  assert.equal(await shown(), true, 'the bar is back, whole, far from the panel');
  await context.close();

  // Beside the cards, the panel is there: no bar.
  const { context: wide, page: p2 } = await open({ viewport: { width: 1280, height: 800 } });
  assert.equal(await p2.locator('.sc-recbar').isVisible(), false);
  // Rating the last card, the panel beside it is still in view, with the new outcome.
  for (const c of ['technical_expertise', 'project_ownership', 'business_impact', 'communication_collaboration']) {
    await p2.click(`label[for="sc-${c}-meets"]`);
  }
  await p2.locator('label[for="sc-leadership_process-exceeds"]').click();
  await p2.waitForFunction(() => document.querySelector('[data-testid=decision]')?.textContent.startsWith('Hire at L4'));
  assert.ok(await p2.evaluate(() => window.scrollY) > 1500, 'the page scrolled to the last card');
  const rec = await p2.locator('.sc-rec__decision').boundingBox();
  assert.ok(rec.y >= 0 && rec.y + rec.height <= 800, `the outcome is in view: ${JSON.stringify(rec)}`);
  // A panel taller than the window scrolls on its own: its last button comes into view with the
  // keyboard's focus.
  const aside = await p2.locator('.sc-layout__aside').boundingBox();
  assert.ok(aside.y >= 0 && aside.y + aside.height <= 800 + 4, `the panel fits the window: ${JSON.stringify(aside)}`);
  await p2.getByRole('button', { name: 'Print' }).focus();
  const print = await p2.getByRole('button', { name: 'Print' }).boundingBox();
  assert.ok(print.y >= 0 && print.y + print.height <= 800, `its last button is in view: ${JSON.stringify(print)}`);
  // Once the panel is at its end, the wheel over it goes on to the page.
  await p2.evaluate(() => window.scrollTo(0, 0));
  await p2.waitForFunction(() => window.scrollY === 0);
  const head = await p2.locator('.sc-rec__decision').boundingBox();
  await p2.mouse.move(head.x + 10, head.y + 10);
  for (let i = 0; i < 8 && (await p2.evaluate(() => window.scrollY)) === 0; i++) {
    await p2.mouse.wheel(0, 400);
    await p2.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
  assert.ok(await p2.evaluate(() => window.scrollY) > 0, 'the page scrolls under the pointer once the panel is at its end');
  await wide.close();
});

test('an address whose options the widget refuses says why on the page, as text', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/?candidate=${'x'.repeat(250)}<img src=x onerror=window.__pwned=1>`);
  const alert = page.locator('#scorecard-app [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^This scorecard could not be opened from this address: .*candidate\.name: \d+ characters; the limit is 200/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'shown as text');
  await context.close();
});

test('in one column, a control the keyboard reaches is never hidden under the outcome bar', async () => {
  const { context, page } = await open({ viewport: { width: 640, height: 400 } });
  const hidden = [];
  let reachedPanel = false;
  for (let i = 0; i < 150 && !reachedPanel; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const a = document.activeElement;
      const bar = document.querySelector('.sc-recbar');
      if (!a || a === document.body || bar.contains(a)) return { skip: true };
      const ab = a.getBoundingClientRect();
      const bb = bar.getBoundingClientRect();
      return { id: a.id || a.textContent.trim().slice(0, 30), panel: Boolean(a.closest('.sc-layout__aside')), overlap: Math.max(0, Math.min(ab.bottom, bb.bottom) - Math.max(ab.top, bb.top)) };
    });
    if (r.skip) continue;
    reachedPanel = r.panel;
    if (r.overlap > 0) hidden.push(`${r.id}: ${r.overlap}px`);
  }
  assert.ok(reachedPanel, 'tabbed through every card to the panel');
  assert.deepEqual(hidden, []);
  await context.close();
});

test('choosing a level changes no tile\'s width and no card\'s height: the cards below do not jump', async () => {
  const { context, page } = await open({ viewport: { width: 1280, height: 900 } });
  const measure = () => page.evaluate(() => {
    const card = document.querySelector('.sc-card[id$="technical_expertise"], .sc-card');
    return {
      tiles: [...card.querySelectorAll('.sc-option__label')].map((l) => Math.round(l.getBoundingClientRect().width)),
      height: Math.round(card.getBoundingClientRect().height),
      next: Math.round(card.nextElementSibling.getBoundingClientRect().top),
    };
  });
  const before = await measure();
  for (const level of ['meets', 'exceeds', 'needs_improvement']) {
    await page.click(`label[for$="technical_expertise-${level}"]`);
    await page.waitForFunction((level) => document.querySelector(`input[id$="technical_expertise-${level}"]`).checked, level);
    assert.deepEqual(await measure(), before, level);
  }
  await context.close();
});

test('a note the classifier flags is not evidence: the rating stays without evidence and the confidence does not rise', async () => {
  const { context, page } = await open();
  await page.waitForSelector('.sc-app[data-assist=ready]');
  const caps = ['technical_expertise', 'project_ownership', 'business_impact', 'communication_collaboration'];
  for (const c of caps) await page.click(`label[for="sc-${c}-meets"]`);
  const confidence = () => page.locator('[data-testid=confidence]').textContent();
  const unevidenced = () => page.locator('[data-testid=todo-unevidenced]').textContent();
  await page.waitForFunction(() => document.querySelector('[data-testid=todo-unevidenced]')?.textContent.includes('Communication'));
  const bare = await confidence();
  for (const [i, c] of caps.entries()) {
    await page.locator(`#sc-${c}-note`).fill(i % 2 ? 'Seems smart.' : 'Young mom with two kids, very energetic.');
  }
  // Each note carries its warning, and none of them counts.
  await page.waitForFunction(() => document.querySelectorAll('.sc-card [role=note]').length >= 4);
  assert.equal(await confidence(), bare);
  for (const name of ['Technical Expertise', 'Project Ownership', 'Business Impact', 'Communication & Collaboration']) {
    assert.ok((await unevidenced()).includes(name), `${name} in ${await unevidenced()}`);
  }
  // A behavioural note does count.
  await page.locator('#sc-technical_expertise-note').fill('Walked through the rollback plan step by step and named the owner of each step.');
  await page.waitForFunction(() => !document.querySelector('[data-testid=todo-unevidenced]').textContent.includes('Technical Expertise'));
  assert.notEqual(await confidence(), bare);
  await context.close();
});

// The step's warning follows Submit pressed, not any notice: it stays once Submit's refusal is
// dismissed, and an import's notice on a card with nothing rated leaves the hint quiet.
const stepWarned = (page) => page.locator('#sc-names-hint').evaluate((h) => h.classList.contains('sc-is-warning'));

test('after Submit was pressed, dismissing its refusal keeps the missing step a warning', async () => {
  const { context, page } = await openScorer(browser, base);
  await page.waitForSelector('#sc-names-hint');
  assert.equal(await stepWarned(page), false, 'a fresh card: the quiet hint');
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-names-hint').classList.contains('sc-is-warning'));
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.waitForFunction(() => !/Not submitted/.test(document.body.textContent));
  assert.equal(await stepWarned(page), true, 'Submit was pressed: still a warning');
  await context.close();
});

test('a notice that is not about the card\'s content (Imported from, of a document with no rating) leaves the hint quiet', async () => {
  const { context, page } = await openScorer(browser, base);
  await page.waitForSelector('.sc-app[data-assist=ready]');
  assert.equal(await stepWarned(page), false, 'a fresh card: the quiet hint');
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await page.getByLabel('Or paste JSON or a share link').fill(JSON.stringify({ format: 'interview-scorecard', version: 1, candidate: { name: 'Ada' }, ratings: {} }));
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await page.getByRole('button', { name: 'Replace my draft' }).click();
  await page.locator('[role=alert], [role=status]').filter({ hasText: /^Imported from/ }).waitFor();
  assert.equal(await page.getByLabel('Candidate', { exact: true }).inputValue(), 'Ada');
  assert.equal(await stepWarned(page), false, 'nothing rated, noted or observed, Submit not pressed');
  await context.close();
});
