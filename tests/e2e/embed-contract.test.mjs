// End-to-end: the embedding contract an integrator relies on, from an integrator's review
// (/tmp/reviews/integrator.md): the widget's own pages under the documented CSP, mount/destroy
// in one turn (React StrictMode), refused misspellings, update() seen at once by getValue(),
// rubric messages, the last edit of a removed iframe or element, and the iframe's origins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
import { launch, installUntil } from './browser.mjs';

/** The policy README.md says the widget needs, served as a response header on every file. */
const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

let a, strict, browser;
before(async () => {
  a = await startServer('dist');
  strict = await startServer('dist', 0, { 'content-security-policy': CSP });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  a?.server.close();
  strict?.server.close();
});

async function open(url = `${a.url}/examples/ats/`) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const console = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  await page.goto(url);
  await installUntil(page);
  await page.evaluate(() => {
    window.thrown = (f) => { try { f(); return null; } catch (e) { return e.message; } };
    // The module, loaded, and a fresh element appended to the page.
    window.setup = async () => {
      const { mount, ready } = await import('/scorecard-element.js');
      await ready;
      const el = document.createElement('div');
      document.body.append(el);
      return { mount, el };
    };
  });
  return { context, page, errors, console };
}

test("the widget's own pages (iframe mode, committee) run under the documented CSP, served as a header", async () => {
  for (const file of ['index.html', 'committee.html']) {
    const html = readFileSync(`${process.env.SCORECARD_DIST ?? 'dist'}/${file}`, 'utf8');
    assert.deepEqual(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), null, `${file} has no inline script`);
  }
  const { context, page, console } = await open(`${strict.url}/examples/ats/iframe.html`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  await page.frameLocator('iframe').locator('.sc-card').first().waitFor();
  await page.goto(`${strict.url}/committee.html`);
  await page.waitForSelector('#scorecard-committee .sc-committee');
  assert.deepEqual(console.filter((m) => /Content Security Policy/i.test(m)), [], 'no CSP violation');
  await context.close();
});

test('mount, destroy and mount again in one turn (React StrictMode): one live, visible widget, no ghost', async () => {
  const { context, page, errors } = await open();
  const result = await page.evaluate(async () => {
    const { mount, el } = await setup();
    const options = { candidate: 'Strict', interviewer: 'Mode', step: 'Onsite' };
    const readies = [];
    el.addEventListener('scorecard:ready', () => readies.push('ready'));
    const first = mount(el, options);
    first.destroy();
    const second = mount(el, options);
    let heardReady = false;
    second.on('scorecard:ready', () => { heardReady = true; });
    await until(() => heardReady && el.querySelector('.sc-card') && getComputedStyle(el).visibility === 'visible');
    el.querySelector('label[for$="technical_expertise-exceeds"]').click();
    await until(() => second.getValue().ratings.technical_expertise?.level === 'exceeds');
    const refused = thrown(() => mount(el, options));
    const heard = readies.slice();
    second.destroy();
    const again = mount(el, options);
    await until(() => el.querySelector('.sc-card'));
    again.destroy();
    return { readies: heard, refused, visibility: el.style.visibility, empty: el.childElementCount === 0 };
  });
  assert.deepEqual(result.readies, ['ready'], 'the destroyed widget announces nothing');
  assert.match(result.refused, /already holds a live scorecard widget/);
  assert.equal(result.visibility, '', "the host's own visibility is back");
  assert.ok(result.empty);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget destroyed before its first render never renders: one card tree, the live one', async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const { mount, el } = await setup();
    const first = mount(el, { candidate: 'Ghost', interviewer: 'G', autosave: false });
    first.destroy();
    const second = mount(el, { candidate: 'Live', interviewer: 'G', autosave: false });
    await until(() => el.querySelector('.sc-card'));
    // Both would have been created by the same run of Yew's scheduler: the ghost would be here by now.
    return { apps: el.querySelectorAll('.sc-app').length, names: [...el.querySelectorAll('input[id$="-candidate"]')].map((i) => i.value), value: second.getValue().candidate };
  });
  assert.deepEqual(result, { apps: 1, names: ['Live'], value: { name: 'Live' } });
  await context.close();
});

test('misspelled options and events, and non-function listeners, are refused by name; a throwing listener is reported', async () => {
  const { context, page, errors } = await open();
  const result = await page.evaluate(async () => {
    const { mount, el } = await setup();
    const readonly = thrown(() => mount(el, { readonly: true }));
    // No element, or a rubric of the wrong kind: said as such, not a TypeError from inside.
    const noElement = [thrown(() => mount(null, {})), thrown(() => mount('#slot', {}))];
    const other = document.createElement('div');
    document.body.append(other);
    let rubric42 = '';
    other.addEventListener('scorecard:error', (e) => { rubric42 = e.detail.message; });
    mount(other, { rubric: 42 });
    await until(() => rubric42.includes('found a number'));
    const handle = mount(el, { candidate: 'A', interviewer: 'G', autosave: false });
    const candidat = thrown(() => handle.update({ candidat: 'x' }));
    const density = thrown(() => handle.update({ density: 'compact' }));
    const theme = thrown(() => handle.update({ theme: 'blue' }));
    const chnage = thrown(() => handle.on('scorecard:chnage', () => {}));
    const notFn = thrown(() => handle.on('scorecard:change', 'not a function'));
    // off() with something else than the function given to on() is a host's bug, not a no-op.
    const offNotFn = thrown(() => handle.off('scorecard:change', 'not a function'));
    const offChnage = thrown(() => handle.off('scorecard:chnage', () => {}));
    const reported = [];
    window.addEventListener('error', (e) => reported.push(e.message));
    const heard = [];
    handle.on('scorecard:change', () => { throw new Error('host bug'); });
    handle.on('scorecard:change', (d) => heard.push(d.value.ratings.technical_expertise?.level));
    await until(() => el.querySelector('.sc-card'));
    el.querySelector('label[for$="technical_expertise-meets"]').click();
    await until(() => heard.length === 1 && reported.length === 1);
    return { readonly, noElement, rubric42, candidat, density, theme, chnage, notFn, offNotFn, offChnage, reported, heard, name: handle.getValue().candidate.name };
  });
  assert.deepEqual(result.noElement, ['scorecard: mount() takes the element to render into first, not null', 'scorecard: mount() takes the element to render into first, not string']);
  assert.match(result.rubric42, /expected a rubric object, its JSON text or \(for mount\(\)\) its URL, found a number/);
  assert.match(result.readonly, /mount options: readonly: not an option; did you mean readOnly\?/);
  assert.match(result.candidat, /candidat: not an option; did you mean candidate\?; the options are rubric, candidate, interviewer, step, value \(mount only\), readOnly/);
  assert.match(result.density, /density: not an option \(set the class sc-m-compact on the element\)/);
  assert.match(result.theme, /update options: theme: expected "light", "dark" or null/);
  assert.match(result.chnage, /no event is named scorecard:chnage; did you mean scorecard:change\?/);
  assert.match(result.notFn, /listener of scorecard:change is not a function/);
  assert.equal(result.offNotFn, 'off: the listener of scorecard:change is not a function');
  assert.match(result.offChnage, /^off: no event is named scorecard:chnage; did you mean scorecard:change\?/);
  assert.deepEqual(result.heard, ['meets'], 'the other listeners still hear the change');
  assert.match(result.reported[0], /host bug/);
  assert.equal(result.name, 'A', 'the refused updates changed nothing');
  assert.ok(errors.some((e) => e.includes('host bug')), 'reported as an uncaught error');
  await context.close();
});

test('getValue reflects an accepted update at once: the new names, and their saved draft', async () => {
  const { context, page } = await open();
  const doc = { format: 'interview-scorecard', version: 1, candidate: { name: 'Bea' }, interviewer: { name: 'G' }, ratings: { business_impact: { level: 'exceeds' } } };
  await page.evaluate((doc) => localStorage.setItem('scorecard:v1:draft:l4-senior-software-engineer:bea:g', JSON.stringify(doc)), doc);
  const result = await page.evaluate(async () => {
    const { mount, el } = await setup();
    const handle = mount(el, { candidate: 'Al', interviewer: 'G' });
    await until(() => el.querySelector('.sc-card'));
    el.querySelector('label[for$="technical_expertise-meets"]').click();
    await until(() => handle.getValue().ratings.technical_expertise?.level === 'meets');
    handle.update({ candidate: 'Bea' });
    const bea = handle.getValue();
    handle.update({ candidate: 'Cy' });
    const cy = handle.getValue();
    await until(() => el.querySelector('input[id$="-candidate"]')?.value === 'Cy');
    const level = (r) => (r && r.level !== 'not_assessed' ? r.level : null);
    const levels = (v) => [v.candidate.name, level(v.ratings.business_impact), level(v.ratings.technical_expertise)];
    return { bea: levels(bea), cy: levels(cy), later: handle.getValue().candidate.name };
  });
  assert.deepEqual(result.bea, ['Bea', 'exceeds', null], "Bea's saved draft, not Al's card");
  assert.deepEqual(result.cy, ['Cy', null, null], 'a new card');
  assert.equal(result.later, 'Cy');
  await context.close();
});

test('rubric messages say what was given: a URL to update, a ladder document to mount or as the attribute', async () => {
  const ladder = readFileSync('data/seed/l4-senior-software-engineer.txt', 'utf8');
  const { context, page } = await open();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/ladders/l4.txt', (route) => route.fulfill({ body: ladder, contentType: 'text/plain' }));
  const result = await page.evaluate(async (arg) => {
    const { mount, el } = await setup();
    const handle = mount(el, { autosave: false });
    const url = thrown(() => handle.update({ rubric: '/examples/ats/sre-rubric.json' }));
    const other = document.createElement('div');
    document.body.append(other);
    // A rubric that cannot be read is said in the element, for the interviewer, and its detail
    // sent as scorecard:error, for the integrator.
    const told = [];
    document.addEventListener('scorecard:error', (e) => told.push(e.detail.message));
    mount(other, { rubric: arg, autosave: false });
    await until(() => other.querySelector('.sc-notice') && told.length === 1);
    const card = document.createElement('interview-scorecard');
    card.setAttribute('rubric', '/ladders/l4.txt');
    document.body.append(card);
    await until(() => card.shadowRoot?.querySelector('.sc-notice') && told.length === 2);
    const notices = [other.querySelector('.sc-notice').textContent, card.shadowRoot.querySelector('.sc-notice').textContent];
    return { url, ladder: told[0], attribute: told[1], notices };
    }, ladder);
  assert.match(result.url, /"\/examples\/ats\/sre-rubric\.json" is text, not a rubric object: a rubric URL is taken only by mount\(\)/);
  assert.doesNotMatch(result.url, /ladder/);
  assert.match(result.ladder, /this is a ladder document \(text\), not a rubric file: `scorecard rubric LADDER.txt > rubric.json`/);
  assert.match(result.attribute, /l4\.txt is not JSON .*ladder document, `scorecard rubric LADDER.txt > rubric.json` converts it/);
  // The command is for the integrator, not the interviewer.
  for (const n of result.notices) assert.match(n, /^This scorecard cannot open[.:] .*Please tell whoever looks after this page\.$/);
  assert.deepEqual(requests.filter((u) => u.includes('Senior')), [], 'the ladder text was not fetched as a URL');
  await context.close();
});

test('the last edit reaches the parent when the iframe is removed within the typing pause', async () => {
  const { context, page } = await open(`${a.url}/examples/ats/iframe.html`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  await page.frameLocator('iframe').locator('label[for$="technical_expertise-exceeds"]').click();
  // Once the widget has the edit (it answers getValue with it), remove the iframe at once.
  await page.evaluate(() => new Promise((ok) => {
    const frame = document.querySelector('iframe');
    const ask = () => window.sendToWidget({ type: 'scorecard:getValue' });
    window.addEventListener('message', function on(event) {
      if (event.data?.type !== 'scorecard:value') return;
      if (event.data.detail.value.ratings.technical_expertise?.level !== 'exceeds') { ask(); return; }
      window.removeEventListener('message', on);
      if (!window.received.some((m) => m.type === 'scorecard:change')) frame.remove();
      ok();
  });
    ask();
  }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:change' && m.detail.value.ratings.technical_expertise?.level === 'exceeds'));
  await context.close();
});

test("the example host hears a removed element's last change (it listens on the element)", async () => {
  const { context, page } = await open();
  await page.waitForFunction(() => document.getElementById('first')?.widget && document.getElementById('first').shadowRoot.querySelector('.sc-card'));
  await page.evaluate(async () => {
    const el = document.getElementById('first');
    el.shadowRoot.querySelector('label[for$="business_impact-meets"]').click();
    await until(() => el.getValue().ratings.business_impact?.level === 'meets');
    el.remove(); // within the typing pause
  });
  await page.waitForFunction(() => window.scorecardEvents.some((e) => e.name === 'scorecard:change' && e.source === 'first' && e.detail.value.ratings.business_impact?.level === 'meets'));
  await context.close();
});

test('mount before the module has loaded says to await ready', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${a.url}/no-page-here`); // a page of this origin without the widget's script
  const message = await page.evaluate(async () => {
    const { mount } = await import('/scorecard-element.js');
    try { mount(document.body, {}); return null; } catch (e) { return e.message; }
  });
  assert.match(message, /before the widget loaded: `await ready` first/);
  await context.close();
});

test('names over the limit are refused by update and mount with the document message; setValue(getValue()) reads back', async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const { mount, el } = await setup();
    const handle = mount(el, { candidate: 'A', interviewer: 'G', autosave: false });
    const update = thrown(() => handle.update({ candidate: 'x'.repeat(250) }));
    const step = thrown(() => handle.update({ step: 's'.repeat(201) }));
    const other = document.createElement('div');
    document.body.append(other);
    const atMount = thrown(() => mount(other, { interviewer: 'y'.repeat(201) }));
    handle.update({ candidate: 'z'.repeat(200) });
    handle.setValue(handle.getValue());
    return { update, step, atMount, length: handle.getValue().candidate.name.length };
  });
  assert.equal(result.update, 'update options: candidate.name: 250 characters; the limit is 200');
  assert.equal(result.step, 'update options: interview.step: 201 characters; the limit is 200');
  assert.equal(result.atMount, 'mount options: interviewer.name: 201 characters; the limit is 200');
  assert.equal(result.length, 200);
  await context.close();
});

test("a value naming another candidate than the host's option is refused; the same name in other case is not", async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const { mount, el } = await setup();
    const doc = (name) => ({ format: 'interview-scorecard', version: 1, candidate: { name }, ratings: {} });
    const refused = thrown(() => mount(el, { candidate: 'Ana Souza', value: doc('Zed Other') }));
    const handle = mount(el, { candidate: 'Ana Souza', interviewer: 'G', autosave: false, value: doc('ana souza ') });
    return { refused, empty: refused && el.querySelector('.sc-app') === null, name: handle.getValue().candidate.name };
  });
  assert.match(result.refused, /mount options: value: its candidate is "Zed Other" but the candidate option is "Ana Souza"/);
  assert.equal(result.name, 'ana souza ');
  await context.close();
});

test('iframe origins: a trailing slash is the same origin; an unknown message type is named', async () => {
  const { context, page } = await open(`${a.url}/examples/ats/iframe.html?allow=${encodeURIComponent(a.url + '/')}`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  await page.evaluate(() => window.sendToWidget({ type: 'scorecard:getvalue' }));
  await page.evaluate(() => window.sendToWidget({ type: 'scorecard:getValue' }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:value'));
  const errors = await page.evaluate(() => window.received.filter((m) => m.type === 'scorecard:error').map((m) => m.detail.message));
  assert.deepEqual(errors, ['unknown message type "scorecard:getvalue"; expected scorecard:getValue, scorecard:setValue or scorecard:update']);
  await context.close();
});

test('two widgets mounted on one page share no element id', async () => {
  const { context, page } = await open();
  const duplicates = await page.evaluate(async () => {
    const { mount, el } = await setup();
    const other = document.createElement('div');
    document.body.append(other);
    mount(el, { candidate: 'Ana Souza', interviewer: 'R. Patel', autosave: false });
    mount(other, { candidate: 'Bruno Lima', interviewer: 'R. Patel', autosave: false });
    await until(() => el.querySelector('.sc-rec') && other.querySelector('.sc-rec'));
    const ids = [...el.querySelectorAll('[id]'), ...other.querySelectorAll('[id]')].map((e) => e.id);
    // Each recommendation is named by its own heading.
    const named = [el, other].every((w) => w.querySelector(`#${w.querySelector('.sc-rec').getAttribute('aria-labelledby')}`)?.closest('.sc-rec') === w.querySelector('.sc-rec'));
    return { dup: ids.filter((id, i) => ids.indexOf(id) !== i), named };
  });
  assert.deepEqual(duplicates.dup, []);
  assert.ok(duplicates.named);
  await context.close();
});

test("the element module's types are deployed beside it and declare each of its exports", async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const exports = Object.keys(await import('/scorecard-element.js')).sort();
    const response = await fetch('/scorecard-element.d.ts');
    return { exports, status: response.status, types: await response.text() };
  });
  assert.equal(result.status, 200);
  assert.deepEqual(result.exports, ['mount', 'ready']);
  for (const name of result.exports) {
    assert.match(result.types, new RegExp(`^export (const|function) ${name}\\b`, 'm'), `${name} is declared`);
  }
  // Each event the widget fires has its detail typed.
  for (const event of ['ready', 'rubric', 'change', 'submit', 'error']) assert.ok(result.types.includes(`'scorecard:${event}': `), event);
  await context.close();
});
