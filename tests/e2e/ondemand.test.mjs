// End-to-end: the widget is two wasm modules. The scorer comes first; the classifier and the
// import and export formats (scorecard-extras) load after the first paint. These tests hold that
// second module back or block it, and check that nothing the interviewer does is lost meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, observe } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const EXTRAS = /scorecard-extras(_bg\.wasm|\.js)$/;
const NOTE = 'Mentors two new grads on her team and meets them weekly for code review coaching.';

/** A page of the scorer whose on-demand module is held back until `release()`. */
async function heldBack() {
  const context = await browser.newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(EXTRAS, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  return { context, page, release };
}

test('the scorer is on screen before the on-demand module is fetched', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const order = [];
  page.on('request', (r) => order.push(new URL(r.url()).pathname));
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('scorecard-extras_bg.wasm')));
  const main = order.indexOf('/scorecard-web_bg.wasm');
  const extras = order.indexOf('/scorecard-extras_bg.wasm');
  assert.ok(main >= 0 && extras > main, `the widget's wasm comes first: ${order.join(', ')}`);
  await context.close();
});

test('an observation typed while the module loads is tagged the moment it arrives', async () => {
  const { context, page, release } = await heldBack();

  await observe(page, NOTE);
  const untagged = page.locator('.sc-observe .sc-obs', { hasText: 'Mentors two new grads' });
  assert.equal(await untagged.count(), 1, 'kept, untagged, while the classifier is on its way');
  // Said on the note and in the status line: it is waiting to be read, not read as untagged (QA L1).
  assert.equal(await untagged.locator('.sc-obs__source').textContent(), 'Tagging…');
  assert.equal(await page.locator('.sc-observe__added').textContent(), 'Added. It is tagged once the classifier has loaded: it is listed below meanwhile.');

  release();
  const card = page.locator('section.sc-card', { has: page.locator('h2', { hasText: 'Mentorship & Support' }) });
  await card.locator('.sc-obs', { hasText: 'Mentors two new grads' }).waitFor();
  assert.match(await card.locator('.sc-obs__source').first().textContent(), /Suggested · \d+% sure/);
  assert.ok(await card.locator('.sc-obs .sc-obs__mark').count() > 0, 'evidence highlighted once read');
  assert.equal(await page.locator('.sc-observe .sc-obs').count(), 0, 'nothing left untagged');
  assert.equal(await page.locator('.sc-obs__source', { hasText: 'Tagging' }).count(), 0);
  assert.equal(await page.locator('.sc-observe__added').textContent(), 'Added to Mentorship & Support: it is on that card below, with its tag.', 'the status says where it went once read');
  await context.close();
});

test('drafting asked for while the module loads is done when it arrives, with the bias check', async () => {
  const { context, page, release } = await heldBack();
  await observe(page, NOTE);
  await observe(page, 'She is a young mom so might not handle on-call.');
  await page.getByRole('button', { name: 'Draft ratings from observations' }).click();
  // Not refused: promised, and said why it waits.
  await page.locator('.sc-notice', { hasText: 'Drafting ratings in a moment, once the classifier has loaded' }).waitFor();
  assert.equal(await page.locator('.sc-badge', { hasText: 'Drafted' }).count(), 0, 'nothing drafted before the bias check can run');

  release();
  await page.locator('.sc-notice', { hasText: 'Drafted from your observations: Mentorship & Support' }).waitFor();
  const card = page.locator('section.sc-card', { has: page.locator('h2', { hasText: 'Mentorship & Support' }) });
  assert.match(await card.locator('.sc-badge').textContent(), /^Drafted/);
  assert.equal(await page.locator('.sc-badge', { hasText: 'Drafted' }).count(), 1, 'only the capability with sound evidence');
  // The flagged note was read before drafting: it is left untagged, not counted.
  assert.match(await page.locator('.sc-obs', { hasText: 'young mom' }).locator('.sc-obs__flag').textContent(), /Bias risk/);
  await context.close();
});

test('with the module blocked, scoring still works and the interviewer is told what is missing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(EXTRAS, (route) => route.abort('blockedbyclient'));
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');

  // Rating and the recommendation need nothing from the on-demand module.
  const tech = page.locator('section.sc-card', { has: page.locator('h2', { hasText: 'Technical Expertise' }) });
  await tech.getByText('Exceeds Expectations', { exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.sc-card__current')?.textContent.includes('Exceeds'));

  // An observation is kept, untagged, with a message saying why.
  await observe(page, NOTE);
  await page.getByText(/Tag suggestions: unavailable/).waitFor();
  assert.equal(await page.locator('.sc-observe .sc-obs').count(), 1);
  // The interviewer can still tag it by hand.
  await page.locator('.sc-observe .sc-obs select').first().selectOption('mentorship_support');
  const card = page.locator('section.sc-card', { has: page.locator('h2', { hasText: 'Mentorship & Support' }) });
  await card.locator('.sc-obs__source', { hasText: 'Your tag' }).waitFor();

  // Formats that live in the module say so; JSON download does not need it.
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  await page.getByText(/Export: unavailable/).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const saved = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  assert.equal(saved.ratings.technical_expertise.level, 'exceeds');
  assert.equal(saved.observations[0].capability, 'mentorship_support');
  assert.deepEqual(errors, [], 'no uncaught error');
  await context.close();
});

test('an on-demand module of another version is refused by name, and scoring goes on', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A stale copy, as a cache might serve after an upgrade: it loads, but speaks another protocol.
  await page.route(/scorecard-extras\.js$/, (route) => route.fulfill({
    contentType: 'text/javascript',
    body: "export default async function init() {}\nexport function wireProtocol() { return 'scorecard-wire 0'; }\n",
  }));
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await observe(page, NOTE);
  const message = page.getByText(/Tag suggestions: unavailable/);
  await message.waitFor();
  assert.match(await message.textContent(), /another version of the suggestion module: scorecard-wire 0, this page needs scorecard-wire 1; reload the page/);
  assert.equal(await page.locator('.sc-observe .sc-obs').count(), 1, 'the observation is kept, untagged');
  await context.close();
});
