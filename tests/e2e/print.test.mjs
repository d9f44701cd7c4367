// End-to-end: the print view of a full scorecard (six ratings with a note of a few sentences
// each, eight observations) is one Letter or A4 page, the recommendation first. Chromium prints
// it to PDF, and the pages are counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, observe, openScorer, submit } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const CAPS = ['technical_expertise', 'project_ownership', 'business_impact', 'communication_collaboration',
  'mentorship_support', 'leadership_process'];
const NOTE = 'Walked through a concrete example from their last role, with numbers: cut p99 latency from 900 ms to 250 ms '
  + 'by batching writes. Explained what they would do differently and why, and answered follow-ups on failure modes without prompting.';
const OBSERVATIONS = [
  'Designed a sharded job queue and explained the trade-offs between consistency and latency clearly',
  'Ran the quarter-long migration across three teams and kept a risk log that product reviewed weekly',
  'Struggled to explain why the cache invalidation was wrong; needed several hints',
  'Mentored two junior engineers through their first on-call rotations and set up a shadowing plan',
  'Pushed back on a feature that had no business case and proposed a cheaper experiment that product adopted',
  'Introduced a CI linting step that cut review time for the whole team',
  'Did not ask any clarifying questions before coding',
  'Wrote tests first and refactored when the edge case failed',
];

/** The number of pages in a PDF (each page object is typed /Page). */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('a full scorecard prints on one Letter or A4 page, the recommendation first', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await page.getByLabel('Candidate', { exact: true }).fill('Priya Raman');
  await page.getByLabel('Interviewer', { exact: true }).fill('Tom Becker');
  await page.getByLabel('Interview step').fill('System design');
  for (const o of OBSERVATIONS) await observe(page, o);
  for (const cap of CAPS) {
    await page.click(`label[for="sc-${cap}-meets"]`);
    await page.fill(`#sc-${cap}-note`, NOTE);
  }
  // Every observation is tagged to a card (untagged ones are not printed).
  await page.waitForFunction((n) => document.querySelectorAll('.sc-card .sc-obs').length === n, OBSERVATIONS.length);
  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');

  await page.emulateMedia({ media: 'print' });
  // A submitted card's fields are disabled, and print as content: black, not greyed out.
  for (const label of ['Candidate', 'Evidence for Technical Expertise']) {
    const style = await page.getByLabel(label, { exact: true }).evaluate((e) => [getComputedStyle(e).opacity, getComputedStyle(e).color]);
    assert.deepEqual(style, ['1', 'rgb(0, 0, 0)'], label);
  }
  const top = (sel) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(await top('.sc-rec') < await top('.sc-card'), 'the recommendation comes before the cards');
  for (const format of ['Letter', 'A4']) {
    // The page's own margins (@page), and the browser's usual ones.
    for (const margin of [undefined, { top: '0.4in', bottom: '0.4in', left: '0.4in', right: '0.4in' }]) {
      assert.equal(pages(await page.pdf({ format, margin })), 1, `${format}, ${margin ? '0.4in margins' : 'its own margins'}`);
    }
  }
  await context.close();
});

test("printed from a host's narrow column (a sidebar), the header's names and date and the recommendation's facts are whole", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  // A host page with the widget in a side column of 300, 400 or 600 px, beside its own content.
  const host = (width, candidate, step) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <script type="module" src="/scorecard-element.js"></script></head>
    <body style="margin: 0"><div style="display: flex"><main style="flex: 1">Candidate profile</main>
    <aside style="width: ${width}px; flex: none"><interview-scorecard candidate="${candidate}" interviewer="Grace Brewster Hopper" step="${step}"></interview-scorecard></aside>
    </div></body></html>`;
  // (At 300 px a longer name too: the header is one field a row there. And a step longer than
  // the column: cut in its own field, never pushing the row past the column.)
  const longStep = 'System design and architecture deep dive with the hiring manager (platform)';
  for (const [width, candidate, step = 'System design'] of [[300, 'Ada Lovelace-Byron'], [300, 'Alexandra Konstantinopoulou'], [300, 'Ada Lovelace-Byron', longStep], [400, 'Ada Lovelace-Byron'], [600, 'Ada Lovelace-Byron']]) {
    await page.route('**/sidebar.html', (route) => route.fulfill({ body: host(width, candidate, step), contentType: 'text/html' }));
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${base}/sidebar.html`);
    await page.waitForFunction(() => document.querySelector('interview-scorecard')?.shadowRoot?.querySelectorAll('.sc-card').length === 6);
    await page.emulateMedia({ media: 'print' });
    const clipped = await page.evaluate(() => {
      const root = document.querySelector('interview-scorecard').shadowRoot;
      // A field prints as wide as its content (field-sizing) where it has the room: a copy of it
      // out of the layout is that wide. Shown narrower, it is cut (the date's text included). A
      // name or step prints as text, which is cut if it has to wrap.
      const cut = (e) => {
        if (e.localName !== 'input') return e.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(e).lineHeight);
        const copy = e.cloneNode();
        copy.value = e.value;
        copy.style.cssText = 'position: absolute; width: auto; max-width: none';
        e.closest('.sc-app').append(copy);
        const whole = copy.getBoundingClientRect().width;
        copy.remove();
        return e.getBoundingClientRect().width + 1 < whole;
      };
      const drawn = [...root.querySelectorAll('.sc-header__fields :is(input, .sc-field__print)')].filter((e) => e.checkVisibility());
      const fields = drawn.filter((e) => (e.value ?? e.textContent).length < 40 && cut(e)).map((e) => e.parentNode.querySelector('input').id);
      if (drawn.length !== 4) fields.push(`${drawn.length} fields drawn`);
      const edge = document.querySelector('aside').getBoundingClientRect().right + 1;
      fields.push(...[...root.querySelectorAll('.sc-header__fields .sc-field')].filter((e) => e.getBoundingClientRect().right > edge).map((e) => `${e.textContent} past the column`));
      const facts = [...root.querySelectorAll('.sc-rec__facts dt, .sc-rec__facts dd')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent);
      return [...fields, ...facts];
    });
    assert.deepEqual(clipped, [], `${width} px, ${candidate}: nothing cut`);
    await page.unroute('**/sidebar.html');
  }
  await context.close();
});

/** The scorer in a window as wide as a page's text (`width`), its header's three names typed. */
async function named(width, candidate, interviewer, step) {
  const opened = await openScorer(browser, base, { viewport: { width, height: 1000 } });
  await opened.page.getByLabel('Candidate', { exact: true }).fill(candidate);
  await opened.page.getByLabel('Interviewer', { exact: true }).fill(interviewer);
  await opened.page.getByLabel('Interview step').fill(step);
  return opened;
}

/**
 * Each header field as drawn (on paper once print is emulated): its label, how many of its
 * boxes show its value, and whether one is cut (wider than its box, or past the page's edge).
 */
const printedHeader = (page) => page.evaluate(() => {
  const edge = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.sc-header__fields .sc-field')].map((field) => {
    const input = field.querySelector('input');
    const shown = [...field.querySelectorAll('*')].filter((e) => e !== field.querySelector('label') && e.checkVisibility()
      && (e === input || (input.value !== '' && e.textContent === input.value)));
    const cut = shown.some((e) => e.scrollWidth > e.clientWidth || e.getBoundingClientRect().right > edge + 0.5);
    return { label: field.querySelector('label').textContent, drawn: shown.length, cut, tags: shown.map((e) => e.localName).join() };
  });
});

test('printed, an unbroken name of 80 letters wraps in its header field; on screen the field alone shows it, as the accessibility tree does', async () => {
  // An input's value cannot wrap: on paper it was cut at the field's edge (80 W need some 950
  // px at 9pt; A4 has 703 between its margins).
  const LONG = 'W'.repeat(80);
  for (const width of [703, 725]) {
    const { context, page } = await named(width, 'Ada Lovelace', LONG, `Architecture_${LONG}`);
    await page.emulateMedia({ media: 'print' });
    const paper = await printedHeader(page);
    assert.deepEqual(paper.map((f) => [f.label, f.drawn, f.cut]), [['Candidate', 1, false], ['Interviewer', 1, false], ['Interview step', 1, false], ['Date', 1, false]],
      `${width} px: each field's value drawn once and whole: ${JSON.stringify(paper)}`);
    const lines = await page.evaluate((name) => {
      const e = [...document.querySelectorAll('.sc-header__fields *')].find((x) => x.checkVisibility() && x.textContent === name);
      return e && e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight);
    }, LONG);
    assert.ok(lines >= 1.9, `${width} px: the interviewer's name wraps (${lines} lines)`);
    // On screen the inputs alone show the values, and the accessibility tree has each once.
    await page.emulateMedia({ media: 'screen' });
    const screen = await printedHeader(page);
    assert.deepEqual(screen.map((f) => [f.label, f.drawn, f.tags]), [['Candidate', 1, 'input'], ['Interviewer', 1, 'input'], ['Interview step', 1, 'input'], ['Date', 1, 'input']]);
    const tree = (await page.locator('.sc-header').ariaSnapshot()).split('\n').filter((l) => /Ada Lovelace|WWW/.test(l)).map((l) => l.trim().slice(0, 30));
    assert.deepEqual(tree, ['- textbox "Candidate": Ada Lov', '- textbox "Interviewer": WWWWW', '- textbox "Interview step": Ar']);
    await context.close();
  }
});

test('printed on A4 or Letter, long names, a long step and every level\'s rubric text are whole within the page', async () => {
  // The page's width less its margins (12 mm each side, @page): A4 703 px, Letter 725 px.
  for (const width of [703, 725]) {
    const { context, page } = await named(width, 'Maximilian Oberhauser-Castellanos', 'Alexandrina Montgomery-Lee', 'System design and architecture deep dive');
    // Each capability at a different level, so that the longest rubric texts print.
    const levels = ['exceeds', 'needs_improvement', 'meets'];
    for (const [i, cap] of CAPS.entries()) await page.click(`label[for="sc-${cap}-${levels[i % 3]}"]`);
    await page.emulateMedia({ media: 'print' });
    const fields = (await printedHeader(page)).filter((f) => f.drawn !== 1 || f.cut).map((f) => `${f.label}: ${JSON.stringify(f)}`);
    const cut = await page.evaluate((fields) => {
      const page = document.documentElement.clientWidth;
      const texts = [...document.querySelectorAll('.sc-option__label')].filter((e) => e.checkVisibility());
      const out = texts.filter((e) => e.getBoundingClientRect().right > page || e.scrollWidth > e.clientWidth).map((e) => e.textContent.slice(0, 30));
      return { fields, out, texts: texts.length };
    }, fields);
    assert.equal(cut.texts, CAPS.length, 'the chosen level\'s rubric text prints for each capability');
    assert.deepEqual([...cut.fields, ...cut.out], [], `${width} px: nothing cut or past the page`);
    await context.close();
  }
});

test('printed, each chosen level\'s rubric text runs in after the title and the level, and wraps to the card\'s edge; the level\'s words stay together', async () => {
  // Beside a floated title, the text's first lines started to the title's right and the rest
  // at the card's edge.
  const context = await browser.newContext({ viewport: { width: 725, height: 1000 } });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  const levels = ['exceeds', 'needs_improvement', 'meets'];
  for (const [i, cap] of CAPS.entries()) await page.click(`label[for="sc-${cap}-${levels[i % 3]}"]`);
  await page.emulateMedia({ media: 'print' });
  const cards = await page.evaluate(() => [...document.querySelectorAll('.sc-card')].map((card) => {
    const text = [...card.querySelectorAll('.sc-option__text')].find((e) => e.checkVisibility());
    const range = document.createRange();
    range.selectNodeContents(text);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    const title = card.querySelector('.sc-card__title').getBoundingClientRect();
    return {
      card: card.querySelector('.sc-card__title').textContent,
      lines: lines.length,
      // The first line's middle is on the title's line; every other line starts at the edge.
      runsIn: title.top < (lines[0].top + lines[0].bottom) / 2 && (lines[0].top + lines[0].bottom) / 2 < title.bottom,
      starts: [...new Set(lines.slice(1).map((r) => Math.round(r.left - card.getBoundingClientRect().left)))],
    };
  }));
  assert.equal(cards.length, CAPS.length);
  for (const c of cards) {
    assert.ok(c.lines >= 2 && c.runsIn, `${c.card}: the text runs in on the title's line, then wraps (${JSON.stringify(c)})`);
    assert.deepEqual(c.starts, [0], `${c.card}: the text's wrapped lines start at the card's edge`);
  }
  // In a narrow column the level's words stay together ("Rating: Not assessed"), on the title's
  // line or the next.
  await page.setViewportSize({ width: 300, height: 1000 });
  const split = await page.locator('.sc-card__current').evaluateAll((es) => es.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent));
  assert.deepEqual(split, [], 'each level on one line at 300 px');
  const past = await page.evaluate(() => [...document.querySelectorAll('.sc-card__legend *, .sc-option__text')].filter((e) => e.checkVisibility()
    && [...e.getClientRects()].some((r) => r.right > document.documentElement.clientWidth + 1)).map((e) => e.textContent.slice(0, 30)));
  assert.deepEqual(past, [], 'nothing of the title line past the column at 300 px');
  await context.close();
});
