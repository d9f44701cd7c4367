// End-to-end: names without a space to break at (200 letters, within the documents' limits) and
// e-mail addresses as interviewer names wrap instead of widening the page, in the committee view
// (on a phone, on a desktop, and on paper) and in the scorer. Wide tables may scroll inside their
// own box; the page never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, launch, observe, openScorer, submit } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const LONG = 'L' + 'o'.repeat(198) + 'g';
const W = 'W'.repeat(200);
const S = 'S'.repeat(200);
const EMAIL = 'alexandra.konstantinopoulou@recruiting.example.com';
const CAPS = ['technical_expertise', 'project_ownership', 'business_impact', 'communication_collaboration', 'mentorship_support', 'leadership_process'];

/** A submitted scorecard rating every capability, each with a note, and one observation. */
const card = (candidate, interviewer, step, note) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
  candidate: { id: `c-${candidate.slice(0, 8).toLowerCase()}`, name: candidate }, interviewer: { id: interviewer.slice(0, 40).toLowerCase(), name: interviewer },
  interview: { step, date: '2026-11-25' }, submitted_at: '2026-11-25T15:00:00Z',
  ratings: Object.fromEntries(CAPS.map((k, i) => [k, { level: i === 0 ? 'exceeds' : 'meets', note: `${note} on ${k}` }])),
  observations: [{ id: 'o1', text: `Designed ${'x'.repeat(300)}`, capability: 'technical_expertise', level: 'exceeds', source: 'interviewer' }],
});
const PANEL = [
  card(LONG, W, S, W),
  card('Maximiliane Wolfeschlegelsteinhausenbergerdorff', EMAIL, 'Coding', 'Jane Doe'),
  card('Maximiliane Wolfeschlegelsteinhausenbergerdorff', 'Raj Patel', 'System design', 'Raj Patel'),
];

/** How far the page is wider than its viewport, and what sticks out (for the message). */
const overflow = (page) => page.evaluate(() => {
  const root = document.documentElement;
  const out = [...document.querySelectorAll('body *')]
    .filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > root.clientWidth + 1 && !e.closest('.sc-table-wrap, .sc-visually-hidden'))
    .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  return { by: root.scrollWidth - root.clientWidth, out };
});

/**
 * Each word of the names matching `selector` in `box` (a locator): the lines it is drawn on, and
 * how wide it is on one line. A word ends at a space, or after a hyphen, where a line may break.
 */
const nameWords = (box, selector) => box.evaluate((w, selector) => [...w.querySelectorAll(selector)].flatMap((name) => {
  const text = name.firstChild;
  return [...text.data.matchAll(/[^\s-]+-?/g)].map((m) => {
    const range = document.createRange();
    range.setStart(text, m.index);
    range.setEnd(text, m.index + m[0].length);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    const probe = name.appendChild(document.createElement('span'));
    probe.style.cssText = 'position: absolute; white-space: nowrap';
    probe.textContent = m[0];
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return { word: m[0].slice(0, 20), lines, width: Math.round(width) };
  });
}), selector);

async function openPanel(page) {
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-paste');
  await page.getByRole('textbox', { name: 'Paste' }).fill(PANEL.map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /3 counted, 2 candidates/.test(document.querySelector('[data-testid=load-status]').textContent));
}

for (const width of [360, 1280]) {
  test(`at ${width} px, long names and e-mail addresses wrap in the committee view: the page does not scroll sideways`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await openPanel(page);
    for (const name of [LONG, 'Maximiliane Wolfeschlegelsteinhausenbergerdorff']) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.waitForFunction((n) => document.querySelector('#scc-cand')?.textContent === n, name);
      // Every disclosure open: who said what, and each heat-map cell's note and observation.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const { by, out } = await overflow(page);
      assert.ok(by <= 0, `${name.slice(0, 12)}…: the page is ${by} px wider than the viewport (${out.join(', ')})`);
      if (width === 1280) {
        // On a desktop both tables fit their box: no column is pushed out of view.
        for (const wrap of await page.locator('.sc-table-wrap').all()) {
          const [scroll, client] = await wrap.evaluate((w) => [w.scrollWidth, w.clientWidth]);
          assert.ok(scroll <= client, `${await wrap.getAttribute('aria-label')}: ${scroll} px in a box of ${client}`);
        }
      }
    }
    const across = await page.locator('[data-testid=interviewers]').textContent();
    assert.ok(across.includes(W) && across.includes(EMAIL), across);
    await context.close();
  });
}

/** Serves /host-N.html on `page`: a host page with the widget in a box N px wide (the widget
 *  itself is at most 1200 px wide). */
function hostBoxes(page) {
  const host = (width) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <script type="module" src="/scorecard-element.js"></script></head>
    <body style="margin: 0"><div style="width: ${width}px"><interview-scorecard></interview-scorecard></div></body></html>`;
  return page.route('**/host-*.html', (route) => route.fulfill({ body: host(Number(route.request().url().match(/host-(\d+)/)[1])), contentType: 'text/html' }));
}

test('printed, every candidate with a long name shows the whole comparison and fits the page', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 1100 } });
  const page = await context.newPage();
  await openPanel(page);
  // The browser's print as the view sees it (see committee-print.test.mjs).
  await page.evaluate(() => { window.print = () => window.dispatchEvent(new Event('beforeprint')); });
  await page.getByRole('button', { name: 'Print all candidates' }).click();
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('[data-testid=print-packet] .sc-committee__candidate');
  const { by, out } = await overflow(page);
  assert.ok(by <= 0, `the printed page is ${by} px wider than the paper (${out.join(', ')})`);
  // Every table, the comparison's last column included, ends within the paper's width.
  const rights = await page.locator('.sc-table').evaluateAll((ts) => ts.filter((t) => t.checkVisibility()).map((t) => t.getBoundingClientRect().right));
  const paper = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(rights.length >= 3 && rights.every((r) => r <= paper), `tables end at ${rights} on ${paper} px`);
  await context.close();
});

for (const width of [360, 1280]) {
  test(`at ${width} px, the scorer wraps long names and observations, in the card and in "Your scorecards"`, async () => {
    const { context, page, errors } = await openScorer(browser, base, { viewport: { width, height: 900 } });
    await page.getByLabel('Candidate', { exact: true }).fill(LONG);
    await page.getByLabel('Interviewer', { exact: true }).fill(W);
    await page.getByLabel('Interview step').fill(S);
    await observe(page, `Designed ${'x'.repeat(400)}`);
    await page.click('label[for="sc-technical_expertise-meets"]');
    await page.fill('#sc-technical_expertise-note', 'N'.repeat(400));
    await submit(page);
    await page.waitForSelector('[data-testid=submitted]');
    await page.locator('summary', { hasText: 'Your scorecards' }).click();
    await page.waitForSelector('.sc-saved__item');
    const { by, out } = await overflow(page);
    assert.ok(by <= 0, `the page is ${by} px wider than the viewport (${out.join(', ')})`);
    // The list scrolls up and down, never sideways: each saved card's names wrap in its row.
    const lists = await page.locator('.sc-saved__list, .sc-saved__item').evaluateAll((es) => es.map((e) => [e.className, e.scrollWidth, e.clientWidth]));
    for (const [name, scroll, client] of lists) assert.ok(scroll <= client, `${name}: ${scroll} px in a box of ${client}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('at 360 px, the comparison keeps the candidates\' names in view while it scrolls sideways to the capabilities', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await openPanel(page);
  const wrap = page.getByRole('region', { name: 'Candidates side by side (scrolls sideways)' });
  // Scrolled to its far end, as to read the last capability's column.
  const where = await wrap.evaluate(async (w) => {
    w.scrollIntoView();
    w.scrollLeft = w.scrollWidth;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const box = w.getBoundingClientRect();
    return { scrolled: w.scrollLeft, box: box.left, names: [...w.querySelectorAll('tbody th')].map((th) => {
      // What is drawn at the name's place: the name's own cell, not a cell passing over it.
      const r = th.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + 4, r.top + 4);
      return { left: Math.round(r.left), own: th.contains(top) };
    }) };
  });
  assert.ok(where.scrolled > 100, `the table scrolls sideways (${where.scrolled} px)`);
  assert.equal(where.names.length, 2);
  for (const n of where.names) {
    assert.ok(Math.abs(n.left - where.box) <= 2, `the name's cell stays at the box's start (${n.left} px, the box at ${where.box})`);
    assert.ok(n.own, 'the name is on top of the cells scrolling under it');
  }

  // A name breaks between its words: inside one only when that word alone is wider than the
  // column may be (the QA pass saw "Maximilian|e" and "Konstantin|opoulou" in a column of 6em).
  await page.getByRole('textbox', { name: 'Paste' }).fill(JSON.stringify(card('Alexandra Konstantinopoulou', 'Raj Patel', 'Coding', 'Raj Patel')));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /4 counted, 3 candidates/.test(document.querySelector('[data-testid=load-status]').textContent));
  const words = await nameWords(wrap, 'tbody th .sc-button');
  const whole = words.filter((w) => w.width <= 0.4 * 360);
  assert.ok(whole.some((w) => w.word === 'Konstantinopoulou') && whole.some((w) => w.word === 'Maximiliane'), JSON.stringify(words));
  for (const w of whole) assert.equal(w.lines, 1, `"${w.word}" (${w.width} px) is on one line: ${JSON.stringify(words)}`);
  // One longer than the column may be still breaks, inside the box.
  assert.ok(words.some((w) => w.width > 0.45 * 360 && w.lines > 1), JSON.stringify(words));
  await context.close();
});

test('from phones to a half-screen window (360 to 760 px), the scorer\'s header shows a long name (27 characters) and the date whole in their fields', async () => {
  for (const [path, width] of [['/', 360], ['/examples/ats/', 360], ['/', 390], ['/examples/ats/', 430], ['/', 500], ['/examples/ats/', 540], ['/', 600], ['/', 760]]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(base + path);
    const root = path === '/' ? page : page.locator('interview-scorecard').first();
    const candidate = root.locator('input[id$="-candidate"], #sc-candidate').first();
    await candidate.waitFor();
    await candidate.fill('Alexandra Konstantinopoulou');
    const fields = await root.locator('.sc-header__fields input').evaluateAll((es) => es.map((e) => ({ id: e.id, type: e.type, scroll: e.scrollWidth, client: e.clientWidth, width: e.getBoundingClientRect().width })));
    assert.equal(fields.length, 4, path);
    for (const f of fields) {
      // A date field does not report its text's width: it needs about 150 px to show it whole.
      if (f.type === 'date') assert.ok(f.width >= 150, `${path} at ${width} px: the date field is ${f.width} px wide`);
      else if (f.id.endsWith('candidate')) assert.ok(f.scroll <= f.client, `${path} at ${width} px: the candidate's name needs ${f.scroll} px in a field of ${f.client}`);
    }
    await context.close();
  }
});

test('on a desktop (1100 to 1440 px), a crowded panel\'s names break between their words, in the comparison and the heat map', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-paste');
  // Eight interviewers for one candidate, three for two others: the QA pass saw
  // "Alexandrin|a" and "Vandenber|ghe" in the comparison at 1280 px.
  const people = ['Maximilian Oberhauser-Castellanos', 'Alexandrina Montgomery-Lee', 'Bartholomew Fitzgerald-Whitmore', 'Konstantin Papadopoulos',
    'Guinevere Llewellyn-Abernathy', 'Christopher Vandenberghe', 'Anastasia Wolkonskaja-Ivanova', 'Ferdinand Schwarzenegger'];
  const cards = [
    ...people.map((p, i) => card('Alexandrina Montgomery-Lee', p, `Architecture deep dive ${i + 1}`, p)),
    ...people.slice(0, 3).map((p) => card('Maximilian Oberhauser-Castellanos', p, 'Coding', p)),
    ...people.slice(2, 5).map((p) => card('Christopher Vandenberghe', p, 'Values', p)),
  ];
  await page.getByRole('textbox', { name: 'Paste' }).fill(cards.map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /14 counted, 3 candidates/.test(document.querySelector('[data-testid=load-status]').textContent));
  await page.getByRole('button', { name: 'Alexandrina Montgomery-Lee', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#scc-cand')?.textContent === 'Alexandrina Montgomery-Lee');
  for (const width of [1100, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const compare = await nameWords(page.getByRole('region', { name: 'Candidates side by side (scrolls sideways)' }), 'tbody th .sc-button');
    const heat = await nameWords(page.getByRole('region', { name: 'Ratings table (scrolls sideways)' }), 'thead bdi');
    assert.equal(compare.length, 8, JSON.stringify(compare));
    assert.ok(heat.length >= 24, JSON.stringify(heat));
    // Every word is narrower than a name may be (9.5em in the comparison, 16em in the heat map):
    // none needs to break.
    for (const w of [...compare, ...heat]) assert.equal(w.lines, 1, `at ${width} px, "${w.word}" (${w.width} px) is on one line: ${JSON.stringify([...compare, ...heat].filter((x) => x.lines > 1))}`);
  }
  await context.close();
});

test('on a desktop (1200 to 1440 px), the comparison shows long words of real names whole (up to some 13em) and still fits its box', async () => {
  // At 9.5em "Chandrasekhara|n" and "Schwarzenegge|r" broke at 1280 px, and the table still
  // scrolled by a few pixels.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-paste');
  const names = ['Venkatasubramanian Lakshminarayanan', 'Chandrasekharan Balasubramanian', 'Ada Byron', 'Wojciechowska Schwarzenegger'];
  const cards = names.flatMap((n) => ['Papadopoulou Konstantinopoulou', 'Raj Patel', 'Bartholomew Fitzgerald'].map((p) => card(n, p, 'Coding', p)));
  await page.getByRole('textbox', { name: 'Paste' }).fill(cards.map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /12 counted, 4 candidates/.test(document.querySelector('[data-testid=load-status]').textContent));
  const compare = page.getByRole('region', { name: 'Candidates side by side (scrolls sideways)' });
  for (const width of [1200, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const words = await nameWords(compare, 'tbody th .sc-button');
    assert.equal(words.length, 8, JSON.stringify(words));
    for (const w of words) assert.equal(w.lines, 1, `at ${width} px, "${w.word}" (${w.width} px) is on one line: ${JSON.stringify(words.filter((x) => x.lines > 1))}`);
    const [scroll, client] = await compare.evaluate((w) => [w.scrollWidth, w.clientWidth]);
    assert.ok(scroll <= client, `at ${width} px, the comparison is ${scroll} px in a box of ${client}`);
  }
  await context.close();
});

test('from a small laptop to 1200 px (992 to 1199 px) the comparison of six capabilities fits its box, with short names, long ones and one of 200 letters; from 360 px up the page never scrolls sideways', async () => {
  // Its ten columns needed some 1090 px: up to some 1190 px it scrolled sideways whatever the
  // names, and after that was fixed from 1025 px, still from 992 to 1024 px.
  const sweep = Array.from({ length: 22 }, (_, i) => 360 + i * 30);
  const fits = [992, 1000, 1010, 1024, 1025, 1040, 1080, 1120, 1160, 1190, 1199];
  // With scrollbars that take their width, as on Windows: from 992 to some 1004 px the long
  // names' comparison was 924 px in a box of 911 to 923, fitting only where scrollbars overlay.
  const withBars = await launch({ scrollbars: true });
  for (const names of [['Ada Byron', 'Bo Li', 'Cy Ng'], ['Venkatasubramanian Lakshminarayanan', 'Chandrasekharan Balasubramanian', 'Ada Byron', 'Wojciechowska Schwarzenegger'], [LONG, 'Ada Byron']]) {
    // (A context each: the view keeps the loaded set.)
    const context = await withBars.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + '/committee.html');
    await page.waitForSelector('#scc-paste');
    const cards = names.flatMap((n) => ['Papadopoulou Konstantinopoulou', 'Raj Patel'].map((p) => card(n, p, 'Coding', p)));
    await page.getByRole('textbox', { name: 'Paste' }).fill(cards.map((c) => JSON.stringify(c)).join('\n'));
    await page.getByRole('button', { name: 'Add pasted' }).click();
    await page.waitForFunction((n) => new RegExp(`${n} counted, ${n / 2} candidates`).test(document.querySelector('[data-testid=load-status]').textContent), cards.length);
    const compare = page.getByRole('region', { name: 'Candidates side by side (scrolls sideways)' });
    for (const width of [...sweep, ...fits]) {
      await page.setViewportSize({ width, height: 900 });
      const { by, out } = await overflow(page);
      assert.ok(by <= 0, `at ${width} px, with ${names[0].slice(0, 12)}, the page is ${by} px wider than the viewport (${out.join(', ')})`);
      if (width < 992) continue;
      const [scroll, client, page_] = await compare.evaluate((w) => [w.scrollWidth, w.clientWidth, document.documentElement.clientWidth]);
      assert.ok(page_ < width, `at ${width} px the page's scrollbar takes its width (the page is ${page_} px wide)`);
      assert.ok(scroll <= client, `at ${width} px, with ${names[0].slice(0, 12)}, the comparison is ${scroll} px in a box of ${client}`);
    }
    await context.close();
  }
  await withBars.close();
});

test('from 901 px to a desktop\'s 1440 px, the scorer\'s header shows long names (27 characters) whole, on its page and in a host\'s column', async () => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await context.newPage();
  await hostBoxes(page);
  const cases = [...[901, 960, 1040, 1124, 1200, 1440].map((w) => [`/host-${w}.html`, 1500]), ['/', 940], ['/', 1280], ['/', 1440]];
  for (const [path, viewport] of cases) {
    await page.setViewportSize({ width: viewport, height: 900 });
    await page.goto(base + path);
    const root = path === '/' ? page : page.locator('interview-scorecard');
    await root.locator('.sc-card').first().waitFor();
    await root.getByLabel('Candidate', { exact: true }).fill('Alexandra Konstantinopoulou');
    await root.getByLabel('Interviewer', { exact: true }).fill('Alexandrina Montgomery-Lee');
    const app = await root.locator('.sc-app').first().evaluate((e) => e.getBoundingClientRect().width);
    const fields = await root.locator('.sc-header__fields input').evaluateAll((es) => es.map((e) => ({ id: e.id, type: e.type, scroll: e.scrollWidth, client: e.clientWidth, width: e.getBoundingClientRect().width })));
    assert.equal(fields.length, 4, path);
    assert.ok(app > 900, `${path}: the widget is ${app} px wide`);
    for (const f of fields) {
      if (f.type === 'date') assert.ok(f.width >= 150, `${path} (${app} px): the date field is ${f.width} px wide`);
      else if (/(candidate|interviewer)$/.test(f.id)) assert.ok(f.scroll <= f.client, `${path} (${app} px): ${f.id} needs ${f.scroll} px in a field of ${f.client}`);
    }
  }
  await context.close();
});

test('from 600 px to a desktop, the scorer\'s header fields sit in full rows (two and two, or four): the date is never alone on a row', async () => {
  // From 872 to 1044 px, three fields a row left the date by itself under them.
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await context.newPage();
  await hostBoxes(page);
  const cases = [...[600, 760, 880, 901, 960, 1000, 1024, 1043, 1044, 1280].map((w) => ['/', w]), ['/host-920.html', 1500], ['/host-1000.html', 1500]];
  for (const [path, viewport] of cases) {
    await page.setViewportSize({ width: viewport, height: 900 });
    await page.goto(base + path);
    const root = path === '/' ? page : page.locator('interview-scorecard');
    await root.locator('.sc-card').first().waitFor();
    const tops = await root.locator('.sc-header__fields .sc-field').evaluateAll((es) => es.map((e) => Math.round(e.getBoundingClientRect().top)));
    const rows = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
    assert.ok(rows.length <= 2 && rows.every((n) => n === rows[0]), `${path} at ${viewport} px: the header's fields sit ${rows.join(' + ')}`);
  }
  await context.close();
});

test('in a phone\'s host column, the role\'s line wraps before its last word, never leaving "· L4" alone at the start of a line', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(base + '/examples/ats/');
  const role = page.locator('interview-scorecard').first().locator('.sc-header__role');
  await role.waitFor();
  const lines = await role.evaluate((p) => {
    const text = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('·'));
    const top = (from, to) => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      return Math.round(range.getClientRects()[0].top);
    };
    const dot = text.data.indexOf('·');
    return { text: text.data, first: top(0, 1), before: top(dot - 2, dot - 1), dot: top(dot, dot + 1) };
  });
  assert.ok(lines.first < lines.dot, `the line wraps in this column: ${JSON.stringify(lines)}`);
  assert.equal(lines.dot, lines.before, `"·" is on the line of the word before it: ${JSON.stringify(lines)}`);
  await context.close();
});
