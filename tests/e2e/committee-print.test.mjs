// End-to-end: the committee's packet on paper, and the candidate shown told apart from the
// keyboard's focus. "Print all candidates" prints the comparison first, then every candidate
// from a new page with every note of "who said what" open; blind mode hides in print what it
// hides on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const MEETS4 = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' };
const NEEDS4 = { technical_expertise: 'needs_improvement', project_ownership: 'needs_improvement', business_impact: 'meets', communication_collaboration: 'needs_improvement' };

/** A submitted scorecard of the default rubric, each rating with a note naming who and what. */
const card = (candidate, interviewer, step, levels) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
  candidate: { id: `c-${candidate.split(' ')[0].toLowerCase()}`, name: candidate }, interviewer: { id: interviewer.toLowerCase(), name: interviewer },
  interview: { step, date: '2026-11-20' }, submitted_at: '2026-11-20T10:00:00Z',
  ratings: Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v, note: `${interviewer} on ${candidate}: ${k}` }])),
});

// Three candidates: a hire, a split panel, a no hire. Ben sat on Ada's and Bo's panels, not Cy's.
const PANEL = [
  card('Ada Byron', 'Alice', 'Coding', MEETS4),
  card('Ada Byron', 'Ben', 'System design', { ...MEETS4, technical_expertise: 'exceeds' }),
  card('Bo Chen', 'Alice', 'Coding', { ...MEETS4, technical_expertise: 'needs_improvement' }),
  card('Bo Chen', 'Ben', 'System design', { ...MEETS4, technical_expertise: 'exceeds' }),
  card('Cy Diaz', 'Alice', 'Coding', NEEDS4),
  card('Cy Diaz', 'Carol', 'Behavioural', { ...NEEDS4, communication_collaboration: 'meets' }),
];

async function openWithPanel(page, query = '') {
  await page.goto(base + '/committee.html' + query);
  await page.waitForSelector('#scc-paste');
  await page.getByRole('textbox', { name: 'Paste' }).fill(PANEL.map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /6 counted, 3 candidates/.test(document.querySelector('[data-testid=load-status]').textContent));
  // The browser's print, as the view sees it: beforeprint, then (once the dialog is closed)
  // afterprint, which the tests send. (Headless Chromium's own print() starts a print job that
  // never ends, and page.pdf() then refuses to print.)
  await page.evaluate(() => {
    window.prints = 0;
    window.print = () => {
      window.prints++;
      window.dispatchEvent(new Event('beforeprint'));
    };
  });
}

/** The pages of a PDF that Chromium wrote (each page is an uncompressed `/Type /Page` object). */
const pages = (pdf) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g).length;

/** The candidates' sections a print shows, in order, and what each shows. */
const printedSections = (page) => page.evaluate(() => {
  const compare = document.querySelector('.sc-committee__compare');
  return [...document.querySelectorAll('.sc-committee__candidate')].filter((s) => s.checkVisibility()).map((s) => ({
    name: s.querySelector('h2').textContent,
    outcome: s.querySelector('[data-testid=committee-decision]')?.textContent ?? null,
    breakBefore: getComputedStyle(s).breakBefore,
    afterComparison: Boolean(compare.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING),
    closed: s.querySelectorAll('details.sc-committee__who:not([open])').length,
    // Each heading stays on the page of what it heads, and the chart keeps its key.
    headings: [...s.querySelectorAll('.sc-committee__h3')].every((h) => getComputedStyle(h).breakAfter === 'avoid'),
    chartKey: s.querySelector('.sc-chart figcaption')?.checkVisibility() ?? null,
  }));
});

test('on paper who said what ends at its padding, and every box, the chart\'s too, has square corners', async () => {
  // The list's margin and its last note's left some 19 px under the last statement; the chart
  // kept its rounded border.
  const context = await browser.newContext();
  const page = await context.newPage();
  await openWithPanel(page);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.querySelectorAll('.sc-committee__who').forEach((d) => { d.open = true; }));
  const boxes = await page.evaluate(() => [...document.querySelectorAll('.sc-committee__who')].filter((d) => d.checkVisibility()).map((d) => {
      const style = getComputedStyle(d);
      const last = Math.max(...[...d.querySelectorAll('li')].map((e) => e.getBoundingClientRect().bottom));
      return { space: Math.round(d.getBoundingClientRect().bottom - last), padding: parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth), radius: style.borderRadius };
    }));
  assert.ok(boxes.length >= 6, JSON.stringify(boxes));
  for (const b of boxes) {
    assert.ok(b.space <= Math.ceil(b.padding), `${b.space} px under the last statement, padding ${b.padding}`);
    assert.equal(b.radius, '0px');
  }
  assert.equal(await page.locator('.sc-chart').first().evaluate((e) => getComputedStyle(e).borderRadius), '0px');
  await context.close();
});

test('Print all candidates prints the comparison, then every candidate from a new page with every note', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openWithPanel(page);
  // The comparison's order, and each candidate's outcome as it shows it.
  const rows = await page.locator('.sc-committee__compare tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
  assert.equal(rows.length, 3);
  const openOnScreen = await page.locator('.sc-committee__who[open]').count();
  // The print of the candidate shown, for comparison: one candidate.
  const shown = rows[0][0];
  assert.equal(await page.getByRole('button', { name: 'Print selected candidate' }).count(), 1);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual((await printedSections(page)).map((s) => s.name), [shown]);
  const onePages = pages(await page.pdf());
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Print all candidates' }).click();
  await page.waitForFunction(() => window.prints === 1);
  // On screen nothing changes: the packet is for paper only.
  assert.equal(await page.locator('[data-testid=print-packet]').isVisible(), false);
  assert.equal(await page.locator('.sc-committee__candidate:visible').count(), 1);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await printedSections(page),
    rows.map(([name, outcome]) => ({ name, outcome, breakBefore: 'page', afterComparison: true, closed: 0, headings: true, chartKey: true })));
  assert.equal(await page.locator('.sc-committee__compare').isVisible(), true, 'the comparison prints first');
  // No id twice on the page, with every candidate's section on it.
  assert.equal(await page.evaluate(() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.length - new Set(ids).size; }), 0);
  const allPages = pages(await page.pdf());
  assert.ok(allPages >= rows.length + 1 && allPages > onePages, `${allPages} pages for all, ${onePages} for one`);

  // The print done, the packet goes and the disclosures close as they were.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForSelector('[data-testid=print-packet]', { state: 'detached' });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.sc-committee__who[open]').count(), openOnScreen);

  // A print the browser ignores (no afterprint, as in a frame without modals) leaves nothing
  // stuck: Print all prints again, and Print selected prints the one candidate.
  await page.getByRole('button', { name: 'Print all candidates' }).click();
  await page.waitForFunction(() => window.prints === 2 && document.querySelector('[data-testid=print-packet]'));
  await page.getByRole('button', { name: 'Print all candidates' }).click();
  await page.waitForFunction(() => window.prints === 3);
  await page.getByRole('button', { name: 'Print selected candidate' }).click();
  await page.waitForFunction(() => window.prints === 4);
  assert.equal(await page.locator('[data-testid=print-packet]').count(), 0, 'the packet is gone for the one candidate');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in blind mode a print, of one candidate or all, hides what the screen hides', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Ben submitted for Ada and Bo; Cy's panel stays hidden from him.
  await openWithPanel(page, '?blind=ben');
  assert.equal(await page.getByRole('button', { name: 'Markdown summary' }).count(), 0, 'the exports hold every panel');
  await page.getByRole('button', { name: 'Print all candidates' }).click();
  await page.waitForFunction(() => window.prints === 1);
  await page.emulateMedia({ media: 'print' });
  const printed = await printedSections(page);
  assert.deepEqual(printed.map((s) => [s.name, s.outcome === null]), [['Ada Byron', false], ['Bo Chen', false], ['Cy Diaz', true]]);
  const paper = await page.evaluate(() => document.body.innerText);
  assert.match(paper, /Blind mode: Cy Diaz's panel is hidden \(2 scorecards from other interviewers loaded\)/);
  assert.match(paper, /Alice on Bo Chen: technical_expertise/, 'a panel Ben may see prints its notes');
  assert.doesNotMatch(paper, /on Cy Diaz|Carol/, 'nothing of a hidden panel prints');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForSelector('[data-testid=print-packet]', { state: 'detached' });

  // The hidden candidate, printed alone: the name and why nothing else.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Cy Diaz', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#scc-cand')?.textContent === 'Cy Diaz');
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual((await printedSections(page)).map((s) => [s.name, s.outcome]), [['Cy Diaz', null]]);
  assert.match(await page.evaluate(() => document.body.innerText), /Blind mode: Cy Diaz's panel is hidden/);
  await context.close();
});

/** Red, green, blue and alpha of a computed CSS colour: `rgb(...)`, `rgba(...)` or `color(srgb ...)`. */
function rgba(css) {
  let m = css.match(/color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/);
  if (m) return [m[1], m[2], m[3]].map((x) => Number(x) * 255).concat(m[4] === undefined ? 1 : Number(m[4]));
  m = css.match(/rgba?\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)(?:, ([\d.]+))?\)/);
  assert.ok(m, `a colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}
function contrast(a, b) {
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: the candidate shown is told apart from the keyboard's focus`, async () => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await openWithPanel(page);
    const names = await page.locator('.sc-committee__compare tbody th button').allTextContents();
    // By keyboard: choose the first candidate (the keyboard goes to their section), back to the
    // comparison (to the first candidate's row), then Tab to the second.
    const first = page.getByRole('button', { name: names[0], exact: true });
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'scc-cand');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.waitForFunction((n) => document.activeElement?.textContent === n, names[1]);
    const look = (name) => page.getByRole('button', { name, exact: true }).evaluate((b) => {
      const th = b.closest('th');
      const [bs, ts] = [getComputedStyle(b), getComputedStyle(th)];
      return { current: b.getAttribute('aria-current'), focusVisible: b.matches(':focus-visible'), outline: bs.outlineStyle, outlineColor: bs.outlineColor,
        cellOutline: ts.outlineStyle, fill: ts.backgroundColor, bar: ts.boxShadow, surface: getComputedStyle(th.closest('table')).backgroundColor };
    });
    const [selected, focused, other] = [await look(names[0]), await look(names[1]), await look(names[2])];
    // Screen readers hear which one is shown; the others are not marked.
    assert.deepEqual([selected.current, focused.current, other.current], ['true', null, null]);
    // The focus ring is the focused one's alone; the one shown has no ring, on its button or its cell.
    assert.deepEqual([focused.focusVisible, focused.outline], [true, 'solid']);
    assert.deepEqual([selected.outline, selected.cellOutline, focused.cellOutline], ['none', 'none', 'none']);
    // The one shown has a fill and a bar; focus adds neither.
    assert.notDeepEqual(rgba(selected.fill), rgba(other.fill));
    assert.deepEqual([focused.fill, focused.bar], [other.fill, other.bar]);
    const bar = selected.bar.match(/^(rgb\([^)]*\)|color\([^)]*\)) (\d+)px 0px 0px 0px inset$/);
    assert.ok(bar && Number(bar[2]) >= 3, `a bar at the cell's start: ${selected.bar}`);
    // WCAG 1.4.11: 3:1 for the bar against the fill it sits on and the surface beside it, and
    // for the focus ring against the cell.
    const fill = rgba(selected.fill);
    assert.ok(contrast(rgba(bar[1]), fill) >= 3, `bar ${bar[1]} on fill ${selected.fill}`);
    assert.ok(contrast(rgba(bar[1]), rgba(selected.surface)) >= 3, `bar ${bar[1]} on surface ${selected.surface}`);
    assert.ok(contrast(rgba(focused.outlineColor), rgba(focused.surface)) >= 3, `focus ${focused.outlineColor} on ${focused.surface}`);
    await context.close();
  });
}

test('blind mode names an interviewer that no loaded scorecard is by', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // "ben" is Ben's id; "Benjamin" is nobody's, so every panel would stay hidden for good.
  await openWithPanel(page, '?blind=Benjamin');
  assert.match(await page.getByTestId('blind-unknown').textContent(), /No loaded scorecard is by an interviewer with the id or full name "Benjamin"/);
  await context.close();
  const known = await (await browser.newContext()).newPage();
  await openWithPanel(known, '?blind=ben');
  await known.getByTestId('blind-mode').waitFor();
  assert.equal(await known.getByTestId('blind-unknown').count(), 0);
  await known.context().close();
});
