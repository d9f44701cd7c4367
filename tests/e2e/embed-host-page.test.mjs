// A widget a host mounted stays a host's widget: whether it is the standalone page (the element
// #scorecard-app in the document: a committee link, New scorecard and Your scorecards, the cards
// as the page's main) is read once, at mount. A host page whose DOM gains such an element later
// (a single-page app's route, a placeholder copied from index.html) must not turn the mounted
// widget into the standalone page at its next render, where New scorecard reloads the host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, openAtsPage } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

/** The ATS example page with a widget the page mounts itself (`mount`, into #host-widget). */
async function mountedOnHostPage() {
  const { context, page, errors } = await openAtsPage(browser, base);
  await page.evaluate(async () => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const el = document.createElement('div');
    el.id = 'host-widget';
    document.body.append(el);
    window.h = await mount(el, {});
  });
  await page.waitForSelector('#host-widget .sc-card', { state: 'attached' });
  return { context, page, errors };
}

test('a widget mounted by a host keeps its host-page look when #scorecard-app appears later', async () => {
  const { context, page, errors } = await mountedOnHostPage();
  const box = page.locator('#host-widget').getByLabel('What did you observe?');
  await box.waitFor({ state: 'attached' });
  const look = () => page.evaluate(() => {
    const app = document.querySelector('#host-widget .sc-app');
    return { role: app.getAttribute('role'), label: app.getAttribute('aria-label'), main: document.querySelector('#host-widget .sc-cards').getAttribute('role') };
  });
  const before = await look();
  assert.equal(before.role, 'region');
  assert.equal(before.main, null);
  // The host page gains an element with the standalone page's id, then the widget renders again
  // (here: the host makes it read-only; typing or setValue does the same).
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'scorecard-app';
    document.body.append(d);
    window.h.update({ readOnly: true });
  });
  // Wait until the read-only render is on screen (the quick-entry box gone), then compare.
  await box.waitFor({ state: 'detached' });
  const after = await look();
  assert.deepEqual(after, before, 'the widget changed what it is after #scorecard-app appeared on the host page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host-mounted widget offers no New scorecard (a reload of the host page) when #scorecard-app appears later', async () => {
  const { context, page, errors } = await mountedOnHostPage();
  const offers = () => page.evaluate(() => ({
    newCard: [...document.querySelectorAll('#host-widget button')].some((b) => b.textContent === 'New scorecard'),
    list: [...document.querySelectorAll('#host-widget summary')].some((s) => s.textContent === 'Your scorecards'),
  }));
  assert.deepEqual(await offers(), { newCard: false, list: false });
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'scorecard-app';
    document.body.append(d);
  });
  // An edit renders the scorer again.
  // (Typed through the DOM: the ATS example page leaves the appended element out of view.)
  await page.evaluate(() => {
    const i = document.querySelector('#host-widget input[id$="-candidate"]');
    i.value = 'Ada Lovelace';
    i.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector('#host-widget [data-testid="save-status"]')?.textContent.includes('Saved'));
  assert.deepEqual(await offers(), { newCard: false, list: false }, 'New scorecard / Your scorecards appeared in a host page');
  assert.deepEqual(errors, []);
  await context.close();
});
