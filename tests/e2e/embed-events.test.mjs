// End-to-end: what a host learns from the widget's events and messages, from an ATS
// integrator's report: `scorecard:ready` names the rubric on screen (also when the element's
// rubric is set in the task that adds it), `scorecard:rubric` tells a later switch, and in
// iframe mode the parent hears the document's height (`scorecard:resize`) and sets the theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, installUntil } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

async function open(url = `${base}/examples/ats/`, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await installUntil(page);
  return { context, page, errors };
}

const SRE = '/examples/ats/sre-rubric.json';

test("scorecard:ready names the rubric on screen when the element's rubric is set in the task that adds it", async () => {
  const { context, page, errors } = await open();
  const result = await page.evaluate(async (url) => {
    await customElements.whenDefined('interview-scorecard');
    // Added first, its rubric set right after (as frameworks that set attributes after insertion do).
    const el = document.createElement('interview-scorecard');
    el.setAttribute('autosave', 'off');
    const heard = [];
    for (const name of ['scorecard:ready', 'scorecard:rubric']) {
      el.addEventListener(name, (e) => heard.push([name, e.detail.rubric.id, el.shadowRoot.querySelectorAll('.sc-card').length]));
    }
    document.body.append(el);
    el.setAttribute('rubric', url);
    await until(() => heard.length > 0 && el.shadowRoot.querySelectorAll('.sc-card').length === 2);
    // Whatever comes next would come within a few frames.
    for (let i = 0; i < 10; i++) await new Promise(requestAnimationFrame);
    return { heard, value: el.getValue().rubric.id };
  }, SRE);
  assert.deepEqual(result.heard, [['scorecard:ready', 'l2-sre', 2]], 'ready once, naming the rubric shown, with its cards on screen');
  assert.equal(result.value, 'l2-sre');
  assert.deepEqual(errors, []);
  await context.close();
});

test('mount() then update({ rubric }) in one turn: ready names the rubric the widget renders', async () => {
  const { context, page } = await open();
  const heard = await page.evaluate(async (url) => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const rubric = await (await fetch(url)).json();
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { autosave: false });
    const heard = [];
    handle.on('scorecard:ready', (d) => heard.push(['ready', d.rubric.id, d.rubric.version, el.querySelectorAll('.sc-card').length]));
    el.addEventListener('scorecard:rubric', (e) => heard.push(['rubric', e.detail.rubric.id]));
    handle.update({ rubric });
    await until(() => heard.length > 0);
    for (let i = 0; i < 10; i++) await new Promise(requestAnimationFrame);
    return heard;
  }, SRE);
  assert.deepEqual(heard, [['ready', 'l2-sre', 3, 2]]);
  await context.close();
});

test('a later rubric switch is told as scorecard:rubric once it is on screen; ready stays once', async () => {
  const { context, page, errors } = await open();
  const result = await page.evaluate(async (url) => {
    await customElements.whenDefined('interview-scorecard');
    const el = document.createElement('interview-scorecard');
    el.setAttribute('autosave', 'off');
    el.setAttribute('candidate', 'Ada');
    const heard = [];
    const titles = () => [...el.shadowRoot.querySelectorAll('.sc-card__title')].map((h) => h.textContent);
    for (const name of ['scorecard:ready', 'scorecard:rubric']) {
      el.addEventListener(name, (e) => heard.push([name, e.detail.rubric.id, e.detail.rubric.version, titles()[0]]));
    }
    document.body.append(el);
    await until(() => heard.length === 1);
    // The attribute changed: the rubric is fetched, then shown, then told.
    el.setAttribute('rubric', url);
    await until(() => heard.length === 2);
    // Through the handle, as mount() hosts do, also heard through on().
    const onHeard = [];
    el.widget.on('scorecard:rubric', (d) => onHeard.push(d.rubric.id));
    el.widget.update({ rubric: null });
    await until(() => heard.length === 3);
    // Not a switch of rubric: another candidate, and the same rubric again.
    el.widget.update({ candidate: 'Bea', rubric: null });
    await until(() => el.shadowRoot.querySelector('input[id$="-candidate"]')?.value === 'Bea');
    for (let i = 0; i < 10; i++) await new Promise(requestAnimationFrame);
    return { heard, onHeard };
  }, SRE);
  assert.deepEqual(result.heard, [
    ['scorecard:ready', 'l4-senior-software-engineer', 1, 'Technical Expertise'],
    ['scorecard:rubric', 'l2-sre', 3, 'Operations'],
    ['scorecard:rubric', 'l4-senior-software-engineer', 1, 'Technical Expertise'],
  ]);
  assert.deepEqual(result.onHeard, ['l4-senior-software-engineer']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('iframe mode: the parent hears the document height as it changes and sizes the frame to it', async () => {
  const { context, page, errors } = await open(`${base}/examples/ats/iframe.html`);
  const frame = page.frameLocator('iframe');
  const resizes = () => page.evaluate(() => window.received.filter((m) => m.type === 'scorecard:resize').map((m) => m.detail.height));
  // The example host sets the frame's height from each message (README's snippet).
  const fitted = () => page.waitForFunction(() => {
    const iframe = document.querySelector('iframe');
    const html = iframe.contentDocument?.documentElement;
    const last = window.received.filter((m) => m.type === 'scorecard:resize').at(-1);
    return last && html && iframe.contentDocument.querySelector('.sc-card') && last.detail.height === html.scrollHeight && iframe.clientHeight === last.detail.height;
  });
  await fitted();
  // The committee view is a page of the widget's own site: the frame is not sent there.
  assert.equal(await frame.locator('a', { hasText: 'Hiring committee view' }).count(), 0);
  const before = await resizes();
  assert.ok(before[0] > 600, `the first height is the rendered widget's (${before[0]})`);
  for (const text of ['Designed the cache invalidation scheme for the billing service.', 'Walked through the failure modes of the queue, unprompted.', 'Wrote the rollback plan before the migration.']) {
    await frame.getByLabel('What did you observe?').fill(text);
    await frame.getByLabel('What did you observe?').press('Enter');
    await frame.locator('.sc-obs__text', { hasText: text }).waitFor();
  }
  await fitted();
  const after = await resizes();
  assert.ok(after.at(-1) > before.at(-1), `the frame grew with the observations (${before.at(-1)} → ${after.at(-1)})`);
  assert.ok(after.every((h) => Number.isInteger(h)), 'whole CSS pixels');
  assert.ok(after.every((h, i) => i === 0 || h !== after[i - 1]), `no message for an unchanged height: ${after}`);
  const overflow = await page.evaluate(() => {
    const html = document.querySelector('iframe').contentDocument.documentElement;
    return html.scrollHeight - html.clientHeight;
  });
  assert.equal(overflow, 0, 'no scrollbar inside the frame');
  // A shorter rubric: the document shrinks, and the frame with it (a height read from the
  // viewport, as the document's scrollHeight is, would never go below the frame's).
  const rubric = JSON.parse(readFileSync('examples/ats/sre-rubric.json', 'utf8'));
  await page.evaluate((rubric) => sendToWidget({ type: 'scorecard:update', options: { rubric } }), rubric);
  await frame.locator('.sc-card__title', { hasText: 'Automation' }).waitFor();
  // Until the shrink is heard, the document is as tall as the frame that holds it, so fitted()
  // alone would already hold at the old height: wait for a lower one first.
  await page.waitForFunction((tall) => window.received.filter((m) => m.type === 'scorecard:resize').at(-1).detail.height < tall, after.at(-1));
  await fitted();
  const shrunk = (await resizes()).at(-1);
  assert.ok(shrunk < after.at(-1) - 1000, `the frame shrank with the rubric (${after.at(-1)} → ${shrunk})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('iframe mode: the parent changes the theme without a reload, and hears rubric switches', async () => {
  const { context, page, errors } = await open(`${base}/examples/ats/iframe.html`, { colorScheme: 'dark' });
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  const colours = () => page.evaluate(() => {
    const doc = document.querySelector('iframe').contentDocument;
    return [getComputedStyle(doc.querySelector('.sc-app')).backgroundColor, getComputedStyle(doc.body).backgroundColor];
  });
  const DARK = 'rgb(17, 21, 27)';
  const LIGHT = 'rgb(246, 247, 249)';
  const until = (expected) => page.waitForFunction((e) => {
    const doc = document.querySelector('iframe').contentDocument;
    return [doc.querySelector('.sc-app'), doc.body].every((el) => getComputedStyle(el).backgroundColor === e);
  }, expected);
  assert.deepEqual(await colours(), [DARK, DARK], "the system's dark");
  await page.evaluate(() => sendToWidget({ type: 'scorecard:update', options: { theme: 'light' } }));
  await until(LIGHT);
  await page.evaluate(() => sendToWidget({ type: 'scorecard:update', options: { theme: null } }));
  await until(DARK);
  await page.evaluate(() => sendToWidget({ type: 'scorecard:update', options: { theme: 'sepia' } }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:error'));
  const error = await page.evaluate(() => window.received.find((m) => m.type === 'scorecard:error').detail.message);
  assert.match(error, /theme: expected "light", "dark" or null/);
  assert.deepEqual(await colours(), [DARK, DARK], 'a refused theme changes nothing');

  // The example host's CSP allows no fetch: the rubric comes from here.
  const rubric = JSON.parse(readFileSync('examples/ats/sre-rubric.json', 'utf8'));
  await page.evaluate((rubric) => sendToWidget({ type: 'scorecard:update', options: { rubric } }), rubric);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:rubric'));
  const told = await page.evaluate(() => window.received.filter((m) => m.type === 'scorecard:rubric' || m.type === 'scorecard:ready').map((m) => [m.type, m.detail.rubric.id]));
  assert.deepEqual(told, [['scorecard:ready', 'l4-senior-software-engineer'], ['scorecard:rubric', 'l2-sre']]);
  // A candidate's name refused is said in the frame too, above the card, until the parent names
  // someone it accepts (a theme switch is no answer to it).
  const notice = () => page.evaluate(() => document.querySelector('iframe').contentDocument.querySelector('#scorecard-app > .sc-app > .sc-notice[role="alert"]')?.textContent ?? null);
  await page.evaluate(() => sendToWidget({ type: 'scorecard:update', options: { candidate: 'x'.repeat(201) } }));
  await page.waitForFunction(() => document.querySelector('iframe').contentDocument.querySelector('#scorecard-app > .sc-app > .sc-notice'));
  assert.equal(await notice(), 'The page asked for another candidate, whose name was refused: 201 characters; the limit is 200. This scorecard is still the one named on it.');
  await page.evaluate(() => sendToWidget({ type: 'scorecard:update', options: { theme: 'light' } }));
  await until(LIGHT);
  assert.equal(await notice(), 'The page asked for another candidate, whose name was refused: 201 characters; the limit is 200. This scorecard is still the one named on it.');
  await page.evaluate(() => sendToWidget({ type: 'scorecard:update', options: { candidate: 'Ada Lovelace' } }));
  await page.waitForFunction(() => !document.querySelector('iframe').contentDocument.querySelector('#scorecard-app > .sc-app > .sc-notice'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('mount() and update() take theme: light, dark, or null for the system', async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { theme: 'dark', autosave: false });
    const classes = () => [...el.classList].filter((c) => c.startsWith('sc-theme-')).join(' ');
    const seen = [classes()];
    handle.update({ theme: 'light' });
    seen.push(classes());
    handle.update({ candidate: 'Ada' });
    seen.push(classes());
    handle.update({ theme: null });
    seen.push(classes());
    // What the option set, destroy takes away: a later mount without it follows the system.
    handle.update({ theme: 'dark' });
    handle.destroy();
    seen.push(classes());
    return seen;
  });
  assert.deepEqual(result, ['sc-theme-dark', 'sc-theme-light', 'sc-theme-light', '', '']);
  await context.close();
});

test('the same rubric in another JSON text is no switch: no scorecard:rubric, no remount; any change of content is one', async () => {
  const { context, page, errors } = await open();
  // The embedded default's own file, pretty-printed (its weights written 1.0, which an object's JSON writes 1).
  const pretty = readFileSync('data/rubrics/l4-senior-software-engineer.json', 'utf8');
  const result = await page.evaluate(async (pretty) => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { autosave: false });
    const heard = [];
    handle.on('scorecard:ready', () => heard.push('ready'));
    handle.on('scorecard:rubric', () => heard.push('rubric'));
    handle.on('scorecard:change', () => heard.push('change'));
    await until(() => el.querySelector('.sc-card'));
    const app = el.querySelector('.sc-app');
    el.querySelector('label[for$="technical_expertise-exceeds"]').click();
    await until(() => heard.includes('change'));
    // A host re-sending its configuration on every render: the same rubric as text, as an
    // object, minified, a copy, and the default again.
    const object = JSON.parse(pretty);
    for (const rubric of [pretty, object, JSON.stringify(object), structuredClone(object), null]) {
      handle.update({ rubric });
      for (let i = 0; i < 5; i++) await new Promise(requestAnimationFrame);
    }
    // Not remounted (a rubric event is told only by a new scorer), the rating kept.
    const same = { kept: app.isConnected, level: handle.getValue().ratings.technical_expertise?.level };
    // A change of content is a switch: a weight, then a level's wording. A switch tells at once
    // a change still waiting for the typing pause, before its rubric event: what the same
    // rubric set off is what was heard before that event.
    const weighed = structuredClone(object);
    weighed.policy.weights.business_impact = 1.1;
    handle.update({ rubric: weighed });
    await until(() => heard.includes('rubric'));
    same.heard = heard.splice(0, heard.indexOf('rubric'));
    const worded = structuredClone(weighed);
    worded.levels[2].label = 'Well above the bar';
    handle.update({ rubric: worded });
    await until(() => heard.length === 2);
    return { same, changed: heard, replaced: !app.isConnected };
  }, pretty);
  assert.deepEqual(result.same, { heard: ['ready', 'change'], kept: true, level: 'exceeds' }, 'no rubric event, no remount: the rating stays');
  assert.deepEqual(result.changed, ['rubric', 'rubric']);
  assert.ok(result.replaced);
  assert.deepEqual(errors, []);
  await context.close();
});
