// Hostile input: script-injection payloads typed into every text field, carried in an imported
// file and in a share link. None may execute (a planted flag would be set), all show as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openScorer, scrambled } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const X = 'window.__pwned=(window.__pwned||0)+1';
export const PAYLOADS = [
  `<script>${X}</script>`, `<img src=x onerror="${X}">`, `<svg onload="${X}">`, `<svg><script>${X}</script></svg>`,
  `"><img src=x onerror=${X}>`, `'><script>${X}</script>`, `javascript:${X}`, `<a href="javascript:${X}">x</a>`,
  `<iframe src="javascript:${X}"></iframe>`, `<iframe srcdoc="<script>parent.${X}</script>"></iframe>`,
  `<body onload=${X}>`, `<details open ontoggle="${X}">`, `<input autofocus onfocus="${X}">`,
  `<video><source onerror="${X}"></video>`, `<audio src=x onerror=${X}>`, `<object data="javascript:${X}">`,
  `<embed src="javascript:${X}">`, `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`,
  `<style>@import 'javascript:${X}';</style>`, `<link rel=stylesheet href="javascript:${X}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${X}">`, `<form><button formaction="javascript:${X}">x`,
  `{{constructor.constructor('${X}')()}}`, `\${${X}}`, `<!--<img src="--><img src=x onerror=${X}//">`,
  `<scr<script>ipt>${X}</scr</script>ipt>`, `%3Cscript%3E${X}%3C/script%3E`, `&lt;script&gt;${X}&lt;/script&gt;`,
  `<marquee onstart=${X}>`, `<div style="background:url(javascript:${X})">`, `\u202e<img src=x onerror=${X}>`,
  `[x](javascript:${X}) **<b onmouseover=${X}>b</b>**`,
];

test(`${PAYLOADS.length} payloads in every field, a file and a share link: none executes`, async () => {
  assert.ok(PAYLOADS.length >= 30);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(() => { window.__pwned = 0; });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');

  for (const [i, p] of PAYLOADS.entries()) {
    await page.getByLabel('What did you observe?').fill(p);
    await page.getByLabel('What did you observe?').press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.sc-obs').length === n, i + 1);
  }
  const texts = await page.locator('.sc-obs__text').allTextContents();
  assert.deepEqual(texts.sort(), PAYLOADS.map((p) => p.trim()).sort(), 'every payload shows as its own text');

  const fields = ['Candidate', 'Interviewer', 'Interview step'];
  for (const [i, label] of fields.entries()) await page.getByLabel(label, { exact: true }).fill(PAYLOADS[i]);
  for (const [i, cap] of ['technical_expertise', 'project_ownership', 'business_impact'].entries()) {
    await page.fill(`#sc-${cap}-note`, PAYLOADS[10 + i]);
    await page.click(`label[for="sc-${cap}-meets"]`);
  }
  // Exercise the views that render user text elsewhere: Markdown and the share link.
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  const md = await page.locator('.sc-transfer__out textarea').inputValue();
  // Every "<" that could open a tag is backslash-escaped, so Markdown renders it as text.
  assert.ok(!/(^|[^\\])<[a-z!/]/im.test(md), 'Markdown escapes HTML');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.locator('.sc-transfer__out textarea').inputValue();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const file = await download.path();

  // The share link opens read-only, showing the payloads as text.
  const viewer = await context.newPage();
  await viewer.addInitScript(() => { window.__pwned = 0; });
  await viewer.goto(link);
  await viewer.waitForSelector('.sc-shared');
  assert.equal(await viewer.getByLabel('Candidate', { exact: true }).inputValue(), PAYLOADS[0]);
  assert.equal(await viewer.locator('.sc-obs').count(), PAYLOADS.length);

  // The downloaded file imports into a fresh page, payloads intact.
  const other = await browser.newContext();
  const importer = await other.newPage();
  await importer.addInitScript(() => { window.__pwned = 0; });
  await importer.goto(base + '/');
  await importer.waitForSelector('.sc-card');
  // Imports are read by the on-demand module: once it is in (before, a file is refused as still loading).
  await importer.waitForSelector('.sc-app[data-assist=ready]');
  await importer.locator('summary', { hasText: 'Import a scorecard' }).click();
  await importer.getByLabel('File', { exact: true }).setInputFiles(file);
  await importer.getByRole('button', { name: 'Replace my draft' }).click();
  await importer.waitForFunction((p) => document.querySelector('#sc-step').value === p, PAYLOADS[2]);
  assert.equal(await importer.locator('#sc-technical_expertise-note').inputValue(), PAYLOADS[10]);

  // Hover and focus everything once, to give event-handler payloads their chance.
  for (const p of [page, viewer, importer]) {
    await p.evaluate(() => document.querySelectorAll('.sc-obs__text, .sc-field__input').forEach((e) => {
      e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      e.focus?.();
    }));
    assert.equal(await p.evaluate(() => window.__pwned), 0, 'no payload ran');
    assert.equal(await p.evaluate(() => document.querySelectorAll('.sc-app script, .sc-app img, .sc-app iframe, .sc-app svg:not(.sc-chart__svg)').length), 0);
  }
  assert.deepEqual(dialogs, []);
  await other.close();
  await context.close();
});

test('names with direction controls are isolated in the scorer: Your scorecards, the import question, the notices, the region', async () => {
  const { context, page, errors } = await openScorer(browser, base);
  await page.waitForSelector('.sc-app[data-assist=ready]');
  const saved = () => page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent === 'Saved in this browser');
  // U+202E RIGHT-TO-LEFT OVERRIDE, U+202B RIGHT-TO-LEFT EMBEDDING, a stray U+2069 POP
  // DIRECTIONAL ISOLATE and a U+2066 LEFT-TO-RIGHT ISOLATE never closed.
  const [ada, wes, step] = ['Ada \u202eRTL', 'Wes \u2069\u202eStray', 'Sys \u2066design'];
  // The header's names and step, each printed alone in a block of its own (a text copy drawn
  // only on paper): a paragraph of its own isolates its text.
  const names = [ada, wes, step, 'Dan \u202bIto', 'Vic \u202bEmb', 'Uma \u202eX'];
  await page.getByLabel('Candidate', { exact: true }).fill(ada);
  await page.getByLabel('Interviewer', { exact: true }).fill(wes);
  await page.getByLabel('Interview step').fill(step);
  await page.click('label[for="sc-business_impact-meets"]');
  await saved();
  // A second card, so that the first is listed with its Open button (named after it).
  await page.getByRole('button', { name: 'New scorecard' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === '');
  await page.getByLabel('Candidate', { exact: true }).fill('Dan \u202bIto');
  await page.click('label[for="sc-business_impact-exceeds"]');
  await saved();
  await page.getByText('Your scorecards').click();
  await page.locator('.sc-saved__item').nth(1).waitFor();
  assert.deepEqual((await page.locator('.sc-saved__title').allTextContents()).sort(),
    ['\u2068Ada \u202eRTL\u2069 · \u2068Sys \u2066design\u2069\u2069', '\u2068Dan \u202bIto\u2069']);
  assert.deepEqual(await scrambled(page, '.sc-app', names), []);

  // The question an import asks names the file and the people, and so does the notice after it.
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  const card = { format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
    candidate: { name: 'Vic \u202bEmb' }, interviewer: { name: 'Uma \u202eX' }, interview: { step: 'Coding', date: '2026-11-20' },
    ratings: { technical_expertise: { level: 'meets' } } };
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'rtl\u202e-card.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(card)) });
  await page.waitForSelector('.sc-transfer__pending');
  assert.match(await page.locator('#sc-pending').textContent(), /^\u2068rtl\u202e-card\.json\u2069 holds a scorecard for \u2068Vic \u202bEmb\u2069 by \u2068Uma \u202eX\u2069, /);
  assert.deepEqual(await scrambled(page, '.sc-app', names), []);
  await page.getByRole('button', { name: 'Open it' }).click();
  await page.locator('.sc-notice', { hasText: 'Imported from' }).waitFor();
  assert.deepEqual(await scrambled(page, '.sc-app', names), []);

  // A saved draft that cannot be read is named by its key, which holds the names.
  const key = `scorecard:v1:draft:l4-senior-software-engineer:${ada.toLowerCase()}:${wes.toLowerCase()}`;
  await page.evaluate((k) => {
    localStorage.setItem(k, '{"format": oops}');
    localStorage.setItem('scorecard:v1:last:l4-senior-software-engineer', k);
  }, key);
  await page.reload();
  await page.locator('.sc-notice', { hasText: 'could not be read' }).waitFor();
  assert.deepEqual(await scrambled(page, '.sc-app', names), []);
  assert.deepEqual(errors, []);

  // Embedded, the widget is a region named after whose card it is. (Mounted outside a shadow
  // root, on the host page without its hostile stylesheet, which hides .sc-app there.)
  await page.goto(`${base}/examples/ats/`);
  await page.evaluate(async (names) => {
    document.querySelector('link[href$="host.css"]').remove();
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const el = document.createElement('div');
    el.id = 'rtl-widget';
    document.body.append(el);
    mount(el, { candidate: names[0], interviewer: names[1], autosave: false });
  }, [ada, wes]);
  await page.waitForSelector('#rtl-widget .sc-card');
  assert.equal(await page.locator('#rtl-widget .sc-app').getAttribute('aria-label'), 'Interview scorecard: \u2068Ada \u202eRTL\u2069, \u2068Wes \u202eStray\u2069');
  assert.deepEqual(await scrambled(page, '#rtl-widget .sc-app', names), []);
  await context.close();
});
