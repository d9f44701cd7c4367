// Launches Debian's Chromium through playwright-core with the flags this machine needs
// (no sandbox as root, no background networking: nothing may leave the machine).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch({ scrollbars = false } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Playwright hides scrollbars; with `scrollbars`, the page's take their width from it, as
    // on Windows or a Linux desktop (some 15 px less for the content).
    ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : [],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', ...(process.env.CHROMIUM_ARGS ? process.env.CHROMIUM_ARGS.split(' ') : [])],
  });
}

/**
 * Serves dist/ and launches Chromium before a test file's tests, stopping both after them.
 * `ready` receives `{ base, browser }`: the server's URL and the browser.
 */
export function harness(ready) {
  let server;
  let browser;
  before(async () => {
    let url;
    ({ server, url } = await startServer('dist'));
    browser = await launch();
    ready({ base: url, browser });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

/** Types an observation into the scorer's quick-entry box, presses Enter, and waits for it. */
export async function observe(page, text) {
  await page.getByLabel('What did you observe?').fill(text);
  await page.getByLabel('What did you observe?').press('Enter');
  await page.waitForFunction((t) => [...document.querySelectorAll('.sc-obs__text')].some((p) => p.textContent === t), text);
}

/**
 * Presses Draft ratings from observations once the classifier has read every observation. Before
 * the on-demand module has loaded, drafting is refused with a notice (ondemand.test.mjs), and on
 * a busy machine it can still be loading when a test has added its observations.
 */
export async function draft(page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.sc-obs__source')].some((s) => s.textContent === 'Tagging…'));
  await page.getByRole('button', { name: 'Draft ratings from observations' }).click();
}

/**
 * Presses Submit scorecard in `root` (the page, or one widget's element), naming the interviewer
 * first when the card names none and the field can still be typed in: Submit needs the
 * interviewer's name as it needs the candidate's. Tests that are about something else submit
 * through this; the refusal itself is tested in scorer.test.mjs.
 */
export async function submit(root, interviewer = 'Test Interviewer') {
  const field = root.getByLabel('Interviewer', { exact: true });
  if ((await field.count()) === 1 && (await field.isEditable()) && (await field.inputValue()).trim() === '') await field.fill(interviewer);
  await root.getByRole('button', { name: 'Submit scorecard' }).click();
}

/** A fresh browser context on `url`, with every uncaught page error collected in `errors`. */
async function openPage(browser, url, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, errors };
}

/**
 * A fresh browser context on the scorer page, once its cards are on screen. `errors` collects
 * every uncaught page error, for tests to assert there were none.
 */
export async function openScorer(browser, base, contextOptions = {}) {
  const opened = await openPage(browser, base + '/', contextOptions);
  await opened.page.waitForSelector('.sc-card');
  return opened;
}

/**
 * A fresh browser context on the example ATS page (examples/ats/), once the page has defined
 * the widget's element. `errors` collects every uncaught page error.
 */
export async function openAtsPage(browser, base, contextOptions = {}) {
  const opened = await openPage(browser, `${base}/examples/ats/`, contextOptions);
  await opened.page.waitForFunction(() => customElements.get('interview-scorecard'));
  return opened;
}

/**
 * Defines `window.until(cond)` on the page: a promise that resolves once `cond()` holds, checked
 * every animation frame, and fails naming the condition after 30 s, Playwright's own limit for a
 * wait (for tests that drive the page from inside `page.evaluate`).
 */
export function installUntil(page) {
  return page.evaluate(() => {
    window.until = (cond) => new Promise((ok, fail) => {
      const t0 = performance.now();
      const t = () => (cond() ? ok() : performance.now() - t0 > 30000 ? fail(new Error(`timed out waiting for ${cond}`)) : requestAnimationFrame(t));
      t();
    });
  });
}

/**
 * What of the view under `root` (a selector) lets user text reorder the text around it (an
 * empty list when nothing does):
 * - a text node holding a direction control (embedding, override, isolate) must hold it inside
 *   an isolate of its own: the node alone in an inline element that isolates it (`<bdi>`), with
 *   its isolates balanced (a stray U+2069 would close the isolate around it), or one of the
 *   `values` given alone in a block (a paragraph of its own), or each control between U+2068
 *   FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE;
 * - so must a `title` or `aria-label` holding one (the root's own included), which can only be
 *   such an FSI ... PDI;
 * - text of plain ASCII must be laid out in its own order, character after character;
 * - the button of each row matching `rows` (if given) must end its row.
 */
export const scrambled = (page, root, values, rows) => page.evaluate(([selector, values, rows]) => {
  const problems = [];
  const root = document.querySelector(selector);
  const control = /[\u202a-\u202e\u2066-\u2069]/;
  // Isolates balanced; and, unless `own`, every control inside an FSI ... PDI.
  const contained = (t, own) => {
    let depth = 0;
    for (const c of t) {
      if (c >= '\u2066' && c <= '\u2068') {
        if (depth === 0 && !own && c !== '\u2068') return false;
        depth++;
      } else if (c === '\u2069') {
        if (depth-- === 0) return false;
      } else if (c >= '\u202a' && c <= '\u202e' && depth === 0 && !own) return false;
    }
    return depth === 0;
  };
  const isolating = (el) => ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (p.closest('textarea, svg')) continue;
    const t = n.data;
    if (control.test(t)) {
      const alone = p.textContent === t;
      // A <bdi> laid out as an inline block (a name capped in width in a table's header) is
      // checked as the inline <bdi> it is to the text around it.
      const display = getComputedStyle(p).display;
      const inline = display === 'inline' || (display === 'inline-block' && isolating(p));
      const ok = (alone && inline && isolating(p) && contained(t, true)) || (alone && !inline && values.includes(t)) || contained(t, false);
      if (!ok) problems.push(`not isolated in <${p.localName}>: ${JSON.stringify(t)}`);
    } else if (/^[\x20-\x7e·–—…]+$/.test(t) && t.trim().length > 1 && !p.closest('.sc-visually-hidden')) {
      // Each visible character left of the next one on its line.
      const box = (i) => {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return r.getClientRects()[0];
      };
      let last = null;
      for (let i = 0; i < t.length; i++) {
        if (t[i] === ' ') continue;
        const b = box(i);
        if (!b || b.width === 0) continue;
        if (last && Math.abs(last.top - b.top) < 2 && b.left < last.left - 0.5) {
          problems.push(`reordered in <${p.localName}>: ${JSON.stringify(t)}`);
          break;
        }
        last = b;
      }
    }
  }
  for (const el of [root, ...root.querySelectorAll('[title], [aria-label]')]) {
    for (const a of ['title', 'aria-label']) {
      const v = el.getAttribute(a);
      if (v && control.test(v) && !contained(v, false)) {
        problems.push(`${a} not isolated: ${JSON.stringify(v)}`);
      }
    }
  }
  for (const li of rows ? root.querySelectorAll(rows) : []) {
    const button = li.querySelector('button').getBoundingClientRect();
    const r = document.createRange();
    r.selectNodeContents(li);
    r.setEndBefore(li.querySelector('button'));
    const before = [...r.getClientRects()].filter((b) => b.width > 0 && b.top < button.bottom && b.bottom > button.top);
    const right = Math.max(...before.map((b) => b.right));
    if (right > button.left + 1) problems.push(`button not at the end of its row: ${JSON.stringify(li.textContent)}`);
  }
  return problems;
}, [root, values, rows]);
