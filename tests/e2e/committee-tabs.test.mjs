// End-to-end: the committee view's answers to a QA pass (its findings H3, M1, M7, L9). Two tabs
// never overwrite each other's saved set silently: a tab with nothing unsaved takes the other's
// set (its own offered back), one with a change to save asks which to keep; scorecards naming no
// interviewer are named by their source and said to be unchecked for repeats; calibration
// always gives its figure and says which panels call a lean; the exports copy and download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { harness } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const KEY = 'scorecard:v1:committee:l4-senior-software-engineer';
const MEETS3 = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets' };
const NI3 = { technical_expertise: 'needs_improvement', project_ownership: 'needs_improvement', business_impact: 'needs_improvement' };

/** A submitted scorecard of the default rubric; `interviewer` null names none. */
const card = (candidate, interviewer, step, levels = MEETS3, extra = {}) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
  candidate: { id: `c-${candidate.toLowerCase().replace(/\W/g, '')}`, name: candidate },
  ...(interviewer ? { interviewer: { id: interviewer.toLowerCase(), name: interviewer } } : {}),
  interview: { step, date: '2026-11-20' }, submitted_at: '2026-11-20T10:00:00Z',
  ratings: Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v, note: `${interviewer ?? 'someone'} on ${k}` }])),
  ...extra,
});

const file = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) });
const waitStatus = (page, re) => page.waitForFunction((s) => new RegExp(s).test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''), re.source);
/** Waits until this browser's saved set holds `n` scorecards; returns their labels. */
/** Waits until this browser's saved set holds the scorecards of these labels, in any order. */
const savedAs = (page, labels) => page.waitForFunction(([key, want]) =>
  JSON.stringify(JSON.parse(localStorage.getItem(key) ?? '[]').map(([label]) => label).sort()) === want, [KEY, JSON.stringify([...labels].sort())]);
const saved = async (page, n) => {
  await page.waitForFunction(([key, n]) => JSON.parse(localStorage.getItem(key) ?? '[]').length === n, [KEY, n]);
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]').map(([label]) => label), KEY);
};

async function open(page) {
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
}

async function remove(page, label) {
  // (Opened when closed: a second removal on the same page finds it open.)
  if (!await page.evaluate(() => document.querySelector('.sc-committee__sources')?.open)) {
    await page.locator('.sc-committee__sources summary').click();
  }
  await page.getByRole('button', { name: `Remove ${label}` }).click();
}

const FOUR = [
  file('a1.json', card('Ada', 'Ann', 'Coding')),
  file('a2.json', card('Ada', 'Bo', 'Design')),
  file('a3.json', card('Ada', 'Cy', 'Values')),
  file('b1.json', card('Ben', 'Ann', 'Coding')),
];

test('a tab with nothing unsaved takes the set another tab saved, and offers its own back', async () => {
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a);
  await a.setInputFiles('#scc-files', FOUR.slice(0, 3));
  await saved(a, 3);
  await open(b);
  await waitStatus(b, /^3 scorecards loaded/);

  // A adds one: B shows it, and says so.
  await a.setInputFiles('#scc-files', FOUR.slice(3));
  await saved(a, 4);
  await waitStatus(b, /^4 scorecards loaded/);
  const notice = b.locator('[data-testid=replaced]');
  assert.match(await notice.textContent(), /Another tab or window changed these scorecards; this tab now shows them: 1 added, 0 removed\./);

  // B removes one of the four (not of the three it had): A takes that, saying so, and offers
  // its own four back.
  await remove(b, 'a2.json');
  assert.deepEqual(await saved(b, 3), ['a1.json', 'a3.json', 'b1.json']);
  await waitStatus(a, /^3 scorecards loaded/);
  assert.match(await a.locator('[data-testid=replaced]').textContent(), /this tab now shows them: 0 added, 1 removed\./);
  assert.equal(await b.locator('[data-testid=replaced]').count(), 0, 'a change in this tab ends the offer');

  // Put back: saved, and B takes it in turn. A reload of A keeps what A added (the QA pass lost
  // A's additions here, to B's older set).
  await a.locator('[data-testid=replaced]').getByRole('button', { name: "Put back this tab's 4 scorecards" }).click();
  assert.deepEqual((await saved(a, 4)).sort(), ['a1.json', 'a2.json', 'a3.json', 'b1.json']);
  await waitStatus(b, /^4 scorecards loaded/);
  await a.reload();
  await a.waitForSelector('#scc-files');
  await waitStatus(a, /^4 scorecards loaded, 4 counted, 2 candidates/);
  await context.close();
});

test('a change of another tab that is only a file that did not load is said as such, not as nothing', async () => {
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a);
  await a.setInputFiles('#scc-files', FOUR.slice(0, 2));
  await saved(a, 2);
  await open(b);
  await waitStatus(b, /^2 scorecards loaded/);

  const broken = { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "interview-scorecard", "ratings": ') };
  await a.setInputFiles('#scc-files', [broken]);
  await saved(a, 3);
  await b.waitForSelector('[data-testid=replaced]');
  assert.match(await b.locator('[data-testid=replaced]').textContent(),
    /this tab now shows them: 0 added, 0 removed; files that did not load: 1 added, 0 removed\./);
  assert.match(await b.locator('.sc-committee__failed').textContent(), /broken\.json/, 'the file is listed where the notice points');

  // B removes it: A says that is what changed.
  await b.locator('.sc-committee__failed').getByRole('button', { name: /Remove/ }).click();
  await saved(b, 2);
  await a.waitForSelector('[data-testid=replaced]');
  assert.match(await a.locator('[data-testid=replaced]').textContent(),
    /this tab now shows them: 0 added, 0 removed; files that did not load: 0 added, 1 removed\./);
  await context.close();
});

/** Two tabs of one browser showing the first `n` of FOUR, A's saved; B then stops hearing A's
 *  saves (`window.deaf`), as when its own change is waiting to be saved when A's comes. */
async function deafTabs(n) {
  const context = await browser.newContext();
  await context.addInitScript(() => window.addEventListener('storage', (e) => { if (window.deaf) e.stopImmediatePropagation(); }, true));
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a);
  await a.setInputFiles('#scc-files', FOUR.slice(0, n));
  await saved(a, n);
  await open(b);
  await waitStatus(b, new RegExp(`^${n} scorecards loaded`));
  await b.evaluate(() => { window.deaf = true; });
  return { context, a, b };
}

test('a tab whose change meets a set another tab saved meanwhile writes nothing and asks which to keep', async () => {
  // B does not hear A's save (as when its own change was waiting to be saved when A's came).
  const { context, a, b } = await deafTabs(3);

  await a.setInputFiles('#scc-files', FOUR.slice(3));
  await saved(a, 4);
  await remove(b, 'a2.json');
  const alert = b.locator('[data-testid=elsewhere]');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), /Not saved: another tab or window changed these scorecards after this tab last saved them\. The other tab added 1 scorecard and removed 0; this tab added 0 and removed 1\. Until you choose, this tab's set is kept in this tab only\./);
  // A's set is untouched, and B keeps showing its own until it chooses.
  assert.deepEqual((await saved(a, 4)).sort(), ['a1.json', 'a2.json', 'a3.json', 'b1.json']);
  await waitStatus(b, /^2 scorecards loaded/);
  // Leaving B now would lose its set: the browser asks first.
  const asked = await b.evaluate(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; });
  assert.ok(asked, 'leaving asks while the choice is open');

  // Keep both tabs' changes: A's addition and B's removal, saved. (Taking every scorecard of
  // both brought back the one B had removed.)
  await alert.getByRole('button', { name: "Keep both tabs' changes (3 scorecards)" }).click();
  await waitStatus(b, /^3 scorecards loaded/);
  assert.equal(await alert.count(), 0);
  assert.equal(await b.evaluate(() => document.activeElement?.id), 'scc-files', 'the keyboard is not left on the page');
  assert.deepEqual((await saved(b, 3)).sort(), ['a1.json', 'a3.json', 'b1.json']);

  // Again, and this time B keeps its own: said on the button, saved over the other.
  await b.reload();
  await b.waitForSelector('#scc-files');
  await waitStatus(b, /^3 scorecards loaded/);
  await b.evaluate(() => { window.deaf = true; });
  await remove(a, 'b1.json');
  await saved(a, 2);
  await remove(b, 'a1.json');
  await alert.waitFor();
  assert.deepEqual((await saved(a, 2)).sort(), ['a1.json', 'a3.json'], "A's set stays until B chooses");
  assert.match(await alert.textContent(), /The other tab added 0 scorecards and removed 1; this tab added 0 and removed 1\./);
  assert.equal(await alert.getByRole('button', { name: "Keep both tabs' changes (1 scorecard)" }).count(), 1, 'both removals');
  await alert.getByRole('button', { name: "Keep this tab's (2), replacing the other" }).click();
  await savedAs(b, ['a3.json', 'b1.json']);
  await waitStatus(a, /^2 scorecards loaded/);
  assert.equal(await alert.count(), 0);
  await context.close();
});

test("keeping both tabs' changes keeps this tab's addition and the other tab's removal", async () => {
  const { context, a, b } = await deafTabs(3);

  await remove(a, 'a1.json');
  await saved(a, 2);
  await b.setInputFiles('#scc-files', FOUR.slice(3));
  const alert = b.locator('[data-testid=elsewhere]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The other tab added 0 scorecards and removed 1; this tab added 1 and removed 0\./);
  await alert.getByRole('button', { name: "Keep both tabs' changes (3 scorecards)" }).click();
  await savedAs(b, ['a2.json', 'a3.json', 'b1.json']);
  await waitStatus(b, /^3 scorecards loaded/);
  await waitStatus(a, /^3 scorecards loaded/);
  await context.close();
});

/**
 * A context whose pages run idle callbacks (the saves) only when told: `flush`. `window.asked`
 * counts the saves asked for, `window.askedAt` is the status shown when the last was.
 */
async function idleContext() {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const queue = [];
    window.asked = 0;
    window.requestIdleCallback = (f) => {
      window.asked += 1;
      // What the page showed then: the effect asking for a save runs after its render.
      window.askedAt = document.querySelector('[data-testid=load-status]')?.textContent;
      queue.push(f);
    };
    window.flushIdle = () => queue.splice(0).forEach((f) => f({ didTimeout: false, timeRemaining: () => 50 }));
  });
  return context;
}
/** How many saves the page has asked for: what `flush` waits past. */
const asked = (page) => page.evaluate(() => window.asked);
/**
 * Runs the save of the change made since the page had asked for `since` saves, once asked for
 * (with `shown`, once asked for while the status matched it: changes made in a row may ask once).
 * A change on screen is not yet a save asked for: the save is asked for by an effect, which Yew
 * runs after the render, and on a loaded machine in a later task (its scheduler yields to the
 * browser after 16 ms, between the render and the effects). Flushed before that, the save of
 * an earlier change runs, or none.
 */
const flush = async (page, since, shown = /^/) => {
  await page.waitForFunction(([n, s]) => window.asked > n && new RegExp(s).test(window.askedAt), [since, shown.source]);
  await page.evaluate(() => window.flushIdle());
};

/** Two tabs of `context` (an `idleContext`): A loads the first three files and saves them, its
 * idle save flushed; then B opens on that set. */
async function twoTabs(context) {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a);
  await a.setInputFiles('#scc-files', FOUR.slice(0, 3));
  await waitStatus(a, /^3 scorecards loaded/);
  await flush(a, 0);
  await savedAs(a, ['a1.json', 'a2.json', 'a3.json']);
  await open(b);
  await waitStatus(b, /^3 scorecards loaded/);
  return [a, b];
}

test("a change made just after taking another tab's set is saved, not taken for another tab's", async () => {
  // Saves run when the browser is idle: here when the test says, so that B's change comes
  // before the save of the set it took.
  const context = await idleContext();
  const [a, b] = await twoTabs(context);
  await flush(b, 0);

  let n = await asked(a);
  await a.setInputFiles('#scc-files', FOUR.slice(3));
  await waitStatus(a, /^4 scorecards loaded/);
  await flush(a, n);
  await waitStatus(b, /^4 scorecards loaded/);
  n = await asked(b);
  await b.setInputFiles('#scc-files', [file('c1.json', card('Cat', 'Ann', 'Coding'))]);
  await waitStatus(b, /^5 scorecards loaded/);
  await flush(b, n);
  assert.deepEqual((await saved(b, 5)).sort(), ['a1.json', 'a2.json', 'a3.json', 'b1.json', 'c1.json']);
  assert.equal(await b.locator('[data-testid=elsewhere]').count(), 0);
  await context.close();
});

test("a change on screen whose save is not yet asked for is waiting: another tab's set coming then is asked about, not taken", async () => {
  // Yew renders a change, then runs the effects (the one that asks for the save among them) in
  // the same task, unless 16 ms of work have passed: then it yields to the browser first, in a
  // setTimeout(0), and a storage event can come in between, as on a loaded machine or with a
  // large panel. Here every run of work passes 16 ms (Date.now), and B's yields are held until
  // the other tab's set has been heard.
  const context = await idleContext();
  await context.addInitScript(() => {
    const now = Date.now;
    let skew = 0;
    Date.now = () => now() + (window.hold ? (skew += 17) : skew);
    const later = window.setTimeout;
    const held = [];
    window.setTimeout = (f, t, ...rest) => (window.hold && !t ? held.push(f) : later(f, t, ...rest));
    window.release = () => { window.hold = false; held.splice(0).forEach((f) => f()); };
    window.heard = 0;
    window.addEventListener('storage', () => { window.heard += 1; });
  });
  const [a, b] = await twoTabs(context);
  await flush(b, 0);  // nothing waiting to be saved in B

  // (The list opened first: while a run of work is held, Yew starts no other.)
  await b.locator('.sc-committee__sources summary').click();
  await b.locator('[data-testid=loaded]').waitFor();
  const nb = await asked(b);
  await b.evaluate(() => { window.hold = true; });
  await remove(b, 'a2.json');
  await waitStatus(b, /^2 scorecards loaded/);  // on screen; the effects held
  assert.equal(await asked(b), nb, 'the save of the removal is not asked for yet');
  const na = await asked(a);
  await remove(a, 'a1.json');
  await waitStatus(a, /^2 scorecards loaded/);
  await flush(a, na);
  await b.waitForFunction(() => window.heard === 1);
  await b.evaluate(() => window.release());
  await b.waitForFunction(() => document.querySelector('[data-testid=elsewhere], [data-testid=replaced]'));
  assert.equal(await b.locator('[data-testid=replaced]').count(), 0, "B's removal is not replaced by A's set");
  assert.match(await b.locator('[data-testid=elsewhere]').textContent(), /The other tab added 0 scorecards and removed 1; this tab added 0 and removed 1\./);
  await context.close();
});

test("a tab that only restored or took a set, its save still to run, takes another tab's set without asking", async () => {
  // B restores A's set on opening; the save that follows writes the same set, and waits for an
  // idle moment (held here). A changes the set meanwhile: B changed nothing, so it takes A's set
  // as a tab with nothing waiting does (the QA pass saw it ask which to keep, "this tab added 0
  // and removed 0"). Then again, B's save of the set it took still to run.
  const context = await idleContext();
  const [a, b] = await twoTabs(context);
  await b.waitForFunction(() => window.asked > 0);  // the restored set's save, not run
  // (The notice counts from the set B had before it took any: 1, then 2 removed.)
  for (const [label, left, notice] of [['a1.json', /^2 scorecards loaded/, /0 added, 1 removed/], ['a2.json', /^1 scorecard loaded/, /0 added, 2 removed/]]) {
    const na = await asked(a);
    await remove(a, label);
    await waitStatus(a, left);
    await flush(a, na);
    // Taken, or asked about.
    await b.waitForFunction((s) => new RegExp(s).test(document.querySelector('[data-testid=load-status]')?.textContent ?? '')
      || document.querySelector('[data-testid=elsewhere]'), left.source);
    assert.equal(await b.locator('[data-testid=elsewhere]').count(), 0, `B does not ask (after A removed ${label})`);
    assert.match(await b.locator('[data-testid=replaced]').textContent(), notice);
  }
  await b.evaluate(() => window.flushIdle());
  await savedAs(b, ['a3.json']);
  assert.equal(await b.locator('[data-testid=elsewhere]').count(), 0);
  await context.close();
});

test("a tab that only restored a set, whose save runs before it hears another tab's, writes nothing and does not ask", async () => {
  // B's save of the set it restored runs after A saved another, before B's storage event: it
  // finds storage changed, but B has nothing of its own to keep. (Its event, held here, would
  // bring A's set.)
  const context = await idleContext();
  await context.addInitScript(() => window.addEventListener('storage', (e) => { if (window.deaf) e.stopImmediatePropagation(); }, true));
  const [a, b] = await twoTabs(context);
  await b.waitForFunction(() => window.asked > 0);
  await b.evaluate(() => { window.deaf = true; });
  let na = await asked(a);
  await remove(a, 'a1.json');
  await waitStatus(a, /^2 scorecards loaded/);
  await flush(a, na);
  await savedAs(a, ['a2.json', 'a3.json']);
  await b.evaluate(() => { window.flushIdle(); window.deaf = false; });
  // A's next set is heard, and taken: B was not left holding a choice.
  na = await asked(a);
  await remove(a, 'a2.json');
  await waitStatus(a, /^1 scorecard loaded/);
  await flush(a, na);
  await b.waitForFunction(() => /^1 scorecard loaded/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? '')
    || document.querySelector('[data-testid=elsewhere]'));
  assert.equal(await b.locator('[data-testid=elsewhere]').count(), 0, 'B does not ask');
  assert.deepEqual(await saved(a, 1), ['a3.json'], "A's set is not overwritten");
  await context.close();
});

test('scorecards naming no interviewer are named by their source and said to be unchecked for repeats', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const ALL = { ...MEETS3, communication_collaboration: 'meets', mentorship_support: 'meets', leadership_process: 'meets' };
  const NONE = Object.fromEntries(Object.keys(ALL).map((k) => [k, 'needs_improvement']));
  const lines = [card('Ann Anon', 'Anna', 'Coding', ALL), card('Ann Anon', null, 'System design', NONE), card('Ann Anon', null, 'System design', NONE, { submitted_at: '2026-11-21T10:00:00Z' })];
  await page.getByRole('textbox', { name: 'Paste' }).fill(lines.map((l) => JSON.stringify(l)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await waitStatus(page, /^3 scorecards loaded, 3 counted/);
  const heads = await page.locator('[data-testid=matrix] thead th').evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent ?? ''));
  assert.deepEqual(heads.slice(1, 4), ['Anna', '(no interviewer) · Pasted text 1, line 2', '(no interviewer) · Pasted text 1, line 3']);
  const calibration = await page.locator('[data-testid=calibration] li').allTextContents();
  assert.ok(calibration.every((l) => !l.startsWith(':')), calibration.join('\n'));
  assert.match(calibration[1], /^\(no interviewer\) · Pasted text 1, line 2: /);
  assert.match(await page.locator('[data-testid=committee-rationale]').textContent(),
    /Counted, though these scorecards name no interviewer: Pasted text 1, line 2; Pasted text 1, line 3\. They cannot be checked for repeats: a scorecard submitted twice without its interviewer counts twice\./);
  await context.close();
});

test('calibration gives its figure on every line, and across panels says which panels call a lean', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  const panels = [];
  for (const [who, hal] of [['Ada', NI3], ['Ben', NI3], ['Cal', MEETS3]]) {
    panels.push(card(who, 'Hal', 'Coding', hal), card(who, 'Bo', 'Design'), card(who, 'Cy', 'Values'));
  }
  await page.setInputFiles('#scc-files', panels.map((c, i) => file(`p${i}.json`, c)));
  await waitStatus(page, /^9 scorecards loaded/);
  const hal = page.locator('[data-testid=interviewers] li', { hasText: 'Hal' });
  assert.ok((await hal.textContent()).startsWith(
    'Hal (3 scorecards, 3 candidates): Possibly severe on 2 of 3 panels taken alone; \u22120.67 levels from the rest of their panels on average over all 9 shared ratings, under the 0.75 threshold.'), await hal.textContent());
  assert.match(await hal.getAttribute('class'), /sc-is-warning/);
  assert.match(await page.locator('[data-testid=interviewers] li', { hasText: 'Cy' }).textContent(),
    /^Cy \(3 scorecards, 3 candidates\): In line: \+0\.33 levels from the rest of the panel on average over 9 shared ratings across their panels, within the 0\.75 threshold\./);
  // Cal's panel, where Hal is in line: with the figure.
  await page.getByRole('button', { name: 'Cal', exact: true }).click();
  assert.match(await page.locator('[data-testid=calibration] li', { hasText: 'Hal' }).textContent(),
    /^Hal: In line: 0\.00 levels from the rest of the panel on average over 3 shared ratings on this panel, within the 0\.75 threshold\./);
  await context.close();
});

test('the exports copy and download, and say so; a refused clipboard leaves the text to select', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await open(page);
  await page.setInputFiles('#scc-files', FOUR);
  await waitStatus(page, /^4 scorecards loaded/);
  const status = page.locator('[data-testid=export-status]');

  await page.getByRole('button', { name: 'JSON report' }).click();
  const json = await page.locator('#scc-out').inputValue();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download committee-report.json' }).click()]);
  assert.equal(download.suggestedFilename(), 'committee-report.json');
  assert.equal(await readFile(await download.path(), 'utf8'), json);
  assert.equal(await status.textContent(), 'Downloaded as committee-report.json.');

  await page.getByRole('button', { name: 'Markdown summary' }).click();
  assert.equal(await status.textContent(), 'Or select the text and copy it (Ctrl+C or ⌘C).');
  const md = await page.locator('#scc-out').inputValue();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.locator('[data-testid=export-status]', { hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), md);

  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); });
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.locator('[data-testid=export-status]', { hasText: 'did not allow copying' }).waitFor();
  assert.equal(await status.textContent(), 'This browser did not allow copying: select the text in the box and copy it (Ctrl+C or ⌘C).');
  await context.close();
});

test('the two-tab alert counts only the scorecards that read as scorecards, and says a file that did not load apart', async () => {
  const { context, a, b } = await deafTabs(2);
  // A adds a document that does not read (saved with the set, to correct later).
  await a.setInputFiles('#scc-files', [file('broken.json', { format: 'interview-scorecard', version: 1 })]);
  await saved(a, 3);
  await remove(b, 'a2.json');
  const alert = b.locator('[data-testid=elsewhere]');
  await alert.waitFor();
  // What the other tab changed was a file that did not load: said, as the notice of a set taken
  // from another tab says it, not as "added 0 scorecards and removed 0" alone.
  assert.match(await alert.textContent(), /The other tab added 0 scorecards and removed 0 \(files that did not load: 1 added, 0 removed\); this tab added 0 and removed 1\. Until you choose/);
  assert.equal(await alert.getByRole('button', { name: "Keep both tabs' changes (1 scorecard)" }).count(), 1);
  assert.equal(await alert.getByRole('button', { name: "Use the other tab's (2)" }).count(), 1);
  await context.close();
});

// Keeping both tabs' changes when the other tab's set arrives through the storage event, not
// only when this tab's own save finds it: saves run when the test says (`flushIdle`), so that
// this tab's change is still waiting when the other tab's set comes.
async function idleTabs() {
  const context = await idleContext();
  const [a, b] = await twoTabs(context);
  await flush(b, 0);
  return { context, a, b, alert: b.locator('[data-testid=elsewhere]') };
}

test("a set taken from another tab is what both changed, through a second change while the choice is open", async () => {
  const { context, a, b, alert } = await idleTabs();
  let [na, nb] = [await asked(a), await asked(b)];
  await a.setInputFiles('#scc-files', FOUR.slice(3));
  await waitStatus(a, /^4 scorecards loaded/);
  await flush(a, na);
  await waitStatus(b, /^4 scorecards loaded/);
  await flush(b, nb);
  await remove(b, 'a2.json');  // waiting to be saved
  await waitStatus(b, /^3 scorecards loaded/);
  na = await asked(a);
  await remove(a, 'a1.json');
  await waitStatus(a, /^3 scorecards loaded/);
  await flush(a, na);
  await alert.waitFor();
  assert.match(await alert.textContent(), /The other tab added 0 scorecards and removed 1; this tab added 0 and removed 1\./);
  // The other tab changes again while the choice is open: told from the same set.
  na = await asked(a);
  await remove(a, 'a3.json');
  await waitStatus(a, /^2 scorecards loaded/);
  await flush(a, na);
  await savedAs(a, ['a2.json', 'b1.json']);
  await b.waitForFunction(() => /removed 2;/.test(document.querySelector('[data-testid=elsewhere]')?.textContent ?? ''));
  nb = await asked(b);
  await alert.getByRole('button', { name: "Keep both tabs' changes (1 scorecard)" }).click();
  await flush(b, nb);
  await savedAs(b, ['b1.json']);
  await context.close();
});

test('keeping both when the other tab removed every scorecard keeps only what this tab added', async () => {
  const { context, a, b, alert } = await idleTabs();
  await b.setInputFiles('#scc-files', FOUR.slice(3));  // waiting to be saved
  await waitStatus(b, /^4 scorecards loaded/);
  const na = await asked(a);
  for (const label of ['a1.json', 'a2.json', 'a3.json']) await remove(a, label);
  await a.waitForFunction(() => !document.querySelector('.sc-committee__sources'));
  await flush(a, na, /^No scorecards loaded/);
  await a.waitForFunction((k) => localStorage.getItem(k) === null, KEY);
  await alert.waitFor();
  assert.match(await alert.textContent(), /The other tab added 0 scorecards and removed 3; this tab added 1 and removed 0\./);
  const nb = await asked(b);
  await alert.getByRole('button', { name: "Keep both tabs' changes (1 scorecard)" }).click();
  await flush(b, nb);
  await savedAs(b, ['b1.json']);
  await context.close();
});

test('a scorecard both tabs added is kept once, under this tab\'s name for it', async () => {
  const { context, a, b, alert } = await idleTabs();
  await b.setInputFiles('#scc-files', [{ ...FOUR[3], name: 'copy.json' }]);  // waiting to be saved
  await waitStatus(b, /^4 scorecards loaded/);
  const na = await asked(a);
  await a.setInputFiles('#scc-files', FOUR.slice(3));
  await waitStatus(a, /^4 scorecards loaded/);
  await flush(a, na);
  await alert.waitFor();
  await alert.getByRole('button', { name: "Keep both tabs' changes (4 scorecards)" }).click();
  // Both kept are this tab's four: no new save is asked for; the one asked for when copy.json
  // was added is still the one to run, once the choice is gone.
  await alert.waitFor({ state: 'detached' });
  await b.evaluate(() => window.flushIdle());
  await savedAs(b, ['a1.json', 'a2.json', 'a3.json', 'copy.json']);
  await context.close();
});

test("a set storage refused is told from what storage last held, not from what was refused", async () => {
  const { context, a, b, alert } = await idleTabs();
  await b.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { if (window.full) throw new DOMException('full', 'QuotaExceededError'); return real.call(this, k, v); };
    window.full = true;
  });
  let nb = await asked(b);
  await b.setInputFiles('#scc-files', FOUR.slice(3));
  await waitStatus(b, /^4 scorecards loaded/);
  await flush(b, nb);
  await waitStatus(b, /Not saved in this browser/);
  const na = await asked(a);
  await remove(a, 'a1.json');
  await waitStatus(a, /^2 scorecards loaded/);
  await flush(a, na);
  await alert.waitFor();
  assert.match(await alert.textContent(), /The other tab added 0 scorecards and removed 1; this tab added 1 and removed 0\./);
  await b.evaluate(() => { window.full = false; });
  nb = await asked(b);
  await alert.getByRole('button', { name: "Keep both tabs' changes (3 scorecards)" }).click();
  await flush(b, nb);
  await savedAs(b, ['a2.json', 'a3.json', 'b1.json']);
  await context.close();
});
