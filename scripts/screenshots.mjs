// Takes screenshots of each view (light, dark, 360 px wide, print) for a person to look at.
// Usage: node scripts/screenshots.mjs [outdir]   (after `trunk build --release`)
import { mkdir } from 'node:fs/promises';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const out = process.argv[2] ?? 'screenshots';
await mkdir(out, { recursive: true });
const { server, url } = await startServer('dist');
const browser = await launch();
const views = [{ name: 'scorer', path: '/' }, { name: 'committee', path: '/committee.html' }];
const fill = async (page, view) => {
  if (view.name === 'committee') {
    const dir = 'tests/fixtures/committee/sample';
    const { readdirSync } = await import('node:fs');
    await page.waitForSelector('#scc-files');
    await page.setInputFiles('#scc-files', readdirSync(dir).map((f) => `${dir}/${f}`));
    await page.waitForSelector('[data-testid=matrix]');
    // One more interviewer's scorecard for Ada, still a draft (no submitted_at): shown and
    // marked, not counted.
    const rating = (level) => ({ level, note: `Erin Wu: ${level.replace('_', ' ')}, with an example.` });
    const draft = {
      format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
      candidate: { id: 'c-ada', name: 'Ada Byron' }, interviewer: { id: 'i-erin', name: 'Erin Wu' },
      interview: { step: 'Behavioural', date: '2026-11-02' },
      ratings: { technical_expertise: rating('needs_improvement'), project_ownership: rating('meets'), communication_collaboration: rating('exceeds') },
    };
    await page.fill('#scc-paste', JSON.stringify(draft));
    await page.getByRole('button', { name: 'Add pasted' }).click();
    await page.waitForSelector('[data-testid=drafts-key]');
    // The export, with its Copy and Download.
    await page.getByRole('button', { name: 'Markdown summary' }).click();
    return;
  }
  await page.waitForSelector('.sc-card');
  await page.fill('#sc-candidate', 'Ada Lovelace');
  await page.fill('#sc-interviewer', 'Grace Hopper');
  await page.fill('#sc-step', 'System design');
  for (const [cap, level] of [['technical_expertise', 'exceeds'], ['project_ownership', 'meets'], ['business_impact', 'meets'], ['communication_collaboration', 'needs_improvement']]) {
    await page.click(`label[for="sc-${cap}-${level}"]`);
  }
  await page.fill('#sc-technical_expertise-note', 'Designed a sharded queue; the pattern was adopted by three other teams.');
  for (const note of ['Ran the weekly sync with four teams and kept a risk log', 'needed hints on indexing, never once mentioned cost',
    'seems smart, great culture fit']) {
    await page.fill('#sc-observe', note);
    await page.press('#sc-observe', 'Enter');
  }
};
for (const view of views) {
  for (const [mode, opts] of [['light', { colorScheme: 'light', viewport: { width: 1280, height: 900 } }],
    ['dark', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }],
    ['narrow', { colorScheme: 'light', viewport: { width: 360, height: 800 } }],
    ['print', { colorScheme: 'light', viewport: { width: 900, height: 1200 } }]]) {
    const ctx = await browser.newContext(opts);
    const page = await ctx.newPage();
    await page.goto(url + view.path);
    await fill(page, view);
    if (mode === 'print') await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${out}/${view.name}-${mode}.png`, fullPage: true });
    await ctx.close();
  }
}
// The committee's notices about a set another tab changed: taken here (this tab had nothing
// unsaved), and the choice when this tab's own change meets it. (The second tab does not hear
// the first's save, as when its change was waiting to be saved.)
for (const [mode, opts] of [['light', { colorScheme: 'light', viewport: { width: 1280, height: 900 } }],
  ['dark', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }],
  ['narrow', { colorScheme: 'light', viewport: { width: 360, height: 800 } }]]) {
  const ctx = await browser.newContext(opts);
  await ctx.addInitScript(() => window.addEventListener('storage', (e) => { if (window.deaf) e.stopImmediatePropagation(); }, true));
  const dir = 'tests/fixtures/committee/sample';
  const { readdirSync } = await import('node:fs');
  // The one that does not load first, so that the other tab's change is a scorecard added.
  const files = readdirSync(dir).sort((x, y) => (y === 'broken.json') - (x === 'broken.json')).map((f) => `${dir}/${f}`);
  const [a, b, c] = [await ctx.newPage(), await ctx.newPage(), await ctx.newPage()];
  await a.goto(url + '/committee.html');
  await a.setInputFiles('#scc-files', files.slice(0, -1));
  await a.waitForFunction((n) => JSON.parse(localStorage.getItem('scorecard:v1:committee:l4-senior-software-engineer') ?? '[]').length === n, files.length - 1);
  for (const p of [b, c]) {
    await p.goto(url + '/committee.html');
    await p.waitForSelector('[data-testid=matrix]');
  }
  await c.evaluate(() => { window.deaf = true; });
  await a.setInputFiles('#scc-files', files.slice(-1));
  await b.waitForFunction(() => /\b1 added/.test(document.querySelector('[data-testid=replaced]')?.textContent ?? ''));
  await b.locator('.sc-committee__load').screenshot({ path: `${out}/committee-tab-taken-${mode}.png` });
  await c.locator('.sc-committee__sources summary').click();
  await c.locator('.sc-committee__sources button').first().click();
  await c.waitForSelector('[data-testid=elsewhere]');
  await c.locator('.sc-committee__load').screenshot({ path: `${out}/committee-tab-choice-${mode}.png` });
  await ctx.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}/`);
