// Launches Debian's Chromium through playwright-core with the flags this machine needs
// (no sandbox as root, no background networking: nothing may leave the machine).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
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
 * A fresh browser context on the scorer page, once its cards are on screen. `errors` collects
 * every uncaught page error, for tests to assert there were none.
 */
export async function openScorer(browser, base, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  return { context, page, errors };
}

/**
 * Defines `window.until(cond)` on the page: a promise that resolves once `cond()` holds, checked
 * every animation frame, and fails after 10 s naming the condition (for tests that drive the
 * page from inside `page.evaluate`).
 */
export function installUntil(page) {
  return page.evaluate(() => {
    window.until = (cond) => new Promise((ok, fail) => {
      const t0 = performance.now();
      const t = () => (cond() ? ok() : performance.now() - t0 > 10000 ? fail(new Error(`timed out waiting for ${cond}`)) : requestAnimationFrame(t));
      t();
    });
  });
}
