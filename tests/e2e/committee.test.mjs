// End-to-end: a hiring committee loads a panel's scorecards (files, paste, share links), sees
// the matrix, disagreements, who said what and calibration, compares candidates, keeps the set
// across a reload, and exports a summary. Bad files never remove the good ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { harness } from './browser.mjs';

const dir = 'tests/fixtures/committee/sample';
let base, browser;
harness((h) => ({ base, browser } = h));

const card = (interviewer, step, levels, notes = {}) => ({
  format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
  candidate: { id: 'c-zed', name: 'Zed Shaw' }, interviewer: { id: interviewer.toLowerCase(), name: interviewer },
  interview: { step, date: '2026-11-20' }, submitted_at: '2026-11-20T10:00:00Z',
  ratings: Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v, note: notes[k] ?? '' }])),
});

test('a committee compares a panel and candidates', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');

  const files = readdirSync(dir).map((f) => `${dir}/${f}`);
  await page.setInputFiles('#scc-files', files);
  await page.waitForSelector('[data-testid=matrix]');
  const status = await page.locator('[data-testid=load-status]').textContent();
  assert.match(status, /7 scorecards loaded, 5 counted, 2 candidates/);
  assert.match(await page.locator('.sc-committee__failed').textContent(), /broken\.json: ratings\.technical_expertise\.level: unknown level "great"/);
  assert.match(await page.locator('.sc-committee__aside', { hasText: 'another rubric' }).textContent(), /l5-staff-software-engineer.*Ada Byron by Dan Ito/);
  assert.match(await page.locator('.sc-committee__aside', { hasText: 'repeated' }).locator('summary').textContent(), /^1 repeated scorecard \(same candidate, interviewer and step\): the one submitted last counts; set aside: bo-dan\.json$/);

  // A hire below the rubric's level (Greenhouse: No) does not read as a plain hire; people are
  // named, not identified by their ids; confidence is a percentage throughout.
  await page.getByRole('button', { name: 'Bo Chen' }).click();
  await page.waitForFunction(() => document.querySelector('#scc-cand')?.textContent === 'Bo Chen');
  assert.equal(await page.locator('[data-testid=committee-decision]').textContent(), 'Hire below level: L3');
  assert.match(await page.locator('.sc-committee__compare tr', { hasText: 'Bo Chen' }).textContent(), /Hire below level: L3/);
  const calibration = await page.locator('[data-testid=calibration]').textContent();
  assert.ok(calibration.includes('Alice Moss') && calibration.includes('Dan Ito'), calibration);
  assert.doesNotMatch(await page.locator('[data-testid=calibration]').textContent(), /i-alice|i-dan/);
  assert.match(await page.locator('[data-testid=committee-rationale]').textContent(), /Confidence lowered from \d+% to \d+%/);

  // Print: the comparison stays, navigation goes, and every "who said what" prints open.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.locator('.sc-committee__who:not([open])').count(), 0, 'every disclosure opens for print');
  assert.equal(await page.locator('.sc-committee__compare').evaluate((e) => getComputedStyle(e).display), 'block');
  assert.equal(await page.locator('.sc-nav').evaluate((e) => getComputedStyle(e).display), 'none');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.sc-committee__who[open]').count(), 1, 'closed again after printing');

  // A split panel pasted in: one says needs improvement where another says exceeds.
  const z = [
    card('Uma', 'Coding', { technical_expertise: 'needs_improvement', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' },
      { technical_expertise: 'Needed hints for every step of the cache design.' }),
    card('Vic', 'System design', { technical_expertise: 'exceeds', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' },
      { technical_expertise: 'Designed the sharding scheme three teams adopted.' }),
    card('Wes', 'Behavioural', { technical_expertise: 'meets', project_ownership: 'exceeds', business_impact: 'meets', communication_collaboration: 'meets', mentorship_support: 'meets' }),
  ];
  await page.getByLabel('Paste').fill(z.map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /3 candidates/.test(document.querySelector('[data-testid=load-status]').textContent));
  await page.getByRole('button', { name: 'Zed Shaw' }).click();
  await page.waitForFunction(() => document.querySelector('#scc-cand')?.textContent === 'Zed Shaw');
  const te = page.locator('[data-testid=matrix] tr', { hasText: 'Technical Expertise' });
  assert.match(await te.textContent(), /disagree/);
  assert.match(await te.textContent(), /Needs Improvement · 1 note.*Exceeds Expectations · 1 note/);
  const rationale = await page.locator('[data-testid=committee-rationale]').textContent();
  assert.match(rationale, /Technical Expertise/);
  const who = page.locator('.sc-committee__who', { hasText: 'Technical Expertise' });
  assert.ok(await who.evaluate((d) => d.open), 'a disputed capability opens who said what');
  assert.match(await who.textContent(), /Needed hints.*Designed the sharding scheme/s);
  assert.match(await page.locator('.sc-committee__who', { hasText: 'Leadership' }).locator('summary').textContent(), /consensus: Not assessed/);
  assert.match(await page.locator('#scc-cand').locator('xpath=..').textContent(), /Nobody assessed: Leadership & Process Improvement/);

  // The chart has a table behind it. (It is drawn wide and narrow; one drawing shows at a time.)
  assert.equal(await page.locator('.sc-chart svg[role=img]:visible').count(), 1);
  assert.equal(await page.locator('.sc-chart table tr').count(), 7);

  // The set survives a reload; export works; clear empties it.
  await page.reload();
  await page.waitForFunction(() => /3 candidates/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''));
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  const md = await page.locator('#scc-out').inputValue();
  assert.match(md, /^# Hiring committee: L4 Senior Software Engineer/);
  assert.match(md, /## Zed Shaw/);
  await page.getByRole('button', { name: 'JSON report' }).click();
  const report = JSON.parse(await page.locator('#scc-out').inputValue());
  assert.equal(report.candidates.length, 3);
  // Clear all asks first, the keyboard on Cancel; Cancel keeps everything, and the keyboard goes
  // back to Clear all.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByText(/^Remove all \d+ loaded scorecards from this view and this browser\?$/).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'scc-clear-no');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'scc-clear');
  assert.match(await page.getByTestId('load-status').textContent(), /3 candidates/);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.waitForFunction(() => /^No scorecards loaded yet\./.test(document.querySelector('[data-testid=load-status]').textContent));
  // "Clear all" disables itself: focus moves to the file input, not to the page.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'scc-files');
  assert.deepEqual(errors, []);
  await context.close();
});

test('blind mode hides the panel until my own submitted scorecard is loaded', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/committee.html?blind=Wes');
  await page.waitForSelector('#scc-files');
  const others = [
    card('Uma', 'Coding', { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' }),
  ];
  await page.getByLabel('Paste').fill(JSON.stringify(others[0]));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForSelector('[data-testid=blind]');
  assert.equal(await page.locator('[data-testid=matrix]').count(), 0, 'nothing of the panel is shown');
  const mine = card('Wes', 'Behavioural', { technical_expertise: 'meets', project_ownership: 'exceeds', business_impact: 'meets', communication_collaboration: 'meets' });
  await page.getByLabel('Paste').fill(JSON.stringify(mine));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForSelector('[data-testid=matrix]');
  await context.close();
});

test('the committee view at 360 px wide does not scroll sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.setInputFiles('#scc-files', readdirSync(dir).map((f) => `${dir}/${f}`));
  await page.waitForSelector('[data-testid=matrix]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport (wide tables scroll inside their own box)`);
  await context.close();
});

test('a full browser storage does not lose the panel, and a revised scorecard supersedes the old one', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Storage that holds nothing: every save of the set is refused as over quota.
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-paste');
  const levels = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' };
  await page.getByLabel('Paste').fill([card('Uma', 'Coding', levels), card('Vic', 'Coding', levels)].map((c) => JSON.stringify(c)).join('\n'));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  // The set is saved when the browser is idle; the refusal is then reported, and the panel stays.
  const status = page.locator('[data-testid=load-status]');
  await page.waitForFunction(() => /Not saved in this browser/.test(document.querySelector('[data-testid=load-status]').textContent));
  assert.match(await status.textContent(), /^2 scorecards loaded, 2 counted, 1 candidate\./);

  // Uma revises her rating: the later submission replaces the earlier one in the analysis.
  const revised = card('Uma', 'Coding', { ...levels, technical_expertise: 'exceeds' });
  // The same day, later: the line below tells the two apart by the minute.
  revised.submitted_at = '2026-11-20T16:30:00Z';
  await page.getByLabel('Paste').fill(JSON.stringify(revised));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /^3 scorecards loaded, 2 counted/.test(document.querySelector('[data-testid=load-status]').textContent));
  const te = page.locator('[data-testid=matrix] tr', { hasText: 'Technical Expertise' });
  assert.match(await te.textContent(), /Exceeds Expectations · no evidence/, 'the revised rating counts');
  assert.equal((await te.textContent()).match(/· no evidence/g).length, 2, 'one column per interviewer: the old version is not counted');
  // Which version counts, and that it is the later one, is said where the old one is set aside.
  assert.match(await page.locator('.sc-committee__aside', { hasText: 'repeated' }).locator('li').textContent(),
    /^Zed Shaw by Uma \(Coding\): kept Pasted text 2 \(submitted 2026-11-20 16:30 UTC\), set aside Pasted text 1, line 1 \(submitted 2026-11-20 10:00 UTC\)$/);
  // A revision written in Uma's own offset: 09:00 in California is 17:00 UTC, the latest, and
  // every time is said in UTC, so that the kept one reads as the latest.
  await page.getByLabel('Paste').fill(JSON.stringify({ ...revised, submitted_at: '2026-11-20T09:00:00-08:00' }));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /^4 scorecards loaded, 2 counted/.test(document.querySelector('[data-testid=load-status]').textContent));
  assert.match(await page.locator('.sc-committee__aside', { hasText: 'repeated' }).locator('li').textContent(),
    /^Zed Shaw by Uma \(Coding\): kept Pasted text 3 \(submitted 2026-11-20 17:00 UTC\), set aside Pasted text 1, line 1 \(submitted 2026-11-20 10:00 UTC\), Pasted text 2 \(submitted 2026-11-20 16:30 UTC\)$/);
  await context.close();
});

test('a set changed just before the page is left is saved as it is left', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A browser that is never idle: only leaving the page can run the pending save.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-paste');
  const levels = { technical_expertise: 'meets', project_ownership: 'meets', business_impact: 'meets', communication_collaboration: 'meets' };
  await page.getByLabel('Paste').fill(JSON.stringify(card('Uma', 'Coding', levels)));
  await page.getByRole('button', { name: 'Add pasted' }).click();
  await page.waitForFunction(() => /^1 scorecard loaded/.test(document.querySelector('[data-testid=load-status]').textContent));
  const saved = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('committee')).length);
  assert.equal(await saved(), 0, 'the save waits for the browser to be idle');
  await page.reload();
  await page.waitForFunction(() => /^1 scorecard loaded/.test(document.querySelector('[data-testid=load-status]')?.textContent ?? ''));
  await context.close();
});

// Screen readers: what the committee view says to someone who cannot see it.

/** Opens the committee view and loads the sample panel (8 files: 2 candidates, 1 broken file). */
async function loadSample(page) {
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
  await page.setInputFiles('#scc-files', readdirSync(dir).map((f) => `${dir}/${f}`));
  await page.waitForSelector('[data-testid=matrix]');
  await page.waitForFunction(() => /7 scorecards loaded/.test(document.querySelector('[data-testid=load-status]').textContent));
}

test('the committee view has one main landmark, beside the banner', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loadSample(page);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('banner').count(), 1, 'the header stays a banner, outside main');
  for (const inside of ['#scc-load', '.sc-committee__compare', '[data-testid=matrix]', '#scc-export']) {
    assert.equal(await page.locator(`main ${inside}`).count(), 1, `${inside} is inside main`);
  }
  await context.close();
});

test('the heat map names each note disclosure and column header fully', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loadSample(page);
  // Files are read in parallel: whichever candidate loaded first is shown until another is chosen.
  await page.getByRole('button', { name: 'Ada Byron' }).click();
  await page.waitForFunction(() => document.querySelector('#scc-cand')?.textContent === 'Ada Byron');
  // Reached by Tab, a disclosure is heard without its headers: its name says whose and what.
  const cell = page.locator('[data-testid=matrix] tbody tr', { hasText: 'Technical Expertise' }).locator('td').first();
  assert.match(await cell.ariaSnapshot(), /"Alice Moss, Technical Expertise: Meets Expectations · 1 note/);
  assert.deepEqual(await cell.locator('summary .sc-visually-hidden').allTextContents(), ['Alice Moss, Technical Expertise: ']);
  // The interviewer and the step, on two lines on screen, are read apart.
  const header = page.locator('[data-testid=matrix] thead th').nth(1);
  assert.match(await header.ariaSnapshot(), /columnheader "Alice Moss\s*,\s*Coding"/);
  await context.close();
});

test('the comparison table has a caption, reads its warning sign, and announces the candidate chosen', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loadSample(page);
  const table = page.locator('.sc-committee__compare table');
  assert.equal(await table.locator('caption').count(), 1);
  assert.match(await table.locator('caption').textContent(), /^Candidates by outcome/);
  assert.match(await table.ariaSnapshot(), /^- table "Candidates by outcome/);
  // "⚠" (and "◆", the split the outcome rests on) are not read as symbols: they are hidden, and
  // words say what they mean.
  const bo = table.locator('tr', { hasText: 'Bo Chen' });
  assert.match(await bo.textContent(), /⚠/);
  assert.deepEqual(await bo.locator('[aria-hidden=true]').allTextContents(), [' ⚠', ' ◆']);
  const row = await bo.ariaSnapshot();
  assert.doesNotMatch(row, /⚠|◆/);
  assert.match(row, /cell "Needs Improvement\s*, panel disagrees\s*, decides the outcome"/);
  // Choosing a candidate is announced in a polite status region that was there before.
  assert.equal(await page.locator('.sc-committee__compare [role=status]').count(), 1);
  const live = await page.locator('[data-testid=compare-status]').elementHandle();
  assert.equal(await live.getAttribute('role'), 'status');
  assert.equal(await live.textContent(), '');
  await page.getByRole('button', { name: 'Bo Chen' }).click();
  await page.waitForFunction(() => document.querySelector('#scc-cand')?.textContent === 'Bo Chen');
  assert.deepEqual(await live.evaluate((e) => [e.isConnected, e.textContent]), [true, 'Showing Bo Chen']);
  await context.close();
});

test('loading a batch of files is announced once, when the batch is done', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
  // Every text the live region takes while the 8 files load.
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid=load-status]');
    window.statusTexts = [];
    new MutationObserver(() => window.statusTexts.push(status.textContent))
      .observe(status, { subtree: true, childList: true, characterData: true });
  });
  assert.equal(await page.locator('[data-testid=load-status]').getAttribute('role'), 'status');
  await page.setInputFiles('#scc-files', readdirSync(dir).map((f) => `${dir}/${f}`));
  await page.waitForSelector('[data-testid=matrix]');
  await page.waitForFunction(() => /7 scorecards loaded/.test(document.querySelector('[data-testid=load-status]').textContent));
  // The last change after the batch is its save, when the browser is idle: written, or said
  // not to be; two frames on, a status it changed is on screen and recorded.
  await page.waitForFunction(() => localStorage.getItem('scorecard:v1:committee:l4-senior-software-engineer') !== null
    || /Not saved/.test(document.querySelector('[data-testid=load-status]').textContent));
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.deepEqual(await page.evaluate(() => window.statusTexts), ['7 scorecards loaded, 5 counted, 2 candidates. 1 of 7 scorecards was made against l5-staff-software-engineer v1, so it is set aside; load that rubric to compare it.']);
  await context.close();
});

test('a failed file\'s Remove button names the file and leaves focus on the file input', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loadSample(page);
  const remove = page.locator('.sc-committee__failed button');
  assert.equal(await remove.textContent(), 'Remove');
  assert.match(await remove.ariaSnapshot(), /^- button "Remove broken\.json"/);
  await page.getByRole('button', { name: 'Remove broken.json' }).click();
  await page.waitForFunction(() => !document.querySelector('.sc-committee__failed'));
  // Its button went with it: the keyboard goes to the file input, not back to the page.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'scc-files');
  await context.close();
});

test("the panel's columns follow the order the files were chosen, not the order their reads finish", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
  const levels = { technical_expertise: 'meets', project_ownership: 'meets' };
  const json = (who, step) => JSON.stringify(card(who, step, levels));
  // The first file's read is held back until the other two have been read, so it finishes last.
  await page.evaluate(() => {
    const read = FileReader.prototype.readAsArrayBuffer;
    let others = 0;
    let release;
    const gate = new Promise((ok) => { release = ok; });
    FileReader.prototype.readAsArrayBuffer = function (blob, ...rest) {
      if (blob.name === 'yara.json') {
        window.held = true;
        gate.then(() => read.call(this, blob, ...rest));
        return;
      }
      this.addEventListener('loadend', () => { if (++others === 2) release(); });
      read.call(this, blob, ...rest);
    };
  });
  await page.setInputFiles('#scc-files', [
    { name: 'yara.json', mimeType: 'application/json', buffer: Buffer.from(json('Yara Quinn', 'Coding')) },
    { name: 'abe.json', mimeType: 'application/json', buffer: Buffer.from(json('Abe Ross', 'Design')) },
    { name: 'mo.json', mimeType: 'application/json', buffer: Buffer.from(json('Mo Chen', 'Values')) },
  ]);
  await page.waitForSelector('[data-testid=matrix]');
  const headers = await page.locator('[data-testid=matrix] thead th').allTextContents();
  assert.deepEqual(headers.slice(1, 4).map((h) => h.split(/\s/)[0]), ['Yara', 'Abe', 'Mo'], headers.join(' | '));
  assert.equal(await page.evaluate(() => window.held), true, "the first file's read was the one held back");
  await context.close();
});

test('a file the browser fails to read for a reason of its own is listed with that reason, and the rest of its batch loads', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
  // The browser's reader fails one file with an error name outside the three the File API names.
  await page.evaluate(() => {
    const read = FileReader.prototype.readAsArrayBuffer;
    FileReader.prototype.readAsArrayBuffer = function (blob) {
      if (blob.name !== 'odd.json') return read.call(this, blob);
      Object.defineProperty(this, 'error', { value: new DOMException('The disk went away.', 'EncodingError') });
      queueMicrotask(() => this.dispatchEvent(new ProgressEvent('loadend')));
    };
  });
  const levels = { technical_expertise: 'meets', project_ownership: 'meets' };
  await page.setInputFiles('#scc-files', [
    { name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(card('Yara Quinn', 'Coding', levels))) },
    { name: 'abe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(card('Abe Ross', 'Design', levels))) },
  ]);
  await page.waitForSelector('[data-testid=matrix]');
  await page.waitForFunction(() => /disk went away/.test(document.querySelector('main').textContent));
  const text = await page.locator('main').textContent();
  assert.match(text, /odd\.json[^]*could not read the file: The disk went away\./);
  await context.close();
});
