// End-to-end: what an integrator does to an embedded widget over its life (switching candidates,
// steps of one loop, minimal documents, detaching and re-attaching, failed rubrics, theming, a
// subfolder), and that none of it loses or misfiles what the interviewer wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './server.mjs';
import { harness, observe, openAtsPage } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

/** What the interviewer is told of a rubric asked for after the scorecard is shown that cannot be read. */
const REFUSED_NOTICE = 'The page asked for another rubric, which could not be read: this scorecard stays on L4 Senior Software Engineer. Please tell whoever looks after this page.';

async function open() {
  const { context, page, errors } = await openAtsPage(browser, base);
  // In-page helpers for the tests that drive mount() directly.
  await page.evaluate(() => {
    window.fresh = async (options) => {
      const { mount, ready } = await import('/scorecard-element.js');
      await ready;
      const el = document.createElement('div');
      document.body.append(el);
      return { el, handle: await mount(el, options) };
    };
    // A condition's wait fails after 30 s (as Playwright's own waits do), naming the condition.
    window.until = (cond) => new Promise((ok, no) => {
      const end = performance.now() + 30000;
      const t = () => (cond() ? ok() : performance.now() > end ? no(new Error(`until: not met in 30 s: ${cond}`)) : requestAnimationFrame(t));
      t();
    });
    // Holds the typing pause's timers (300 ms), never running them, until the function it
    // returns puts the page's timers back and says how many it held: a test of what happens
    // within the pause cannot lose the race to a busy machine, where the pause could end first.
    window.holdPause = () => {
      const held = [];
      const [set, clear] = [window.setTimeout, window.clearTimeout];
      window.setTimeout = (f, ms, ...a) => (ms === 300 ? -held.push(f) : set(f, ms, ...a));
      window.clearTimeout = (id) => (id < 0 ? (held[-id - 1] = null) : clear(id));
      return () => (Object.assign(window, { setTimeout: set, clearTimeout: clear }), held.length);
    };
  });
  return { context, page, errors };
}

/** Appends an <interview-scorecard> with these attributes and waits for its cards. */
/**
 * As a framework does on a tab switch: takes the element off the page, then puts it back, with
 * the attributes `away` set while it was off.
 */
async function reattach(page, id, away = {}) {
  await page.evaluate(async ([id, away]) => {
    const el = document.getElementById(id);
    el.remove();
    // Put back once off the page for good: the element takes its widget down after a microtask
    // (it may only be moving), then keeps the scorecard for when it is added again.
    await until(() => el.widget === null);
    for (const [k, v] of Object.entries(away)) el.setAttribute(k, v);
    document.body.append(el);
  }, [id, away]);
  await waitCards(page, id);
}

/** Two frames: what a change renders, and events told on the task after it, are in by then. */
const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
/** The text of the notice above element `id`'s card, null without one. */
const cardNotice = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice')?.textContent ?? null, id);
/** Sets a candidate attribute the widget refuses (250 characters) and waits for its notice. */
async function refuseCandidate(page, id) {
  await page.evaluate((id) => document.getElementById(id).setAttribute('candidate', 'X'.repeat(250)), id);
  await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'), id);
}
const REFUSED = /^The page asked for another candidate, whose name was refused/;

async function add(page, id, attributes, cards = 6) {
  await page.evaluate(([id, attributes]) => {
    const el = document.createElement('interview-scorecard');
    el.id = id;
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    document.body.append(el);
  }, [id, attributes]);
  await waitCards(page, id, cards);
}

const waitCards = (page, id, cards = 6) =>
  page.waitForFunction(([id, n]) => document.getElementById(id)?.widget && document.getElementById(id).shadowRoot.querySelectorAll('.sc-card').length === n, [id, cards]);
const checked = (page, id, cap, level) =>
  page.evaluate(([id, cap, level]) => document.getElementById(id).shadowRoot.querySelector(`input[id$="${cap}-${level}"]`).checked, [id, cap, level]);
const draftKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':draft:')).sort());

test("one interviewer's two steps with one candidate are two drafts, across a reload", async () => {
  const { context, page, errors } = await open();
  const people = { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper' };
  const both = async () => {
    await add(page, 'sd', { ...people, step: 'System design' });
    await add(page, 'cd', { ...people, step: 'Coding' });
  };
  await both();
  await page.click('#sd label[for$="technical_expertise-exceeds"]');
  await page.click('#cd label[for$="technical_expertise-needs_improvement"]');
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.includes(':draft:')).length === 2);
  await page.reload();
  await both();
  assert.ok(await checked(page, 'sd', 'technical_expertise', 'exceeds'), 'the system design rating survives');
  assert.ok(await checked(page, 'cd', 'technical_expertise', 'needs_improvement'), 'the coding rating survives');
  assert.deepEqual(await draftKeys(page), [
    'scorecard:v1:draft:l4-senior-software-engineer:ada lovelace:grace hopper:coding',
    'scorecard:v1:draft:l4-senior-software-engineer:ada lovelace:grace hopper:system design',
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two widgets of one card on one page, both opened blank, never overwrite each other: the second to save asks', async () => {
  const { context, page, errors } = await open();
  const names = { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'Coding' };
  const key = 'scorecard:v1:draft:l4-senior-software-engineer:ada lovelace:grace hopper:coding';
  await add(page, 'a', names);
  await add(page, 'b', names);
  await page.click('#a label[for$="technical_expertise-exceeds"]');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('technical_expertise'), key);
  // Widget B read nothing there when it opened: A's card is not B's to write over.
  await page.click('#b label[for$="project_ownership-meets"]');
  await page.waitForFunction(() => /^Not saved: this scorecard was changed in another tab/.test(document.getElementById('b').shadowRoot.querySelector('[data-testid=save-status]')?.textContent));
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
  assert.equal(stored.ratings.technical_expertise.level, 'exceeds', "A's rating is kept");
  assert.equal(stored.ratings.project_ownership, undefined, "B's is not saved over it");
  assert.ok(await checked(page, 'b', 'project_ownership', 'meets'), "B's change stays on screen until it chooses");
  // Shown the other version, B carries on from A's card, and its next change is saved with it.
  await page.click('#b >> role=button[name="Show the other version"]');
  await page.waitForFunction(() => document.getElementById('b').shadowRoot.querySelector('input[id$="technical_expertise-exceeds"]')?.checked);
  await page.click('#b label[for$="business_impact-meets"]');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('business_impact'), key);
  assert.equal((await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key)).ratings.technical_expertise.level, 'exceeds');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft saved before the step was in its key is still found, and moved', async () => {
  const { context, page } = await open();
  const doc = { format: 'interview-scorecard', version: 1, candidate: { name: 'Ada' }, interviewer: { name: 'Grace' },
    interview: { step: 'Coding' }, ratings: { business_impact: { level: 'exceeds', note: 'from an older release' } } };
  await page.evaluate((doc) => localStorage.setItem('scorecard:v1:draft:l4-senior-software-engineer:ada:grace', JSON.stringify(doc)), doc);
  // Another step's page must not take it.
  await add(page, 'other', { candidate: 'Ada', interviewer: 'Grace', step: 'System design' });
  assert.ok(!(await checked(page, 'other', 'business_impact', 'exceeds')));
  await add(page, 'mine', { candidate: 'Ada', interviewer: 'Grace', step: 'Coding' });
  assert.ok(await checked(page, 'mine', 'business_impact', 'exceeds'));
  await page.click('#mine label[for$="project_ownership-meets"]');
  await page.waitForFunction(() => localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:ada:grace:coding'));
  assert.equal(await page.evaluate(() => localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:ada:grace')), null, 'moved, not copied');
  await context.close();
});

test("a host that changes the candidate switches scorecards; the first one's ratings stay its own", async () => {
  const { context, page } = await open();
  await add(page, 'w', { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'Coding' });
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await page.fill('#w textarea[id$="technical_expertise-note"]', 'Ada built the queue');
  await page.evaluate(() => document.getElementById('w').setAttribute('candidate', 'Alan Turing'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="-candidate"]')?.value === 'Alan Turing');
  await waitCards(page, 'w');
  assert.ok(!(await checked(page, 'w', 'technical_expertise', 'exceeds')), "Ada's rating is not carried to Alan");
  assert.equal(await page.inputValue('#w textarea[id$="technical_expertise-note"]'), '');
  assert.equal((await draftKeys(page)).filter((k) => k.includes('ada lovelace')).length, 1, "Ada's draft is kept");
  // Back to Ada: her card, as she left it.
  await page.evaluate(() => document.getElementById('w').setAttribute('candidate', 'Ada Lovelace'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('textarea[id$="technical_expertise-note"]')?.value === 'Ada built the queue');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'));
  assert.equal((await page.evaluate(() => document.getElementById('w').getValue())).candidate.name, 'Ada Lovelace');
  await context.close();
});

test("a host that gives only a candidate gets that candidate's card, never the last one opened of another", async () => {
  const { context, page } = await open();
  await add(page, 'a', { candidate: 'Cand One', interviewer: 'Int One', step: 'Coding' });
  await page.click('#a label[for$="technical_expertise-meets"]');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes(':draft:') && k.includes('cand one')));
  // Another candidate, the interviewer to name themselves: a fresh card for Q2.
  for (const [id, attributes] of [['b', { candidate: 'Q2' }], ['c', { interviewer: 'Someone Else' }]]) {
    await add(page, id, attributes);
    const value = await page.evaluate((id) => document.getElementById(id).getValue(), id);
    assert.equal(value.candidate?.name, attributes.candidate, JSON.stringify(value.candidate));
    assert.deepEqual(value.ratings, {}, `${id}: not Cand One's ratings`);
    assert.ok(!(await checked(page, id, 'technical_expertise', 'meets')));
  }
  // The same candidate given again: the last card open, of that candidate, is theirs.
  await add(page, 'd', { candidate: 'Cand One' });
  assert.ok(await checked(page, 'd', 'technical_expertise', 'meets'));
  assert.equal((await page.evaluate(() => document.getElementById('d').getValue())).interviewer.name, 'Int One');
  await context.close();
});

test("setValue with a minimal document keeps the host's names and the draft's place", async () => {
  const { context, page } = await open();
  await add(page, 'w', { candidate: 'Ada', interviewer: 'Grace', step: 'Coding' });
  await page.evaluate(() => document.getElementById('w').setValue({ format: 'interview-scorecard', version: 1, ratings: { project_ownership: { level: 'meets' } } }));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="project_ownership-meets"]').checked);
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Ada');
  assert.equal(await page.inputValue('#w input[id$="-interviewer"]'), 'Grace');
  const value = await page.evaluate(() => document.getElementById('w').getValue());
  assert.deepEqual([value.candidate, value.interviewer, value.interview.step], [{ name: 'Ada' }, { name: 'Grace' }, 'Coding']);
  await page.click('#w label[for$="business_impact-meets"]');
  await page.waitForFunction(() => localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:ada:grace:coding')?.includes('business_impact'));
  assert.deepEqual(await draftKeys(page), ['scorecard:v1:draft:l4-senior-software-engineer:ada:grace:coding'], 'no nameless draft');
  await context.close();
});

test('an element removed and added again keeps what was typed, autosave off', async () => {
  const { context, page } = await open();
  await add(page, 'w', { candidate: 'Ada', interviewer: 'Grace', autosave: 'off' });
  await page.click('#w label[for$="technical_expertise-meets"]');
  await page.fill('#w textarea[id$="technical_expertise-note"]', 'typed before the tab switch');
  await reattach(page, 'w');
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('textarea[id$="technical_expertise-note"]')?.value === 'typed before the tab switch');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'meets'));
  assert.deepEqual(await draftKeys(page), [], 'autosave stayed off');
  await context.close();
});

test("an element added again keeps its handle: the host's on() listeners go on hearing it, and ready is not told twice", async () => {
  const { context, page } = await open();
  // The first ready is told on the turn after the cards are on screen: heard before the
  // listeners below are set, so that they count only what the re-add tells.
  await page.evaluate(() => document.addEventListener('scorecard:ready', () => (window.firstReady = true), { once: true, capture: true }));
  await add(page, 'w', { candidate: 'Ada', interviewer: 'Grace', autosave: 'off' });
  await page.waitForFunction(() => window.firstReady === true);
  await page.evaluate(() => {
    const el = document.getElementById('w');
    window.heard = { change: [], ready: 0, readyEvents: 0, handle: el.widget };
    el.widget.on('scorecard:change', (d) => window.heard.change.push(d.value.ratings.business_impact?.level));
    el.widget.on('scorecard:ready', () => window.heard.ready++);
    el.addEventListener('scorecard:ready', () => window.heard.readyEvents++);
  });
  await page.click('#w label[for$="business_impact-meets"]');
  await page.waitForFunction(() => window.heard.change.length === 1);
  await reattach(page, 'w');
  await page.click('#w label[for$="business_impact-exceeds"]');
  await page.waitForFunction(() => window.heard.change.length === 2);
  const got = await page.evaluate(() => {
    const el = document.getElementById('w');
    return { change: window.heard.change, ready: window.heard.ready, readyEvents: window.heard.readyEvents,
      same: el.widget === window.heard.handle, value: el.widget.getValue().ratings.business_impact.level };
  });
  assert.deepEqual(got, { change: ['meets', 'exceeds'], ready: 0, readyEvents: 0, same: true, value: 'exceeds' });
  // off() through the same handle stops a listener set before the re-add.
  await page.evaluate(() => {
    const el = document.getElementById('w');
    window.stop = (d) => window.heard.change.push('never');
    el.widget.on('scorecard:change', window.stop);
    el.widget.off('scorecard:change', window.stop);
  });
  await page.click('#w label[for$="business_impact-needs_improvement"]');
  await page.waitForFunction(() => window.heard.change.length === 3);
  assert.equal(await page.evaluate(() => window.heard.change[2]), 'needs_improvement');
  await context.close();
});

test('destroy tells the host of the last change at once, not after the typing pause', async () => {
  const { context, page } = await open();
  const heard = await page.evaluate(async () => {
    const { el, handle } = await fresh({ autosave: false });
    const heard = [];
    handle.on('scorecard:change', (d) => heard.push(d.value.ratings.technical_expertise?.level));
    await until(() => el.querySelector('.sc-card'));
    const release = holdPause();
    el.querySelector('label[for$="technical_expertise-exceeds"]').click();
    // The change is pending once the handle's value has it.
    await until(() => handle.getValue().ratings.technical_expertise?.level === 'exceeds');
    const before = heard.length;
    handle.destroy(); // within the pause
    return { before, heard, paused: release() > 0 };
  });
  assert.deepEqual(heard, { before: 0, heard: ['exceeds'], paused: true });
  await context.close();
});

test('an update with a rubric that does not load is refused and changes nothing', async () => {
  const { context, page } = await open();
  await add(page, 'w', { candidate: 'Ada', interviewer: 'Grace', autosave: 'off' });
  await page.fill('#w textarea[id$="business_impact-note"]', 'kept');
  const refused = await page.evaluate(() => {
    try { document.getElementById('w').widget.update({ rubric: { format: 'scorecard-rubric' }, candidate: 'Alan' }); return null; }
    catch (e) { return e.message; }
  });
  assert.match(refused, /update: the rubric could not be loaded/);
  assert.ok((await page.evaluate(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'w'))).length >= 1);
  await waitCards(page, 'w');
  assert.equal(await page.inputValue('#w textarea[id$="business_impact-note"]'), 'kept');
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Ada', 'a refused update changes nothing, not even its other options');
  // Options of the wrong type are refused the same way (the iframe bridge forwards these).
  const wrongType = await page.evaluate(() => {
    try { document.getElementById('w').widget.update({ readOnly: 'yes' }); return null; } catch (e) { return e.message; }
  });
  assert.match(wrongType, /readOnly: expected true or false/);
  await context.close();
});

test('a rubric URL that fails to load says why inside the element, not an empty box', async () => {
  const { context, page } = await open();
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
  await page.evaluate(() => {
    const el = document.createElement('interview-scorecard');
    el.id = 'w';
    el.setAttribute('rubric', '/examples/ats/no-such-ladder.json');
    document.body.append(el);
  });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.sc-notice'));
  const [text, font] = await page.evaluate(() => {
    const notice = document.getElementById('w').shadowRoot.querySelector('.sc-notice');
    return [notice.textContent, getComputedStyle(notice).fontFamily];
  });
  // Said for the interviewer (what happened, whom to tell); the detail is the integrator's.
  assert.equal(text, 'This scorecard cannot open. Please tell whoever looks after this page.');
  const told = await page.evaluate(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'w').map((e) => e.detail.message));
  assert.deepEqual(told.length, 1);
  assert.match(told[0], /^rubric .*no-such-ladder\.json: HTTP 404$/);
  assert.ok(logged.some((m) => m.includes(told[0])), 'the detail is in the console');
  // In the widget's own frame and type (--sc-font), not the browser's default serif (the host's
  // Comic Sans stops at the shadow root's reset).
  assert.match(font, /^system-ui,/);
  await context.close();
});

test('a rubric attribute that does not load after mounting is said above the scorecard, which keeps what was typed', async () => {
  const { context, page } = await open();
  const ladder = readFileSync('data/seed/l4-senior-software-engineer.txt', 'utf8');
  await page.route('**/ladders/l4.txt', (route) => route.fulfill({ body: ladder, contentType: 'text/plain' }));
  await page.route('**/ladders/not-a-rubric.json', (route) => route.fulfill({ body: '{"format":"scorecard-rubric"}', contentType: 'application/json' }));
  await add(page, 'w', { candidate: 'Ada', interviewer: 'Grace', autosave: 'off' });
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await page.fill('#w textarea[id$="business_impact-note"]', 'kept');
  await page.fill('#w textarea[id$="-observe"]', 'typed, not added yet');
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
  // The notice sits in the widget's frame, above the scorer (whose own notices are in its toolbar).
  const notice = () => page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice')?.textContent ?? null);
  const errors = () => page.evaluate(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'w').map((e) => e.detail.message));
  const cases = [
    ['/ladders/missing.json', /^rubric http:.*\/ladders\/missing\.json: HTTP 404$/],
    ['/ladders/l4.txt', /l4\.txt is not JSON .*`scorecard rubric LADDER\.txt > rubric\.json` converts it/],
    // Read by the widget: the event says where update() refused it.
    ['/ladders/not-a-rubric.json', /^update: the rubric could not be loaded: /],
  ];
  for (const [i, [url, event]] of cases.entries()) {
    await page.evaluate((url) => document.getElementById('w').setAttribute('rubric', url), url);
    await page.waitForFunction((n) => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'w').length >= n, i + 1);
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'));
    // For the interviewer: what happened and whom to tell, naming the rubric the card stays on.
    // The detail (a URL, a parser's message, a command) is the integrator's: the event and the console.
    assert.equal(await notice(), REFUSED_NOTICE, url);
    const told = await errors();
    assert.equal(told.length, i + 1, `one scorecard:error per rubric refused (${url})`);
    assert.match(told[i], event, url);
    assert.ok(logged.some((m) => m.includes(told[i])), `the detail is in the console (${url})`);
    assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice').getAttribute('role')), 'alert');
  }
  // The card was never torn down: the rubric, the rating, the note and the unadded observation.
  await waitCards(page, 'w');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'));
  assert.equal(await page.inputValue('#w textarea[id$="business_impact-note"]'), 'kept');
  assert.equal(await page.inputValue('#w textarea[id$="-observe"]'), 'typed, not added yet');
  assert.equal((await page.evaluate(() => document.getElementById('w').getValue())).rubric.id, 'l4-senior-software-engineer');
  assert.equal((await page.evaluate(() => document.getElementById('w').shadowRoot.querySelectorAll('.sc-notice[role="alert"]').length)), 1, 'one notice, replaced');
  // A rubric that loads ends the notice; one refused after it names that one.
  await page.evaluate(() => document.getElementById('w').setAttribute('rubric', '/examples/ats/sre-rubric.json'));
  await waitCards(page, 'w', 2);
  assert.equal(await notice(), null);
  await page.evaluate(() => document.getElementById('w').setAttribute('rubric', '/ladders/missing.json'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'));
  assert.match(await notice(), /stays on L2 Site Reliability Engineer\./);
  // Another candidate meanwhile: a new scorer under the notice, which still applies.
  await page.evaluate(() => document.getElementById('w').setAttribute('candidate', 'Bea'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="-candidate"]')?.value === 'Bea');
  await waitCards(page, 'w', 2);
  assert.match(await notice(), /stays on L2 Site Reliability Engineer/);
  assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sc-host').firstElementChild.textContent), await notice(), 'still first');
  // Removing the attribute loads the embedded default: the notice goes.
  await page.evaluate(() => document.getElementById('w').removeAttribute('rubric'));
  await waitCards(page, 'w');
  assert.equal(await notice(), null);
  // A failed fetch of a URL replaced meanwhile is no error and says nothing.
  // Its 404 is held until the rubric that replaced it is on screen, then let go; the page notes
  // when the fetch of it has settled.
  let hold;
  const asked = new Promise((ok) => { hold = ok; });
  await page.route('**/ladders/slow.json', (route) => hold(route));
  await page.evaluate(() => {
    const fetch = window.fetch;
    window.fetch = (...args) => {
      const response = fetch(...args);
      if (String(args[0]).endsWith('/ladders/slow.json')) window.slow = response.then(() => {}, () => {});
      return response;
    };
  });
  const before = (await errors()).length;
  await page.evaluate(() => {
    const el = document.getElementById('w');
    el.setAttribute('rubric', '/ladders/slow.json');
    el.setAttribute('rubric', '/examples/ats/sre-rubric.json');
  });
  await waitCards(page, 'w', 2);
  await (await asked).fulfill({ status: 404, body: '' });
  // Settled, and two frames on: an error told or a notice set for it (Yew renders in a task)
  // would be in by then.
  await page.evaluate(async () => {
    await window.slow;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
  assert.equal(await notice(), null);
  assert.equal((await errors()).length, before);
  await context.close();
});

test('a candidate, interviewer or step the element or update() refuses is said on the card, which stays the one named on it, until a change is accepted', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  // In the place and the style of the notice of a rubric that did not load.
  const notice = (id) => page.evaluate((id) => {
    const el = document.getElementById(id);
    return (el.shadowRoot ?? el).querySelector(':scope > .sc-app > .sc-notice[role="alert"], .sc-host > .sc-app > .sc-notice[role="alert"]')?.textContent ?? null;
  }, id);
  const cases = [
    ['candidate', 'candidate', 'Ada Lovelace'],
    ['interviewer', 'interviewer', 'Grace Hopper'],
    ['step', 'interview step', 'System design'],
  ];
  for (const [attribute, label, kept] of cases) {
    await page.evaluate((a) => document.getElementById('w').setAttribute(a, 'X'.repeat(250)), attribute);
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'));
    assert.equal(await notice('w'), `The page asked for another ${label}, whose name was refused: 250 characters; the limit is 200. This scorecard is still the one named on it.`);
    // The card is untouched, and names whose it is right below the notice.
    assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Ada Lovelace');
    assert.equal(await page.inputValue(`#w input[id$="-${attribute}"]`), kept);
    assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'));
    // An accepted change (the attribute put back) ends the notice.
    await page.evaluate(([a, v]) => document.getElementById('w').setAttribute(a, v), [attribute, kept]);
    await page.waitForFunction(() => !document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'));
  }
  // A refused candidate, then another change accepted (the interviewer): the notice goes.
  await page.evaluate(() => document.getElementById('w').setAttribute('candidate', 'Y'.repeat(201)));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'));
  await page.evaluate(() => document.getElementById('w').setAttribute('interviewer', 'Tom Becker'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="-interviewer"]')?.value === 'Tom Becker');
  assert.equal(await notice('w'), null);
  // mount()'s update(): the same notice, above the scorer; a name that is not text too.
  const told = await page.evaluate(async () => {
    const { el, handle } = await fresh({ candidate: 'Bea', interviewer: 'Grace', autosave: false });
    await until(() => el.querySelector('.sc-card'));
    const thrown = [];
    for (const options of [{ step: 's'.repeat(201) }, { candidate: 7 }]) {
      try { handle.update(options); } catch (e) { thrown.push(e.message); }
      await until(() => el.querySelector(':scope > .sc-app > .sc-notice'));
      thrown.push(el.querySelector(':scope > .sc-app > .sc-notice').textContent);
    }
    // Another kind of refusal leaves the notice as it is; an accepted update ends it.
    try { handle.update({ theme: 'blue' }); } catch (e) { thrown.push(e.message); }
    thrown.push(el.querySelectorAll(':scope > .sc-app > .sc-notice').length);
    // An accepted update that names no one (a theme) is no answer to the refusal either.
    handle.update({ theme: 'dark' });
    // (Yew renders in a task: after two frames a cleared notice would be gone.)
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    thrown.push(el.querySelectorAll(':scope > .sc-app > .sc-notice').length);
    handle.update({ candidate: 'Cy' });
    await until(() => el.querySelector('input[id$="-candidate"]')?.value === 'Cy');
    thrown.push(el.querySelectorAll(':scope > .sc-app > .sc-notice').length);
    return thrown;
  });
  assert.deepEqual(told, [
    'update options: interview.step: 201 characters; the limit is 200',
    'The page asked for another interview step, whose name was refused: 201 characters; the limit is 200. This scorecard is still the one named on it.',
    'update options: candidate: expected text',
    'The page asked for another candidate, whose name was refused: expected text. This scorecard is still the one named on it.',
    'update options: theme: expected "light", "dark" or null',
    1,
    1,
    0,
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a name the element refused is said again when it is removed and added again (a tab switch), and not told to the host twice', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await page.evaluate(() => { window.told = []; document.addEventListener('scorecard:error', (e) => window.told.push(e.detail.message)); });
  const notice = () => page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice[role="alert"]')?.textContent ?? null);
  const SAID = 'The page asked for another candidate, whose name was refused: 250 characters; the limit is 200. This scorecard is still the one named on it.';
  await refuseCandidate(page, 'w');
  assert.equal(await notice(), SAID);
  // Off the page until its widget is torn down, then back, as a framework's tab switch does.
  await reattach(page, 'w');
  await frames(page);
  // The attribute still names the refused candidate: the card still says it is not that one.
  assert.equal(await notice(), SAID);
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Ada Lovelace');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'));
  assert.equal((await page.evaluate(() => window.told)).length, 1, 'the host heard the refusal once');
  // An accepted name ends it, as before the tab switch.
  await page.evaluate(() => document.getElementById('w').setAttribute('candidate', 'Ada Lovelace'));
  await page.waitForFunction(() => !document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a name set while the element was away ends the refusal: the card the interviewer corrected then stays theirs through a tab switch', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  await refuseCandidate(page, 'w');
  // Away, the host names the candidate properly; back, the card is theirs, with no notice.
  await reattach(page, 'w', { candidate: 'Bob Stone' });
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Bob Stone');
  // The interviewer corrects the name and rates; a later tab switch keeps both.
  await page.fill('#w input[id$="-candidate"]', 'Bob Stone-Smith');
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await reattach(page, 'w');
  await frames(page);
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Bob Stone-Smith');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'));
  assert.equal(await cardNotice(page, 'w'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a card without a candidate comes back through a tab switch while its refused candidate attribute stays, with what was rated', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  await refuseCandidate(page, 'w');
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await reattach(page, 'w');
  await frames(page);
  assert.match(await cardNotice(page, 'w') ?? '', REFUSED);
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), '');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'));
  assert.equal(await page.evaluate(() => document.getElementById('w').getValue().ratings.technical_expertise.level), 'exceeds');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a card naming its candidate by id only keeps the host\'s name through a tab switch: a document naming someone else is still refused', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  // As a Greenhouse file names the candidate: by id.
  await page.evaluate(() => document.getElementById('w').setValue({ format: 'interview-scorecard', version: 1, candidate: { id: 'gh-123' }, ratings: { technical_expertise: { level: 'exceeds' } } }));
  await reattach(page, 'w');
  const refused = await page.evaluate(() => {
    try {
      document.getElementById('w').setValue({ format: 'interview-scorecard', version: 1, candidate: { name: 'Bob Stone' }, ratings: {} });
      return null;
    } catch (e) {
      return String(e.message ?? e);
    }
  });
  assert.match(refused ?? '', /candidate/, 'the page names Ada Lovelace: a document for Bob Stone is another scorecard');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused name, then another name changed while the element was away: the card for the new names opens, still saying the refused name was refused', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  await refuseCandidate(page, 'w');
  await reattach(page, 'w', { step: 'Coding' });
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Ada Lovelace');
  assert.equal(await page.inputValue('#w input[id$="-step"]'), 'Coding');
  assert.match(await cardNotice(page, 'w') ?? '', REFUSED);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused name set back to the card\'s own while the element was away keeps the card, as it would on the page', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { candidate: 'Ada Lovelace', interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await refuseCandidate(page, 'w');
  await reattach(page, 'w', { candidate: 'Ada Lovelace' });
  await frames(page);
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'), 'the card is the one rated');
  assert.equal(await cardNotice(page, 'w'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('names the interviewer typed, with no attribute naming them, stay theirs through a tab switch: not taken for the page\'s', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { interviewer: 'Grace Hopper', step: 'System design', autosave: 'off' });
  await page.fill('#w input[id$="-candidate"]', 'Carol King');
  await reattach(page, 'w');
  assert.equal(await page.inputValue('#w input[id$="-candidate"]'), 'Carol King');
  // As before the switch: the page names no candidate, so a document naming another is not refused for it.
  const refused = await page.evaluate(() => {
    try {
      document.getElementById('w').setValue({ format: 'interview-scorecard', version: 1, candidate: { name: 'Dan Brown' }, ratings: {} });
      return null;
    } catch (e) {
      return String(e.message ?? e);
    }
  });
  assert.equal(refused, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an element whose rubric did not load at first mounts once the attribute names one that loads, or is removed', async () => {
  const { context, page } = await open();
  // A saved draft of these names on the default rubric, for the element that recovers to open.
  await add(page, 'saved', { candidate: 'Ada', interviewer: 'Grace' });
  await page.click('#saved label[for$="technical_expertise-exceeds"]');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith(':draft:l4-senior-software-engineer:ada:grace')));
  await page.evaluate(() => document.getElementById('saved').remove());
  const notice = (id) => page.evaluate((id) => document.getElementById(id).shadowRoot?.querySelector('.sc-host > .sc-app > .sc-notice')?.textContent ?? null, id);
  const errors = (id) => page.evaluate((id) => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === id).length, id);
  for (const id of ['v', 'w']) {
    await page.evaluate((id) => {
      const el = document.createElement('interview-scorecard');
      el.id = id;
      for (const [k, v] of Object.entries({ candidate: 'Ada', interviewer: 'Grace', rubric: '/ladders/missing.json' })) el.setAttribute(k, v);
      document.body.append(el);
    }, id);
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot?.querySelector('.sc-notice'), id);
    assert.equal(await notice(id), 'This scorecard cannot open. Please tell whoever looks after this page.');
  }
  const told = (id) => page.evaluate((id) => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === id).map((e) => e.detail.message), id);
  assert.match((await told('v'))[0], /^rubric http:.*\/ladders\/missing\.json: HTTP 404$/);
  // Another URL that does not load is said and told in its turn.
  await page.evaluate(() => document.getElementById('v').setAttribute('rubric', '/ladders/gone.json'));
  await page.waitForFunction(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'v').length === 2);
  assert.match((await told('v'))[1], /\/ladders\/gone\.json: HTTP 404$/);
  assert.equal(await notice('v'), 'This scorecard cannot open. Please tell whoever looks after this page.');
  // One that loads mounts the scorecard on it; removing the attribute mounts the default, with the saved draft.
  await page.evaluate(() => document.getElementById('v').setAttribute('rubric', '/examples/ats/sre-rubric.json'));
  await waitCards(page, 'v', 2);
  await page.evaluate(() => document.getElementById('w').removeAttribute('rubric'));
  await waitCards(page, 'w');
  assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'), 'the saved draft is opened');
  assert.equal(await notice('v'), null);
  assert.equal(await notice('w'), null);
  assert.deepEqual([await errors('v'), await errors('w')], [2, 1]);
  // A rubric the widget cannot read is said by the widget in place of the scorecard, also when
  // the element is added again; one that loads then mounts.
  await page.route('**/ladders/not-a-rubric.json', (route) => route.fulfill({ body: '{"format":"scorecard-rubric"}', contentType: 'application/json' }));
  const said = () => page.evaluate(() => [...document.getElementById('x').shadowRoot.querySelectorAll('.sc-notice')].map((n) => n.textContent));
  await page.evaluate(() => {
    const el = document.createElement('interview-scorecard');
    el.id = 'x';
    el.setAttribute('rubric', '/ladders/not-a-rubric.json');
    document.body.append(el);
  });
  await page.waitForFunction(() => document.getElementById('x').shadowRoot?.querySelector('.sc-notice'));
  const first = await said();
  await page.evaluate(async () => {
    const el = document.getElementById('x');
    el.remove();
    // Added again once the element has taken its widget down (it does so after a microtask, as
    // the element may only be moving).
    await until(() => el.widget === null);
    document.body.append(el);
  });
  await page.waitForFunction(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'x').length === 2);
  // The new widget is mounted and has said why (its event is told on the next task after it
  // mounts); two frames on, a second telling by the element or the widget would be in.
  await page.evaluate(async () => {
    await until(() => document.getElementById('x').widget && document.getElementById('x').shadowRoot.querySelector('.sc-notice'));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
  assert.deepEqual(await errors('x'), 2, 'told once more, by the widget');
  assert.deepEqual(await said(), first);
  assert.deepEqual(first, ['This scorecard cannot open: the rubric this page gave it could not be read. Please tell whoever looks after this page.']);
  assert.match((await told('x'))[0], /^The rubric could not be loaded: \S/, 'the detail is told to the host');
  await page.evaluate(() => document.getElementById('x').setAttribute('rubric', '/examples/ats/sre-rubric.json'));
  await waitCards(page, 'x', 2);
  const ready = await page.evaluate(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:ready').map((e) => [e.source, e.detail.rubric.id]));
  assert.deepEqual(ready.filter(([id]) => id === 'v' || id === 'w'), [['v', 'l2-sre'], ['w', 'l4-senior-software-engineer']]);
  await context.close();
});

test('an element added again while its rubric attribute does not load keeps its scorecard, with the notice above it', async () => {
  const { context, page } = await open();
  await page.route('**/ladders/not-a-rubric.json', (route) => route.fulfill({ body: '{"format":"scorecard-rubric"}', contentType: 'application/json' }));
  await add(page, 'w', { candidate: 'Ada', interviewer: 'Grace', autosave: 'off' });
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await page.fill('#w textarea[id$="business_impact-note"]', 'kept');
  const errors = () => page.evaluate(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'w').map((e) => e.detail.message));
  const cases = [
    // Set while the element is off the page, then as it stays when added again, then one the widget refuses.
    ['/ladders/missing.json', /^rubric http:.*\/ladders\/missing\.json: HTTP 404$/],
    [null, /^rubric http:.*\/ladders\/missing\.json: HTTP 404$/],
    ['/ladders/not-a-rubric.json', /^update: the rubric could not be loaded: /],
  ];
  for (const [i, [url, event]] of cases.entries()) {
    await page.evaluate(async (url) => {
      const el = document.getElementById('w');
      el.remove();
      await until(() => el.widget === null);
      if (url) el.setAttribute('rubric', url);
      document.body.append(el);
    }, url);
    await page.waitForFunction((n) => window.scorecardEvents.filter((e) => e.name === 'scorecard:error' && e.source === 'w').length === n, i + 1);
    await waitCards(page, 'w');
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.sc-host > .sc-app > .sc-notice'));
    const [said, role, first] = await page.evaluate(() => {
      const host = document.getElementById('w').shadowRoot.querySelector('.sc-host');
      const notice = host.querySelector('.sc-host > .sc-app > .sc-notice');
      return [notice?.textContent, notice?.getAttribute('role'), host.firstElementChild.contains(notice)];
    });
    assert.equal(said, REFUSED_NOTICE, `${url}`);
    assert.deepEqual([role, first], ['alert', true], 'an alert, above the scorecard');
    assert.match((await errors())[i], event);
    assert.ok(await checked(page, 'w', 'technical_expertise', 'exceeds'), `the rating is kept (${url})`);
    assert.equal(await page.inputValue('#w textarea[id$="business_impact-note"]'), 'kept');
    assert.equal((await page.evaluate(() => document.getElementById('w').getValue())).ratings.business_impact.note, 'kept');
  }
  // A rubric that loads ends the notice.
  await page.evaluate(() => document.getElementById('w').setAttribute('rubric', '/examples/ats/sre-rubric.json'));
  await waitCards(page, 'w', 2);
  assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sc-notice')), null);
  assert.equal((await errors()).length, 3);
  await context.close();
});

test('mount() with a rubric URL that does not load resolves: the element says why, scorecard:error tells it, update() recovers', async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const heard = [];
    document.addEventListener('scorecard:error', (e) => heard.push(['document', e.detail.message]));
    const { el, handle } = await fresh({ rubric: '/ladders/missing.json', candidate: 'Ada', autosave: false });
    handle.on('scorecard:error', (d) => heard.push(['handle', d.message]));
    await until(() => el.querySelector('.sc-notice') && getComputedStyle(el).visibility === 'visible');
    // Told on the next task after mounting: both listeners hear that one telling.
    await until(() => heard.length >= 2);
    const notice = el.querySelector('.sc-notice');
    const said = [notice.textContent, notice.getAttribute('role')];
    handle.update({ rubric: null });
    await until(() => el.querySelectorAll('.sc-card').length === 6);
    return { said, heard, name: handle.getValue().candidate.name, notices: el.querySelectorAll('.sc-notice').length };
  });
  const message = /^The rubric could not be loaded: rubric http:.*\/ladders\/missing\.json: HTTP 404$/;
  // The interviewer is told what happened and whom to tell; the host hears the detail.
  assert.equal(result.said[0], 'This scorecard cannot open: the rubric this page gave it could not be read. Please tell whoever looks after this page.');
  assert.equal(result.said[1], 'alert');
  assert.deepEqual(result.heard.map(([who]) => who).sort(), ['document', 'handle'], 'told once, to on() listeners and on the element');
  for (const [, m] of result.heard) assert.match(m, message);
  assert.equal(result.name, 'Ada');
  assert.equal(result.notices, 0);
  await context.close();
});

test("mount()'s update() with a rubric that cannot be read says so on the card, which keeps what was typed, until a rubric is accepted", async () => {
  const { context, page } = await open();
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
  await page.evaluate(async () => {
    // (Typed into by a person, here: without the host's stylesheet, which hides mount()'s widget.)
    document.querySelector('link[href="host.css"]').remove();
    const { el, handle } = await fresh({ candidate: 'Ada', interviewer: 'Grace', autosave: false });
    el.id = 'm';
    window.handle = handle;
    await until(() => el.querySelectorAll('.sc-card').length === 6 && getComputedStyle(el).visibility === 'visible');
  });
  await page.click('#m label[for$="technical_expertise-exceeds"]');
  await page.fill('#m textarea[id$="business_impact-note"]', 'kept');
  await page.fill('#m textarea[id$="-observe"]', 'typed, not added yet');
  const thrown = await page.evaluate(() => {
    try { window.handle.update({ rubric: { format: 'scorecard-rubric' } }); return null; } catch (e) { return e.message; }
  });
  assert.match(thrown, /^update: the rubric could not be loaded: \S/);
  const notice = () => page.evaluate(() => [...document.querySelectorAll('#m .sc-notice')].map((n) => [n.textContent, n.getAttribute('role')]));
  await page.waitForFunction(() => document.querySelector('#m .sc-notice'));
  assert.deepEqual(await notice(), [[REFUSED_NOTICE, 'alert']]);
  assert.ok(logged.some((m) => m.includes(thrown)), 'the detail is in the console');
  // Nothing typed is lost: the card is the one it was, on its rubric.
  assert.ok(await page.isChecked('#m input[id$="technical_expertise-exceeds"]'));
  assert.equal(await page.inputValue('#m textarea[id$="business_impact-note"]'), 'kept');
  assert.equal(await page.inputValue('#m textarea[id$="-observe"]'), 'typed, not added yet');
  // A theme or a name accepted leaves it; a rubric accepted (the one shown, here) ends it.
  await page.evaluate(() => window.handle.update({ theme: 'dark' }));
  // (Yew renders the update in a microtask: two frames later it has.)
  await page.waitForFunction(() => document.getElementById('m').classList.contains('sc-theme-dark'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await notice(), [[REFUSED_NOTICE, 'alert']]);
  await page.evaluate(() => window.handle.update({ rubric: null }));
  await page.waitForFunction(() => !document.querySelector('#m .sc-notice'));
  assert.equal(await page.inputValue('#m textarea[id$="business_impact-note"]'), 'kept');
  await context.close();
});

test('iframe mode: an update with a rubric that cannot be read is said on the card, not only to the parent', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
  await page.goto(`${base}/examples/ats/iframe.html`);
  await page.waitForFunction(() => window.received?.some((m) => m.type === 'scorecard:ready'));
  const frame = page.frameLocator('iframe');
  await frame.locator('textarea[id$="business_impact-note"]').fill('kept');
  await page.evaluate(() => window.sendToWidget({ type: 'scorecard:update', options: { rubric: '{"format": "scorecard-rubric"' } }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:error'));
  const told = await page.evaluate(() => window.received.filter((m) => m.type === 'scorecard:error').map((m) => m.detail.message));
  assert.match(told[0], /^update: the rubric could not be loaded: /);
  await frame.locator('.sc-notice').waitFor();
  assert.equal(await frame.locator('.sc-notice').textContent(), REFUSED_NOTICE);
  assert.ok(logged.some((m) => m.includes(told[0])), 'the detail is in the console');
  assert.equal(await frame.locator('textarea[id$="business_impact-note"]').inputValue(), 'kept');
  await context.close();
});

test('hosts theme the custom element with --sc-* on it, and set density before it mounts', async () => {
  const { context, page } = await open();
  await page.evaluate(() => {
    const style = document.createElement('style');
    document.head.append(style);
    const el = document.createElement('interview-scorecard');
    el.id = 'w';
    el.style.setProperty('--sc-accent', 'rgb(200, 0, 100)');
    document.body.append(el);
    el.setAttribute('density', 'compact'); // inserted, not yet mounted
  });
  await waitCards(page, 'w');
  const [accent, fontSize] = await page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    return [getComputedStyle(root.querySelector('.sc-button.sc-m-primary')).backgroundColor, getComputedStyle(root.querySelector('.sc-app')).fontSize];
  });
  assert.equal(accent, 'rgb(200, 0, 100)', "the host's token reaches inside the shadow root");
  assert.equal(fontSize, '14.4px', 'compact density');
  await context.close();
});

test('the widget runs from a subfolder (iframe mode at /scorecard/, theme=dark), asking nothing of the root', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-sub-'));
  symlinkSync(resolve(process.env.SCORECARD_DIST ?? 'dist'), join(dir, 'scorecard'));
  const sub = await startServer(dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await page.goto(`${sub.url}/scorecard/index.html?embed=iframe&theme=dark&origins=${encodeURIComponent(sub.url)}`);
    await page.waitForFunction(() => document.querySelectorAll('.sc-card').length === 6);
    // theme=dark, on a light system: the page and the card are dark.
    assert.deepEqual(await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.sc-app')).backgroundColor]),
      ['rgb(17, 21, 27)', 'rgb(17, 21, 27)']);
    // The on-demand module too (the classifier tags an observation).
    await observe(page, 'Ran the weekly sync with four teams and kept a risk log');
    await page.waitForFunction(() => document.querySelector('.sc-obs')?.textContent.includes('Project Ownership'));
    assert.deepEqual(requests.filter((p) => !p.startsWith('/scorecard/')), [], 'every asset from the folder');
  } finally {
    await context.close();
    sub.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('re-attached after its candidate changed, the element shows that candidate, and no draft is lost', async () => {
  const { context, page } = await open();
  const doc = { format: 'interview-scorecard', version: 1, candidate: { name: 'Bob' }, interviewer: { name: 'Grace' },
    ratings: { business_impact: { level: 'exceeds', note: "Bob's own draft" } } };
  await page.evaluate((doc) => localStorage.setItem('scorecard:v1:draft:l4-senior-software-engineer:bob:grace', JSON.stringify(doc)), doc);
  await add(page, 'w', { candidate: 'Ann', interviewer: 'Grace' });
  await page.click('#w label[for$="technical_expertise-exceeds"]');
  await page.evaluate(async () => {
    const el = document.getElementById('w');
    el.remove();
    await until(() => el.widget === null);
    el.setAttribute('candidate', 'Bob'); // while detached: no widget to tell
    document.body.append(el);
  });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('textarea[id$="business_impact-note"]')?.value === "Bob's own draft");
  assert.ok(!(await checked(page, 'w', 'technical_expertise', 'exceeds')), "Ann's card is not shown as Bob's");
  await page.click('#w label[for$="project_ownership-meets"]');
  await page.waitForFunction(() => localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:bob:grace')?.includes('project_ownership'));
  const ann = await page.evaluate(() => JSON.parse(localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:ann:grace')));
  assert.equal(ann.ratings.technical_expertise.level, 'exceeds', "Ann's draft is kept");
  await context.close();
});

test('a host value under other names is refused, and the draft of the names it was mounted with stays', async () => {
  const { context, page } = await open();
  const stored = { format: 'interview-scorecard', version: 1, candidate: { name: 'A' }, interviewer: { name: 'G' }, ratings: { business_impact: { level: 'meets' } } };
  await page.evaluate((doc) => localStorage.setItem('scorecard:v1:draft:l4-senior-software-engineer:a:g', JSON.stringify(doc)), stored);
  const result = await page.evaluate(async () => {
    let refused = null;
    try { await fresh({ candidate: 'A', interviewer: 'G', value: { format: 'interview-scorecard', version: 1, candidate: { name: 'A. Person' }, ratings: {} } }); } catch (e) { refused = e.message; }
    return { refused, keys: Object.keys(localStorage).filter((k) => k.includes(':draft:')).sort() };
  });
  assert.match(result.refused, /value: its candidate is "A. Person" but the candidate option is "A"/);
  assert.deepEqual(result.keys, ['scorecard:v1:draft:l4-senior-software-engineer:a:g']);
  assert.match(await page.evaluate(() => localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:a:g')), /business_impact/);
  await context.close();
});

test('autosave turned on before anything is typed restores the saved draft instead of overwriting it', async () => {
  const { context, page } = await open();
  const doc = { format: 'interview-scorecard', version: 1, candidate: { name: 'Cy' }, interviewer: { name: 'G' }, ratings: { business_impact: { level: 'exceeds' } } };
  await page.evaluate((doc) => localStorage.setItem('scorecard:v1:draft:l4-senior-software-engineer:cy:g', JSON.stringify(doc)), doc);
  await add(page, 'w', { candidate: 'Cy', interviewer: 'G', autosave: 'off' });
  assert.ok(!(await checked(page, 'w', 'business_impact', 'exceeds')), 'autosave off: nothing restored');
  await page.evaluate(() => document.getElementById('w').setAttribute('autosave', 'on'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="business_impact-exceeds"]').checked);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:cy:g')));
  assert.equal(saved.ratings.business_impact.level, 'exceeds');
  await context.close();
});

test("switching candidates within the typing pause tells the host the first one's last change, and no false one", async () => {
  const { context, page } = await open();
  const heard = await page.evaluate(async () => {
    const { el, handle } = await fresh({ candidate: 'A', interviewer: 'G', autosave: false });
    const heard = [];
    handle.on('scorecard:change', (d) => heard.push([d.value.candidate?.name, d.value.ratings.technical_expertise?.level ?? null]));
    await until(() => el.querySelector('.sc-card'));
    const release = holdPause();
    el.querySelector('label[for$="technical_expertise-exceeds"]').click();
    await until(() => handle.getValue().ratings.technical_expertise?.level === 'exceeds');
    const before = heard.length;
    handle.update({ candidate: 'B' }); // within the 300 ms pause
    const told = heard.length;
    // No change of B's blank card may follow: once B's card is reported (opened) and two frames
    // on, destroy() tells at once any change still waiting for the pause.
    await until(() => handle.getValue().candidate?.name === 'B' && el.querySelector('.sc-card'));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    handle.destroy();
    return { before, told, heard, paused: release() > 0 };
  });
  // Told by the switch, once, and nothing of B's blank card.
  assert.deepEqual(heard, { before: 0, told: 1, heard: [['A', 'exceeds']], paused: true });
  await context.close();
});

test('setValue followed at once by a switch keeps the document, saved under its own names', async () => {
  const { context, page } = await open();
  await add(page, 'w', { candidate: 'A', interviewer: 'G' });
  await page.evaluate(() => {
    const el = document.getElementById('w');
    el.setValue({ format: 'interview-scorecard', version: 1, ratings: { mentorship_support: { level: 'meets', note: 'set for A' } } });
    el.setAttribute('candidate', 'B');
  });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="-candidate"]')?.value === 'B');
  await page.evaluate(() => document.getElementById('w').setAttribute('candidate', 'A'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('textarea[id$="mentorship_support-note"]')?.value === 'set for A');
  await context.close();
});

test('a rubric changed in content under the same id and version is applied', async () => {
  const { context, page } = await open();
  const titles = await page.evaluate(async () => {
    const rubric = await (await fetch('/examples/ats/sre-rubric.json')).json();
    const { el, handle } = await fresh({ rubric, autosave: false });
    await until(() => el.querySelector('.sc-card'));
    const edited = structuredClone(rubric);
    edited.capabilities[0].name = 'Operations, renamed';
    handle.update({ rubric: edited });
    await until(() => el.querySelector('.sc-card__title')?.textContent === 'Operations, renamed');
    return [...el.querySelectorAll('.sc-card__title')].map((h) => h.textContent);
  });
  assert.deepEqual(titles, ['Operations, renamed', 'Automation']);
  await context.close();
});

test("a host's own light or dark choice wins over the system's", async () => {
  for (const [system, theme, expected] of [['light', 'dark', 'rgb(17, 21, 27)'], ['dark', 'light', 'rgb(246, 247, 249)']]) {
    const context = await browser.newContext({ colorScheme: system });
    const page = await context.newPage();
    await page.goto(`${base}/examples/ats/`);
    await page.waitForFunction(() => customElements.get('interview-scorecard'));
    await add(page, 'w', { theme, autosave: 'off' });
    const result = await page.evaluate(async (theme) => {
      const { mount } = await import('/scorecard-element.js');
      const el = document.createElement('div');
      el.className = `sc-theme-${theme}`;
      document.body.append(el);
      mount(el, { autosave: false });
      // Shown once the stylesheet mount() added has loaded.
      await new Promise((ok) => { const t = () => (el.querySelector('.sc-app') && getComputedStyle(el).visibility === 'visible' ? ok() : requestAnimationFrame(t)); t(); });
      const inner = document.getElementById('w').shadowRoot.querySelector('.sc-app');
      // mount() has no shadow root, and this host page's hostile CSS paints its divs: read the token.
      return [getComputedStyle(inner).backgroundColor, getComputedStyle(inner).colorScheme, getComputedStyle(el).getPropertyValue('--sc-bg').trim()];
    }, theme);
    assert.deepEqual(result, [expected, theme, theme === 'dark' ? '#11151b' : '#f6f7f9'], `system ${system}, theme ${theme}`);
    await context.close();
  }
});

test('a listener that reads the widget while a switch tells it the last change gets the value, no error', async () => {
  const { context, page, errors } = await open();
  await add(page, 'w', { candidate: 'A', interviewer: 'G', autosave: 'off' });
  const heard = await page.evaluate(async () => {
    const el = document.getElementById('w');
    const heard = [];
    el.addEventListener('scorecard:change', (e) => {
      try { heard.push([e.detail.value.candidate.name, el.getValue().candidate.name]); } catch (err) { heard.push(String(err)); }
    });
    const release = holdPause();
    el.shadowRoot.querySelector('label[for$="technical_expertise-exceeds"]').click();
    await until(() => el.getValue().ratings.technical_expertise?.level === 'exceeds');
    const before = heard.length;
    el.setAttribute('candidate', 'B'); // within the pause: the change is told inside update()
    return { before, heard, paused: release() > 0 };
  });
  assert.deepEqual(heard, { before: 0, heard: [['A', 'A']], paused: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a value set just before a switch is saved as the scorer saves: no stale drafted marks, no blank draft', async () => {
  const { context, page } = await open();
  const key = 'scorecard:v1:draft:l4-senior-software-engineer:a:g';
  const stored = { format: 'interview-scorecard', version: 1, candidate: { name: 'A' }, interviewer: { name: 'G' }, ratings: { business_impact: { level: 'exceeds' } } };
  await page.evaluate(([key, doc]) => {
    localStorage.setItem(key, JSON.stringify(doc));
    localStorage.setItem('scorecard:v1:drafted/draft:l4-senior-software-engineer:a:g', 'business_impact');
  }, [key, stored]);
  await add(page, 'w', { candidate: 'A', interviewer: 'G' });
  await page.evaluate(() => {
    const el = document.getElementById('w');
    el.setValue({ format: 'interview-scorecard', version: 1, ratings: { business_impact: { level: 'meets', note: 'the host says meets' } } });
    el.setAttribute('candidate', 'B');
  });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="-candidate"]')?.value === 'B');
  assert.equal(await page.evaluate(() => localStorage.getItem('scorecard:v1:drafted/draft:l4-senior-software-engineer:a:g')), null, 'its drafted marks went with it');
  // Setting the card already shown changes nothing; a switch after it writes no draft for it.
  const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':b:g')));
  await page.evaluate(() => { const el = document.getElementById('w'); el.setValue(el.getValue()); });
  await page.evaluate(() => document.getElementById('w').setAttribute('candidate', 'C'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('input[id$="-candidate"]')?.value === 'C');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':b:g'))), before, 'no blank draft for B');
  await context.close();
});

test('readonly="false" is read-only, as on <input>, and the console says once how to make the element editable', async () => {
  const { context, page } = await open();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await add(page, 'w', { candidate: 'A', interviewer: 'G', autosave: 'off', readonly: 'False' });
  assert.ok(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('textarea').disabled), 'read-only');
  // Another "false" on the same element is not warned about again.
  await page.evaluate(() => document.getElementById('w').setAttribute('readonly', 'false'));
  await page.evaluate(() => document.getElementById('w').removeAttribute('readonly'));
  await page.waitForFunction(() => !document.getElementById('w').shadowRoot.querySelector('textarea').disabled);
  assert.deepEqual(warnings.filter((w) => w.includes('readonly')), [
    'interview-scorecard: readonly="false" is read-only too (any value is); remove the readonly attribute to make it editable',
  ]);
  await context.close();
});

test("a host's initial value is the card as opened: no change event and nothing saved until an edit", async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const value = { format: 'interview-scorecard', version: 1, candidate: { name: 'Cy' }, interviewer: { name: 'G' }, ratings: { business_impact: { level: 'exceeds', note: 'from the host' } } };
    const options = { candidate: 'Cy', interviewer: 'G', value };
    const stored = () => Object.keys(localStorage).filter((k) => k.includes(':cy:g'));
    let { el, handle } = await fresh(options);
    const heard = [];
    handle.on('scorecard:change', (d) => heard.push(d.value.ratings.technical_expertise?.level ?? null));
    // The on-demand module comes in after the mount's effects, a value's included.
    await until(() => el.querySelector('.sc-app[data-assist=ready]'));
    const opened = { stored: stored(), status: el.querySelector('[data-testid=save-status]').textContent };
    handle.destroy(); // tells a change still inside the typing pause at once
    const toldAtOpen = heard.splice(0);
    // Opened again, an edit is told and saved as usual.
    ({ el, handle } = await fresh(options));
    handle.on('scorecard:change', (d) => heard.push(d.value.ratings.technical_expertise?.level ?? null));
    await until(() => el.querySelector('label[for$="technical_expertise-meets"]'));
    el.querySelector('label[for$="technical_expertise-meets"]').click();
    await until(() => heard.length > 0);
    const draft = JSON.parse(localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:cy:g'));
    return { opened, toldAtOpen, heard, saved: [draft?.ratings.business_impact?.note, draft?.ratings.technical_expertise?.level] };
  });
  assert.deepEqual(result.opened, { stored: [], status: 'Not saved yet' });
  assert.deepEqual(result.toldAtOpen, []);
  assert.deepEqual(result.heard, ['meets']);
  assert.deepEqual(result.saved, ['from the host', 'meets']);
  await context.close();
});

test('opening a saved draft is no change: no scorecard:change and nothing written until an edit, on mount, a switch or autosave turned on', async () => {
  const { context, page } = await open();
  const result = await page.evaluate(async () => {
    const doc = (name, level) => ({ format: 'interview-scorecard', version: 1, candidate: { name }, interviewer: { name: 'G' },
      ratings: { business_impact: { level, note: `${name}'s draft` } } });
    for (const [name, level] of [['Cy', 'exceeds'], ['Di', 'meets'], ['Ed', 'exceeds']]) {
      localStorage.setItem(`scorecard:v1:draft:l4-senior-software-engineer:${name.toLowerCase()}:g`, JSON.stringify(doc(name, level)));
    }
    const storage = () => JSON.stringify(Object.entries(localStorage).sort());
    const stored = storage();
    const note = (el) => el.querySelector('textarea[id$="business_impact-note"]')?.value;
    // A card on screen is saved (autosave) and reported to the widget by the effects of the
    // render that shows it, which Yew may run in a later task: two frames on, they have run. A
    // change reported waits for the typing pause; a switch of card, or destroy(), tells it at once.
    const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const heard = [];
    // Restored on mount.
    const { el, handle } = await fresh({ candidate: 'Cy', interviewer: 'G' });
    handle.on('scorecard:change', (d) => heard.push(d.value.candidate.name));
    await until(() => el.querySelector('.sc-app[data-assist=ready]') && note(el) === "Cy's draft");
    await frames();
    const opened = [storage() === stored, el.querySelector('[data-testid=save-status]').textContent];
    // Restored on a switch of candidate; and on switching back.
    handle.update({ candidate: 'Di' });
    opened.unshift(heard.splice(0));
    await until(() => note(el) === "Di's draft");
    await frames();
    const switched = [storage() === stored];
    handle.update({ candidate: 'Cy' });
    switched.unshift(heard.splice(0));
    await until(() => note(el) === "Cy's draft");
    // Restored when the host turns autosave on before anything is typed.
    const other = await fresh({ candidate: 'Ed', interviewer: 'G', autosave: false });
    other.handle.on('scorecard:change', (d) => heard.push(d.value.candidate.name));
    await until(() => other.el.querySelector('.sc-card'));
    other.handle.update({ autosave: true });
    await until(() => note(other.el) === "Ed's draft");
    await frames();
    const turnedOn = [storage() === stored, other.handle.getValue().ratings.business_impact?.level];
    other.handle.destroy();
    turnedOn.unshift(heard.splice(0));
    // An edit is told and saved as usual.
    el.querySelector('label[for$="technical_expertise-meets"]').click();
    await until(() => heard.length > 0);
    const draft = JSON.parse(localStorage.getItem('scorecard:v1:draft:l4-senior-software-engineer:cy:g'));
    handle.destroy();
    return { opened, switched, turnedOn, heard, saved: [draft.ratings.business_impact.note, draft.ratings.technical_expertise?.level] };
  });
  assert.deepEqual(result.opened, [[], true, 'Saved in this browser']);
  assert.deepEqual(result.switched, [[], true]);
  assert.deepEqual(result.turnedOn, [[], true, 'exceeds']);
  assert.deepEqual(result.heard, ['Cy']);
  assert.deepEqual(result.saved, ["Cy's draft", 'meets']);
  await context.close();
});
