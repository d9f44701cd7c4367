// End-to-end: what a host or an interviewer hands the widget, and what it makes of it (a QA
// pass): a minimal document keeps the card's interview date, in every mode and on import; a
// document naming another candidate is refused by setValue as by mount, in every mode; an
// enumerated attribute or address parameter with a value the widget does not take is warned about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, installUntil, submit } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

async function open(path = '/examples/ats/') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(base + path);
  await installUntil(page);
  return { context, page, errors, warnings };
}

/** A document with one rating and nothing about whom or when, plus `extra`. */
const minimal = (extra = {}) => ({ format: 'interview-scorecard', version: 1, ratings: { technical_expertise: { level: 'exceeds', note: 'x' } }, ...extra });

const TODAY = /^\d{4}-\d{2}-\d{2}$/;

test("setValue with a document without interview keeps the card's date (custom element, mount() handle)", async () => {
  const { context, page, errors } = await open();
  await page.waitForFunction(() => document.getElementById('first')?.widget);
  const date = await page.inputValue('#first input[id$="-date"]');
  assert.match(date, TODAY, 'a new card is dated today');
  const value = await page.evaluate(async (doc) => {
    const el = document.getElementById('first');
    el.setValue(doc);
    await until(() => el.shadowRoot.querySelector('input[id$="technical_expertise-exceeds"]').checked);
    return el.getValue();
  }, minimal());
  assert.deepEqual(value.interview, { step: 'System design', date });
  assert.equal(await page.inputValue('#first input[id$="-date"]'), date, 'the date field is not emptied');
  // The card's date, not today's: one the interviewer set stays through a minimal document.
  const handled = await page.evaluate(async (doc) => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { candidate: 'Ana', interviewer: 'G', autosave: false });
    await until(() => el.querySelector('input[id$="-date"]'));
    const input = el.querySelector('input[id$="-date"]');
    input.value = '2026-01-02';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => handle.getValue().interview.date === '2026-01-02');
    handle.setValue(doc);
    await until(() => el.querySelector('input[id$="technical_expertise-exceeds"]').checked);
    return [handle.getValue().interview, input.value];
  }, minimal({ interview: { step: 'Coding' } }));
  assert.deepEqual(handled, [{ step: 'Coding', date: '2026-01-02' }, '2026-01-02'], 'the step given, the date kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a drafted rating in a value mounted or set stays drafted: marked on the card, and in getValue', async () => {
  const { context, page, errors } = await open();
  const got = await page.evaluate(async () => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const doc = { format: 'interview-scorecard', version: 1, candidate: { name: 'Ana' }, interviewer: { name: 'G' },
      ratings: { technical_expertise: { level: 'exceeds', note: '', drafted: true }, business_impact: { level: 'meets', note: 'x' } } };
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { candidate: 'Ana', interviewer: 'G', autosave: false, value: doc });
    await until(() => el.querySelector('input[id$="technical_expertise-exceeds"]')?.checked);
    const badges = () => [...el.querySelectorAll('.sc-badge')].map((b) => b.closest('section').querySelector('h2').textContent);
    const mounted = [badges(), handle.getValue().ratings];
    handle.setValue({ ...doc, ratings: { ...doc.ratings, business_impact: { level: 'exceeds', note: '', drafted: true } } });
    await until(() => badges().length === 2);
    return { mounted, set: [badges(), handle.getValue().ratings] };
  });
  assert.deepEqual(got.mounted[0], ['Technical Expertise']);
  assert.equal(got.mounted[1].technical_expertise.drafted, true, JSON.stringify(got));
  assert.equal(got.mounted[1].business_impact.drafted, undefined, JSON.stringify(got));
  assert.deepEqual(got.set[0], ['Technical Expertise', 'Business Impact']);
  assert.equal(got.set[1].business_impact.drafted, true, JSON.stringify(got));
  assert.deepEqual(errors, []);
  await context.close();
});

test("iframe mode: scorecard:setValue without interview keeps the card's date", async () => {
  const { context, page, errors } = await open('/examples/ats/iframe.html');
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  const frame = page.frameLocator('iframe');
  const date = await frame.locator('#sc-date').inputValue();
  assert.match(date, TODAY);
  await page.evaluate((value) => sendToWidget({ type: 'scorecard:setValue', value }), minimal());
  await frame.locator('#sc-technical_expertise-exceeds:checked').waitFor({ state: 'attached' });
  assert.equal(await frame.locator('#sc-date').inputValue(), date);
  await page.evaluate(() => sendToWidget({ type: 'scorecard:getValue' }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:value'));
  const value = await page.evaluate(() => window.received.find((m) => m.type === 'scorecard:value').detail.value);
  assert.deepEqual(value.interview, { step: 'Onsite', date });
  assert.deepEqual(errors, []);
  await context.close();
});

test('standalone: importing a minimal document keeps the date, so Submit carries it', async () => {
  const { context, page, errors } = await open('/');
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  // (Submit needs the interviewer's name too; the minimal document keeps both.)
  await page.getByLabel('Interviewer', { exact: true }).fill('Grace Hopper');
  const date = await page.inputValue('#sc-date');
  assert.match(date, TODAY);
  await page.locator('.sc-transfer__import summary').click();
  await page.getByLabel('Or paste JSON or a share link').fill(JSON.stringify(minimal()));
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await page.getByRole('button', { name: 'Replace my draft' }).click();
  await page.waitForSelector('#sc-technical_expertise-exceeds:checked');
  assert.equal(await page.inputValue('#sc-date'), date, 'the date field is not emptied');
  assert.equal(await page.getByLabel('Candidate', { exact: true }).inputValue(), 'Ada Lovelace');
  await submit(page);
  await page.getByTestId('submitted').waitFor();
  const key = 'scorecard:v1:draft:l4-senior-software-engineer:ada lovelace:grace hopper';
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').submitted_at, key);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), key);
  assert.equal(saved.interview.date, date, 'the submitted card is dated');
  assert.deepEqual(errors, []);
  await context.close();
});

test('setValue naming another candidate is refused as mount refuses it, and nothing typed is lost (custom element, handle)', async () => {
  const { context, page, errors } = await open();
  await page.waitForFunction(() => document.getElementById('first')?.widget);
  await page.click('#first label[for$="business_impact-meets"]');
  const key = 'scorecard:v1:draft:l4-senior-software-engineer:ada lovelace:grace hopper:system design';
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('business_impact'), key);
  const result = await page.evaluate(async (doc) => {
    const el = document.getElementById('first');
    const heard = [];
    el.addEventListener('scorecard:error', (e) => heard.push(e.detail.message));
    let refused = null;
    try { el.setValue(doc); } catch (e) { refused = e.message; }
    await new Promise(requestAnimationFrame);
    return { refused, heard, value: el.getValue() };
  }, minimal({ candidate: { name: 'Someone Else' } }));
  const message = 'setValue: its candidate is "Someone Else" but the candidate option is "Ada Lovelace"; give the same in both, or leave it out of the document';
  assert.equal(result.refused, message);
  assert.deepEqual(result.heard, [message], 'told as scorecard:error');
  assert.deepEqual([result.value.candidate.name, Object.keys(result.value.ratings)], ['Ada Lovelace', ['business_impact']], 'the card stays');
  assert.equal(await page.inputValue('#first input[id$="-candidate"]'), 'Ada Lovelace');
  assert.ok(!(await page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('someone else')))), 'nothing saved under the other name');
  assert.match(await page.evaluate((key) => localStorage.getItem(key), key), /business_impact/, "Ada's draft is as the interviewer left it");
  // The same candidate in other case is the host's: accepted.
  const accepted = await page.evaluate(async (doc) => {
    const el = document.getElementById('first');
    el.setValue(doc);
    await until(() => el.shadowRoot.querySelector('input[id$="technical_expertise-exceeds"]').checked);
    return el.getValue().candidate.name;
  }, minimal({ candidate: { name: ' ada LOVELACE' } }));
  assert.equal(accepted, ' ada LOVELACE');

  // A refused document leaves the card as it was: what was typed, under its names.
  const handled = await page.evaluate(async () => {
    const { mount } = await import('/scorecard-element.js');
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { candidate: 'Ana', interviewer: 'G', step: 'Coding', autosave: false });
    const heard = [];
    handle.on('scorecard:error', (d) => heard.push(d.message));
    await until(() => el.querySelector('label[for$="business_impact-exceeds"]'));
    el.querySelector('label[for$="business_impact-exceeds"]').click();
    await until(() => handle.getValue().ratings.business_impact?.level === 'exceeds');
    const tries = [{ interviewer: { name: 'Other' } }, { interview: { step: 'Onsite' } }].map((extra) => {
      try { handle.setValue({ format: 'interview-scorecard', version: 1, ratings: {}, ...extra }); return null; } catch (e) { return e.message; }
    });
    // The interviewer corrects the candidate's name in the header: that name is the card's.
    const input = el.querySelector('input[id$="-candidate"]');
    input.value = 'Ana Souza';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => handle.getValue().candidate.name === 'Ana Souza');
    handle.setValue({ ...handle.getValue(), ratings: {} });
    return { tries, heard, value: handle.getValue() };
  });
  assert.deepEqual(handled.tries, [
    'setValue: its interviewer is "Other" but the interviewer option is "G"; give the same in both, or leave it out of the document',
    'setValue: its step is "Onsite" but the step option is "Coding"; give the same in both, or leave it out of the document',
  ]);
  assert.deepEqual(handled.heard, handled.tries);
  assert.deepEqual([handled.value.candidate.name, handled.value.ratings], ['Ana Souza', {}], "a document with the card's own corrected name is taken");
  assert.deepEqual(errors, []);
  await context.close();
});

test('setValue of a document larger written out than the 1 MiB every reader takes is refused; the card and its draft stay', async () => {
  const { context, page } = await open();
  await page.waitForFunction(() => document.getElementById('first')?.widget);
  await page.click('#first label[for$="business_impact-meets"]');
  const key = 'scorecard:v1:draft:l4-senior-software-engineer:ada lovelace:grace hopper:system design';
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('business_impact'), key);
  const result = await page.evaluate(async () => {
    const el = document.getElementById('first');
    // Each observation within its own limit of 10,000 characters; 200 of them are 1.8 MB.
    const observations = Array.from({ length: 200 }, (_, i) => ({ id: `o${i}`, text: 'y'.repeat(9000) }));
    let refused = null;
    try { el.setValue({ format: 'interview-scorecard', version: 1, ratings: {}, observations }); } catch (e) { refused = e.message; }
    await new Promise(requestAnimationFrame);
    return { refused, value: el.getValue() };
  });
  assert.match(result.refused, /^setValue: document is \d+ bytes as this app writes it; the limit is 1048576$/);
  assert.deepEqual(Object.keys(result.value.ratings), ['business_impact'], 'the card stays');
  assert.ok((await page.evaluate((key) => localStorage.getItem(key), key)).length < 10000, 'nothing large saved');
  await context.close();
});

test("the interviewer's import of another candidate's scorecard into a widget whose names the host set is refused as setValue refuses it", async () => {
  const { context, page } = await open();
  await page.waitForFunction(() => document.getElementById('first')?.widget);
  await page.click('#first label[for$="business_impact-meets"]');
  // Imports are read by the on-demand module: once it is in (before, a paste is refused as still loading).
  await page.waitForSelector('#first .sc-app[data-assist=ready]');
  await page.click('#first summary:has-text("Import a scorecard")');
  const paste = page.locator('#first textarea[id$="-paste"]');
  const importIt = page.locator('#first button:has-text("Import pasted text")');
  const msg = page.locator('#first .sc-transfer__msg');
  // Another candidate by name (one named by id only, as a Greenhouse export names one, is not
  // compared: the options are names).
  for (const [candidate, said] of [[{ name: 'Bob Other' }, 'Bob Other']]) {
    await paste.fill(JSON.stringify(minimal({ candidate })));
    await importIt.click();
    await page.waitForFunction((said) => document.querySelector('#first').shadowRoot.querySelector('.sc-transfer__msg')?.textContent.includes(said), said);
    assert.equal(
      (await msg.textContent()).replace(/[\u2068\u2069]/g, ''),
      `The pasted text: its candidate is "${said}", and the page this scorecard is on sets its candidate as "Ada Lovelace": import it where that scorecard belongs. Your draft is unchanged.`,
    );
    assert.equal(await page.locator('#first button:has-text("Open it")').count(), 0, 'no question to open it');
  }
  // The host's own candidate, or none named: the question, as ever.
  await paste.fill(JSON.stringify(minimal({ candidate: { name: 'ada lovelace' } })));
  await importIt.click();
  await page.locator('#first button:has-text("Replace my draft")').waitFor();
  const value = await page.evaluate(() => document.getElementById('first').getValue());
  assert.deepEqual([value.candidate.name, Object.keys(value.ratings)], ['Ada Lovelace', ['business_impact']], 'the card stays');
  await context.close();
});

test('iframe mode: scorecard:setValue naming another candidate is refused and told; the card stays', async () => {
  const { context, page, errors: pageErrors } = await open('/examples/ats/iframe.html');
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  const frame = page.frameLocator('iframe');
  await frame.locator('label[for="sc-business_impact-meets"]').click();
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:change'));
  await page.evaluate((value) => sendToWidget({ type: 'scorecard:setValue', value }), minimal({ candidate: { name: 'Someone Else' } }));
  // Messages are handled in order: once the value is in, the refusal has been told.
  await page.evaluate(() => sendToWidget({ type: 'scorecard:getValue' }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:value'));
  const errors = await page.evaluate(() => window.received.filter((m) => m.type === 'scorecard:error').map((m) => m.detail.message));
  assert.deepEqual(errors, ['setValue: its candidate is "Someone Else" but the candidate option is "Ada Lovelace"; give the same in both, or leave it out of the document']);
  const value = await page.evaluate(() => window.received.find((m) => m.type === 'scorecard:value').detail.value);
  assert.deepEqual([value.candidate.name, Object.keys(value.ratings)], ['Ada Lovelace', ['business_impact']]);
  assert.equal(await frame.locator('#sc-candidate').inputValue(), 'Ada Lovelace');
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('theme, density and autosave values the element does not take are warned about, naming those it does', async () => {
  const { context, page, errors, warnings } = await open();
  await page.waitForFunction(() => document.getElementById('first')?.widget);
  const before = warnings.length;
  await page.evaluate(() => {
    const el = document.createElement('interview-scorecard');
    el.id = 'w';
    for (const [k, v] of Object.entries({ candidate: 'A', interviewer: 'G', theme: 'purple', density: 'huge', autosave: 'false' })) el.setAttribute(k, v);
    document.body.append(el);
  });
  await page.waitForFunction(() => document.getElementById('w').widget);
  await page.evaluate(() => {
    const el = document.getElementById('w');
    el.setAttribute('theme', 'dark'); // taken: no warning
    el.setAttribute('theme', 'Dark'); // the stylesheet matches case: warned
    el.setAttribute('density', 'compact');
    el.setAttribute('autosave', 'off');
  });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.deepEqual(warnings.slice(before), [
    'interview-scorecard: theme="purple" is not one of light|dark: ignored, as if not set',
    'interview-scorecard: density="huge" is not one of compact: ignored, as if not set',
    'interview-scorecard: autosave="false" is not one of on|off: ignored, as if not set',
    'interview-scorecard: theme="Dark" is not one of light|dark: ignored, as if not set',
  ]);
  // mount() options are refused outright (a thrown error), as before.
  const refused = await page.evaluate(async () => {
    const { mount } = await import('/scorecard-element.js');
    const el = document.createElement('div');
    document.body.append(el);
    try { mount(el, { theme: 'purple' }); return null; } catch (e) { return e.message; }
  });
  assert.equal(refused, 'mount options: theme: expected "light", "dark" or null');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the widget's page warns about readonly and theme values in its address that it does not take", async () => {
  const { context, page, errors, warnings } = await open('/index.html?readonly=true&theme=sepia&candidate=A');
  await page.waitForSelector('.sc-card');
  assert.deepEqual(warnings.filter((w) => w.startsWith('scorecard: ')), [
    'scorecard: readonly=true in the address is not one of 1|0: ignored, as if not set',
    'scorecard: theme=sepia in the address is not one of light|dark: ignored, as if not set',
  ]);
  await context.close();
  const quiet = await open('/index.html?readonly=1&theme=dark&candidate=A');
  await quiet.page.waitForSelector('.sc-card');
  assert.deepEqual(quiet.warnings.filter((w) => w.startsWith('scorecard: ')), []);
  assert.deepEqual([...errors, ...quiet.errors], []);
  await quiet.context.close();
});

test('autosave turned on and setValue in the same turn: the host\'s document is what is saved and told, not the draft it replaced', async () => {
  const { context, page, errors } = await open();
  const result = await page.evaluate(async () => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const names = { candidate: 'Cy Same-Turn', interviewer: 'G' };
    const stored = () => Object.keys(localStorage).filter((k) => k.includes('draft')).map((k) => localStorage.getItem(k)).join('\n');
    // A saved draft under these names: rated exceeds by an earlier visit.
    let el = document.createElement('div');
    document.body.append(el);
    let handle = mount(el, names);
    await until(() => el.querySelector('input[id$="business_impact-exceeds"]'));
    el.querySelector('input[id$="business_impact-exceeds"]').click();
    await until(() => stored().includes('"exceeds"'));
    handle.destroy();
    el.remove();
    // Mounted again with autosave off; the host then turns it on and sets its own document at once.
    el = document.createElement('div');
    document.body.append(el);
    handle = mount(el, { ...names, autosave: false });
    await until(() => el.querySelector('.sc-card'));
    const changes = [];
    handle.on('scorecard:change', (d) => changes.push(d.value.ratings.business_impact?.level));
    handle.update({ autosave: true });
    handle.setValue({ format: 'interview-scorecard', version: 1, ratings: { business_impact: { level: 'meets', note: 'the host\'s' } } });
    await until(() => el.querySelector('input[id$="business_impact-meets"]').checked);
    await until(() => changes.length > 0);
    return { changes, stored: stored(), value: handle.getValue().ratings.business_impact.level };
  });
  assert.equal(result.value, 'meets', 'the card is the host\'s document');
  assert.deepEqual(result.changes, ['meets'], 'the host hears the change to its document');
  assert.ok(result.stored.includes('the host\'s') && !result.stored.includes('"exceeds"'), `the saved draft is the host's document, not the one it replaced: ${result.stored.slice(0, 300)}`);
  assert.deepEqual(errors, []);
  await context.close();
});
