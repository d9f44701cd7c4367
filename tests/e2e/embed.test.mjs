// End-to-end: the widget embedded in an ATS-like host page with hostile global CSS and a strict
// Content-Security-Policy, as a custom element, through mount(), and in an iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, submit } from './browser.mjs';

let a, b, browser;
before(async () => {
  a = await startServer('dist');
  b = await startServer('dist'); // a second origin (another port), for the iframe tests
  browser = await launch();
});
after(async () => {
  await browser?.close();
  a?.server.close();
  b?.server.close();
});

async function open(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); if (m.type() === 'warning') warnings.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { context, page, errors, warnings, requests };
}

const events = (page, name, source) =>
  page.evaluate(([name, source]) => window.scorecardEvents.filter((e) => e.name === name && (!source || e.source === source)), [name, source]);

test('two widgets render and score independently under a strict CSP', async () => {
  const { context, page, errors, requests } = await open(`${a.url}/examples/ats/`);
  await page.waitForFunction(() => ['first', 'second'].every((id) => document.getElementById(id)?.shadowRoot?.querySelectorAll('.sc-card').length === 6));
  await page.waitForFunction(() => window.scorecardEvents.filter((e) => e.name === 'scorecard:ready').length === 2);

  const first = page.locator('#first');
  const second = page.locator('#second');
  for (const cap of ['technical_expertise', 'project_ownership', 'business_impact', 'communication_collaboration']) {
    await first.locator(`label[for$="-${cap}-meets"]`).click();
  }
  await page.waitForFunction(() => document.getElementById('first').shadowRoot.querySelector('[data-testid=decision]').textContent === 'Hire at L4');
  assert.equal(await second.locator('[data-testid=decision]').textContent(), 'Insufficient evidence');
  assert.equal(await second.locator('input[id$="-candidate"]').inputValue(), 'Ada Lovelace');
  assert.equal(await second.locator('input[id$="-interviewer"]').inputValue(), 'Edsger Dijkstra');
  // The committee view belongs to the widget's own site, not to the host's page.
  assert.equal(await first.locator('a', { hasText: 'Hiring committee view' }).count(), 0);

  // A debounced change event reached the host with the document and its recommendation.
  await page.waitForFunction(() => window.scorecardEvents.some((e) => e.name === 'scorecard:change' && e.source === 'first'
    && e.detail.recommendation.decision === 'hire'));
  const change = (await events(page, 'scorecard:change', 'first')).at(-1);
  assert.equal(change.detail.value.format, 'interview-scorecard');
  assert.equal(change.detail.value.ratings.business_impact.level, 'meets');
  assert.equal(change.detail.recommendation.level, 'L4');
  assert.equal((await events(page, 'scorecard:change', 'second')).length, 0, 'the other widget stayed quiet');

  await submit(first);
  await page.waitForFunction(() => window.scorecardEvents.some((e) => e.name === 'scorecard:submit'));
  const submitted = (await events(page, 'scorecard:submit'))[0];
  assert.equal(submitted.source, 'first');
  assert.match(submitted.detail.value.submitted_at, /^\d{4}-\d\d-\d\dT/);

  assert.deepEqual(errors, [], 'no console errors (a CSP violation would be one)');
  assert.ok(requests.every((u) => u.startsWith(a.url)), 'no request leaves the origin');
  await context.close();
});

test("the host page's CSS does not change the widget's computed styles", async () => {
  const probe = () => {
    const root = document.getElementById('first')?.shadowRoot ?? document;
    const pick = (sel, props) => {
      const cs = getComputedStyle(root.querySelector(sel));
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    return {
      app: pick('.sc-app', ['display', 'font-family', 'color', 'line-height', 'text-transform', 'letter-spacing']),
      title: pick('.sc-card__title', ['font-family', 'font-size', 'color', 'text-transform']),
      label: pick('.sc-field__label', ['display', 'font-family']),
      input: pick('.sc-field__input', ['border-top-style', 'padding-left', 'box-sizing']),
      card: pick('.sc-card', ['display', 'padding-left', 'border-left-style', 'background-color']),
    };
  };
  const embedded = await open(`${a.url}/examples/ats/`);
  await embedded.page.waitForFunction(() => document.getElementById('first')?.shadowRoot?.querySelector('.sc-card'));
  const inHost = await embedded.page.evaluate(probe);
  const standalone = await open(`${a.url}/`);
  await standalone.page.waitForSelector('.sc-card');
  const alone = await standalone.page.evaluate(probe);
  assert.deepEqual(inHost, alone);
  assert.doesNotMatch(inHost.app['font-family'], /Comic/);
  await embedded.context.close();
  await standalone.context.close();
});

test('setValue/getValue round-trip, attributes update, bad values are refused', async () => {
  const { context, page } = await open(`${a.url}/examples/ats/`);
  await page.waitForFunction(() => document.getElementById('second')?.widget);
  const doc = {
    format: 'interview-scorecard', version: 1,
    rubric: { id: 'l4-senior-software-engineer', version: 1 },
    candidate: { name: 'Ada Lovelace' }, interviewer: { name: 'Edsger Dijkstra' },
    interview: { step: 'Coding', date: '2026-11-25' },
    ratings: { technical_expertise: { level: 'exceeds', note: 'Wrote a <b>lock-free</b> queue' } },
    observations: [], submitted_at: null,
  };
  const back = await page.evaluate((doc) => { const el = document.getElementById('second'); el.setValue(doc); return el.getValue(); }, doc);
  assert.deepEqual(back, doc);
  const second = page.locator('#second');
  await page.waitForFunction(() => document.getElementById('second').shadowRoot.querySelector('input[id$="technical_expertise-exceeds"]').checked);
  assert.equal(await second.locator('textarea[id$="technical_expertise-note"]').inputValue(), 'Wrote a <b>lock-free</b> queue');

  const err = await page.evaluate(() => {
    try { document.getElementById('second').setValue({ format: 'interview-scorecard', version: 1, ratings: { typing: { level: 'meets' } } }); return null; }
    catch (e) { return e.message; }
  });
  assert.match(err, /ratings\.typing: unknown capability/);
  assert.ok((await events(page, 'scorecard:error', 'second')).some((e) => /ratings\.typing/.test(e.detail.message)));
  assert.ok(await page.evaluate(() => document.getElementById('second').getValue().ratings.technical_expertise.level === 'exceeds'), 'a refused value changes nothing');

  await page.evaluate(() => document.getElementById('second').setAttribute('candidate', 'Alan Turing'));
  await page.waitForFunction(() => document.getElementById('second').shadowRoot.querySelector('input[id$="-candidate"]').value === 'Alan Turing');
  await page.evaluate(() => document.getElementById('second').setAttribute('readonly', ''));
  await page.waitForFunction(() => document.getElementById('second').shadowRoot.querySelector('textarea').disabled);
  await context.close();
});

test('autosave and rubric attributes change a mounted element; removing rubric restores the default', async () => {
  const { context, page, errors } = await open(`${a.url}/examples/ats/`);
  await page.evaluate(() => {
    const el = document.createElement('interview-scorecard');
    el.id = 'third';
    el.setAttribute('candidate', 'Barbara Liskov');
    el.setAttribute('interviewer', 'Alan Kay');
    el.setAttribute('autosave', 'off');
    el.setAttribute('rubric', '/examples/ats/sre-rubric.json');
    document.body.append(el);
  });
  const third = page.locator('#third');
  const status = third.locator('[data-testid=save-status]');
  const titles = () => third.locator('.sc-card__title').allTextContents();
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('barbara liskov')));
  await page.waitForFunction(() => document.getElementById('third')?.shadowRoot?.querySelectorAll('.sc-card').length === 2);
  assert.deepEqual(await titles(), ['Operations', 'Automation']);
  assert.equal(await status.textContent(), 'Autosave is off');

  // Turned on: the card is saved at once, and the status says so.
  await page.evaluate(() => document.getElementById('third').setAttribute('autosave', 'on'));
  await page.waitForFunction(() => document.getElementById('third').shadowRoot.querySelector('[data-testid=save-status]').textContent === 'Saved in this browser');
  assert.equal((await stored()).filter((k) => k.includes(':draft:')).length, 1);
  // Turned off again: said, and what was saved stays.
  await page.evaluate(() => document.getElementById('third').setAttribute('autosave', 'off'));
  await page.waitForFunction(() => document.getElementById('third').shadowRoot.querySelector('[data-testid=save-status]').textContent === 'Autosave is off');
  assert.equal((await stored()).filter((k) => k.includes(':draft:')).length, 1);

  // The rubric attribute removed: back to the embedded L4 rubric (it fetched ".../null" before).
  await page.evaluate(() => document.getElementById('third').removeAttribute('rubric'));
  await page.waitForFunction(() => document.getElementById('third').shadowRoot.querySelectorAll('.sc-card').length === 6);
  assert.equal((await titles())[0], 'Technical Expertise');
  assert.deepEqual(await events(page, 'scorecard:error', 'third'), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('mount() handle: on/off and destroy remove the widget and its listeners', async () => {
  const { context, page } = await open(`${a.url}/examples/ats/`);
  const result = await page.evaluate(async () => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { candidate: 'Grace', interviewer: 'Barbara', autosave: false });
    const heard = [];
    const onChange = (d) => heard.push(d.recommendation.decision);
    handle.on('scorecard:change', onChange);
    const end = performance.now() + 30000;
    const wait = (cond) => new Promise((ok, no) => {
      const tick = () => (cond() ? ok() : performance.now() > end ? no(new Error(`not met in 30 s: ${cond}`)) : requestAnimationFrame(tick));
      tick();
    });
    await wait(() => el.querySelector('.sc-card'));
    el.querySelector('label[for$="technical_expertise-meets"]').click();
    await wait(() => heard.length === 1);
    handle.off('scorecard:change', onChange);
    el.querySelector('label[for$="project_ownership-meets"]').click();
    // The change is in the card (and waiting for the pause in typing, or told): destroy() tells a
    // waiting change at once, so a listener still on would have heard it by the line after.
    await wait(() => handle.getValue().ratings.project_ownership?.level === 'meets');
    const value = handle.getValue().candidate;
    handle.destroy();
    const afterOff = heard.length;
    let refused = null;
    try { handle.getValue(); } catch (e) { refused = e.message; }
    return { afterOff, empty: el.childElementCount === 0, themed: el.classList.contains('sc-theme'), value, refused };
  });
  assert.equal(result.afterOff, 1, 'off() stops the callback');
  assert.ok(result.empty, 'destroy() empties the element');
  assert.ok(!result.themed, 'destroy() takes its class off the element');
  assert.deepEqual(result.value, { name: 'Grace' }, 'getValue reflects the options from mount on');
  assert.match(result.refused, /destroyed/, 'a destroyed handle refuses calls');
  await context.close();
});

test('iframe mode trusts the origins its deployment lists, not those the framing page writes in its address', async () => {
  // A page on origin B frames the widget (on A) naming itself in ?origins=: it hears nothing
  // (no stored draft, no change) and cannot set a value.
  const claim = `${b.url}/examples/ats/iframe.html?widget=${encodeURIComponent(a.url)}&allow=${encodeURIComponent(b.url)}`;
  const bad = await open(claim);
  const frame = bad.page.frameLocator('iframe');
  await frame.locator('.sc-card').first().waitFor();
  const frameWarnings = () => bad.warnings.filter((w) => w.includes('is not among the origins this deployment trusts'));
  await bad.page.evaluate(() => window.sendToWidget({ type: 'scorecard:setValue', value: { format: 'interview-scorecard', version: 1, ratings: { business_impact: { level: 'exceeds' } } } }));
  await frame.locator('input[id$="technical_expertise-meets"]').check();
  // The widget posts scorecard:ready on the turn after it mounts, before the card is even
  // saved: to every trusted origin, of which B is not one.
  await frame.locator('[data-testid=save-status]', { hasText: 'Saved in this browser' }).waitFor();
  assert.ok(frameWarnings().length > 0, `the refused entry is named: ${bad.warnings}`);
  assert.equal(await frame.locator('input[id$="business_impact-exceeds"]').isChecked(), false, "B's message changed nothing");
  assert.deepEqual(await bad.page.evaluate(() => window.received), [], 'nothing is posted to B');
  await bad.context.close();

  // The same page once the deployment lists B (SCORECARD_ORIGINS at build time writes this meta).
  const good = await open('about:blank');
  await good.context.route(`${a.url}/index.html*`, async (route) => {
    const res = await route.fetch();
    // What scripts/build.sh does with SCORECARD_ORIGINS.
    const body = (await res.text()).replace(/<meta[^>]*name="?scorecard-origins"?[^>]*>/, `<meta name="scorecard-origins" content="${b.url}">`);
    await route.fulfill({ response: res, body });
  });
  await good.page.goto(claim);
  await good.page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  await good.context.close();
});

test('mount() takes a rubric by same-origin URL, refuses other origins in the element, and hosts can theme it', async () => {
  const { context, page, requests } = await open(`${a.url}/examples/ats/`);
  const result = await page.evaluate(async ([other]) => {
    const { mount, ready } = await import('/scorecard-element.js');
    await ready;
    // examples/ats/sre-rubric.json: a second ladder, served from this origin.
    const el = document.createElement('div');
    el.style.setProperty('--sc-accent', 'rgb(200, 0, 100)');
    document.body.append(el);
    const handle = await mount(el, { rubric: '/examples/ats/sre-rubric.json', autosave: false });
    const wait = (cond) => new Promise((ok, fail) => {
      const t0 = performance.now();
      const tick = () => (cond() ? ok() : performance.now() - t0 > 30000 ? fail(new Error(`timed out waiting for ${cond}`)) : requestAnimationFrame(tick));
      tick();
    });
    // Hidden until its stylesheet has loaded (no flash of an unstyled widget), then styled.
    await wait(() => el.querySelector('.sc-card') && getComputedStyle(el).visibility === 'visible');
    const titles = [...el.querySelectorAll('.sc-card__title')].map((h) => h.textContent);
    const accent = getComputedStyle(el.querySelector('.sc-button.sc-m-primary')).backgroundColor;
    handle.destroy();
    // Another origin is not fetched: the element says so, as for any rubric that cannot be loaded.
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    let told = null;
    elsewhere.addEventListener('scorecard:error', (e) => { told = e.detail.message; });
    await mount(elsewhere, { rubric: other + '/x.json' });
    await wait(() => elsewhere.querySelector('.sc-notice') && told);
    const refused = elsewhere.querySelector('.sc-notice').textContent;
    return { titles, accent, refused, told };
  }, [b.url]);
  assert.deepEqual(result.titles, ['Operations', 'Automation']);
  assert.equal(result.accent, 'rgb(200, 0, 100)', 'a host sets --sc-accent and the widget follows');
  // The interviewer is told what happened; the host hears why.
  assert.match(result.refused, /^This scorecard cannot open: the rubric this page gave it could not be read\./);
  assert.match(result.told, /^The rubric could not be loaded: rubric URL .*\/x\.json is not on this page's origin$/);
  assert.deepEqual(requests.filter((u) => u.startsWith(b.url)), [], 'nothing was asked of the other origin');
  await context.close();
});

test('iframe mode talks only to allowed origins', async () => {
  // Allowed: host and widget on origin A, the widget trusts A.
  const ok = await open(`${a.url}/examples/ats/iframe.html`);
  await ok.page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:ready'));
  await ok.page.evaluate(() => window.sendToWidget({ type: 'scorecard:setValue', value: { format: 'interview-scorecard', version: 1, ratings: { business_impact: { level: 'exceeds', note: 'from host' } } } }));
  await ok.page.evaluate(() => window.sendToWidget({ type: 'scorecard:getValue' }));
  await ok.page.waitForFunction(() => window.received.some((m) => m.type === 'scorecard:value' && m.detail.value.ratings.business_impact?.level === 'exceeds'));
  await ok.context.close();

  // Foreign: the host is on origin B but the widget (on A) trusts only A; B's message is ignored.
  const bad = await open(`${b.url}/examples/ats/iframe.html?widget=${encodeURIComponent(a.url)}&allow=${encodeURIComponent(a.url)}`);
  const frame = bad.page.frameLocator('iframe');
  await frame.locator('.sc-card').first().waitFor();
  // The widget warns in the handler that ignores the message: once the warning is in, the
  // message has had its chance to change the card.
  const ignored = 'ignored a message from ' + new URL(b.url).origin;
  const warned = bad.page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().includes(ignored));
  await bad.page.evaluate(() => window.sendToWidget({ type: 'scorecard:setValue', value: { format: 'interview-scorecard', version: 1, ratings: { business_impact: { level: 'exceeds' } } } }));
  await warned;
  assert.ok(bad.warnings.some((w) => w.includes(ignored)), `reported: ${bad.warnings}`);
  assert.equal(await frame.locator('input[id$="business_impact-exceeds"]').isChecked(), false, 'the foreign message changed nothing');
  assert.deepEqual(await bad.page.evaluate(() => window.received), [], 'nothing is posted to an origin outside the allow-list');
  await bad.context.close();
});

test('on a host page in windows-1252, the widget shows its level marks and save tick, not mojibake', async () => {
  // Older applicant tracking systems serve their pages in windows-1252; a stylesheet that names
  // no encoding is read in the page's, so a "○" written as UTF-8 in it would show as "â—‹".
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/legacy.html', (route) => route.fulfill({
    contentType: 'text/html; charset=windows-1252',
    body: Buffer.from('<!doctype html><html><head><title>ATS</title><script type="module" src="/scorecard-element.js"></script></head>'
      + '<body><interview-scorecard id="w" candidate="Ada Lovelace" interviewer="Grace Hopper" step="Coding"></interview-scorecard></body></html>', 'latin1'),
  }));
  // Served as many servers do, as text/css with no charset.
  await page.route('**/scorecard.css', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'text/css' } });
  });
  await page.goto(`${a.url}/legacy.html`);
  assert.equal(await page.evaluate(() => document.characterSet), 'windows-1252');
  await page.waitForFunction(() => document.getElementById('w')?.shadowRoot?.querySelectorAll('.sc-card').length === 6);
  await page.locator('#w label[for$="-technical_expertise-meets"]').click();
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('[data-testid=save-status]')?.textContent.startsWith('Saved'));
  const marks = await page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    const before = (sel) => getComputedStyle(root.querySelector(sel), '::before').content;
    return {
      chosen: before('input[id$="-technical_expertise-meets"] + .sc-option__label .sc-option__level'),
      open: before('input[id$="-technical_expertise-exceeds"] + .sc-option__label .sc-option__level'),
      saved: before('[data-testid=save-status]'),
    };
  });
  // Chromium reports the alternative text ("" here) after the content: the mark is the first string.
  assert.match(marks.chosen, /^"\u25CF"/);
  assert.match(marks.open, /^"\u25CB"/);
  assert.match(marks.saved, /^"\u2713 "/);
  await context.close();
});
