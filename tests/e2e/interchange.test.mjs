// End-to-end: scorecards travel out and back in without loss: JSON download and import (file
// picker and paste), Greenhouse, Markdown, share links, print; bad input changes nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draft, harness, observe, openScorer, submit } from './browser.mjs';

let base, browser, dir;
harness((h) => ({ base, browser } = h));
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorecard-e2e-'));
});

const fresh = () => openScorer(browser, base, { acceptDownloads: true });

async function fillCard(page) {
  // Exports, imports and share links come from the on-demand module: once it is in.
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await page.getByLabel('Candidate', { exact: true }).fill('Ada <b>Lovelace</b>');
  await page.getByLabel('Interviewer', { exact: true }).fill('Grace Hopper');
  await page.getByLabel('Interview step').fill('System design');
  await page.click('label[for="sc-technical_expertise-exceeds"]');
  await page.click('label[for="sc-project_ownership-meets"]');
  await page.getByLabel('Evidence for Technical Expertise').fill('Designed the queue; "quotes" & <script>alert(1)</script> stay text 🚀');
  await page.getByLabel('What did you observe?').fill('Mentors two new grads weekly.');
  await page.getByLabel('What did you observe?').press('Enter');
  await page.waitForSelector('.sc-obs');
}

async function downloadText(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, text: await readFile(path, 'utf8'), filename: download.suggestedFilename() };
}

test('JSON export then import through the file picker is lossless', async () => {
  const a = await fresh();
  await fillCard(a.page);
  const first = await downloadText(a.page, 'Download JSON');
  assert.equal(first.filename, 'scorecard-ada-b-lovelace-b.json');
  const doc = JSON.parse(first.text);
  assert.equal(doc.format, 'interview-scorecard');
  assert.equal(doc.ratings.technical_expertise.level, 'exceeds');
  await a.context.close();

  const b = await fresh();
  await b.page.getByLabel('Candidate', { exact: true }).fill('Someone else');
  // Imports are read by the on-demand module: once it is in (before, a file is refused as still loading).
  await b.page.waitForSelector('.sc-app[data-assist=ready]');
  await b.page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await b.page.getByLabel('File', { exact: true }).setInputFiles(first.path);
  await b.page.waitForSelector('.sc-transfer__pending');
  assert.equal(await b.page.getByLabel('Candidate', { exact: true }).inputValue(), 'Someone else', 'nothing replaced before confirming');
  // The question takes the focus (it is read out; Tab goes on to its buttons).
  await b.page.waitForFunction(() => document.activeElement?.id === 'sc-pending');
  assert.match(await b.page.locator('#sc-pending').textContent(), /^scorecard-ada-b-lovelace-b\.json holds a scorecard for /);
  // Another person's scorecard: the card on screen, saved, stays saved (see scorecards.test.mjs).
  await b.page.getByRole('button', { name: 'Open it' }).click();
  await b.page.waitForFunction(() => document.querySelector('#sc-candidate').value === 'Ada <b>Lovelace</b>');
  // The buttons are gone: the keyboard is on what happened, not thrown back to the page.
  await b.page.waitForFunction(() => document.activeElement?.classList.contains('sc-transfer__msg'));
  // Said once, by the toolbar's notice; the panel shows it without announcing it again.
  assert.equal(await b.page.locator('[role=alert], [role=status]').filter({ hasText: /^Imported from/ }).count(), 1);
  const second = await downloadText(b.page, 'Download JSON');
  assert.deepEqual(JSON.parse(second.text), doc, 'export → import → export gives the same document');
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('ratings drafted and not confirmed stay drafted through a JSON file: imported, they are marked and block Submit', async () => {
  const a = await fresh();
  await a.page.getByLabel('Candidate', { exact: true }).fill('Dee Raft');
  await observe(a.page, 'Designed a sharded queue that two other teams adopted and now run in production.');
  await draft(a.page);
  await a.page.locator('.sc-badge', { hasText: 'Drafted' }).first().waitFor();
  const drafted = await a.page.locator('section.sc-card', { has: a.page.locator('.sc-badge', { hasText: 'Drafted' }) }).locator('h2').allTextContents();
  assert.ok(drafted.length > 0);
  const file = await downloadText(a.page, 'Download JSON');
  const doc = JSON.parse(file.text);
  const marked = Object.entries(doc.ratings).filter(([, e]) => e.drafted === true);
  assert.equal(marked.length, drafted.length, file.text);
  await a.context.close();

  const b = await fresh();
  await b.page.waitForSelector('.sc-app[data-assist=ready]');
  await b.page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await b.page.getByLabel('File', { exact: true }).setInputFiles(file.path);
  await b.page.getByRole('button', { name: /Open it|Replace/ }).first().click();
  await b.page.waitForFunction(() => document.querySelector('#sc-candidate').value === 'Dee Raft');
  const again = await b.page.locator('section.sc-card', { has: b.page.locator('.sc-badge', { hasText: 'Drafted' }) }).locator('h2').allTextContents();
  assert.deepEqual(again, drafted, 'the same ratings are marked drafted');
  await submit(b.page);
  await b.page.locator('.sc-notice', { hasText: 'Not submitted: confirm or change the ratings drafted' }).waitFor();
  assert.equal(await b.page.locator('[data-testid="submitted"]').count(), 0);
  // The file written again carries the same marks.
  assert.deepEqual(JSON.parse((await downloadText(b.page, 'Download JSON')).text).ratings, doc.ratings);
  // An export refused for the drafts names those still waiting, and goes with the last one.
  await b.page.getByRole('button', { name: 'Markdown summary' }).click();
  const refusal = b.page.locator('.sc-transfer__msg[role=alert]');
  await refusal.filter({ hasText: /^Not exported: confirm or change the ratings drafted/ }).waitFor();
  for (const name of drafted) {
    await b.page.getByRole('button', { name: `Confirm the drafted rating of ${name}` }).click();
    if (name !== drafted.at(-1)) await refusal.filter({ hasNotText: name }).waitFor();
  }
  await refusal.waitFor({ state: 'detached' });
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('an export pressed while an import question is open leaves the question open; a new file replaces it', async () => {
  const a = await fresh();
  await fillCard(a.page);
  const file = await downloadText(a.page, 'Download JSON');
  await a.context.close();

  const { context, page } = await fresh();
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await page.getByLabel('Candidate', { exact: true }).fill('Someone else');
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles(file.path);
  await page.waitForSelector('.sc-transfer__pending');
  // The interviewer checks what they have before answering: the question stays.
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  await page.getByLabel('Markdown summary').waitFor();
  assert.match(await page.locator('#sc-pending').textContent(), /^scorecard-ada-b-lovelace-b\.json holds a scorecard for /);
  // A download too: the question is still the one to answer.
  await downloadText(page, 'Download JSON');
  assert.equal(await page.locator('.sc-transfer__pending').count(), 1);
  await page.getByRole('button', { name: 'Open it' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-candidate').value === 'Ada <b>Lovelace</b>');
  assert.equal(await page.locator('.sc-transfer__pending').count(), 0);

  // A second file while a question is open: the question is about the newer file.
  await page.getByLabel('File', { exact: true }).setInputFiles(file.path);
  await page.waitForSelector('.sc-transfer__pending');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await page.waitForFunction(() => document.querySelector('.sc-transfer__msg')?.textContent.startsWith('broken.json: '));
  assert.equal(await page.locator('.sc-transfer__pending').count(), 0, 'the question about the earlier file is gone');
  await context.close();
});

test('a bad file is refused with a specific message and the draft is untouched', async () => {
  const { context, page } = await fresh();
  await page.getByLabel('Candidate', { exact: true }).fill('Keep me');
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ format: 'interview-scorecard', version: 1, ratings: { technical_expertise: { level: 'stellar' } } }));
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles(bad);
  const msg = page.locator('.sc-transfer__msg.sc-is-error');
  await msg.waitFor();
  assert.match(await msg.textContent(), /^bad\.json: ratings\.technical_expertise\.level: unknown level "stellar".*Your draft is unchanged\./);
  // A file name is said as it is, even one that starts as the pasted text's own words do.
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'the x.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
  await page.waitForFunction(() => document.querySelector('.sc-transfer__msg')?.textContent.startsWith('the x.json: '));
  // Bytes that are not text (a Latin-1 file, an image) are refused as the command-line tool
  // refuses them, naming the first, not read as JSON full of replacement characters.
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0xe9, 0x22]) });
  await page.waitForFunction(() => document.querySelector('.sc-transfer__msg')?.textContent.startsWith('latin1.json: '));
  assert.equal(await msg.textContent(), 'latin1.json: not UTF-8 text (byte 3); save it as UTF-8. Your draft is unchanged.');
  await page.getByLabel('Or paste JSON or a share link').fill('{"format": "greenhouse?"');
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await page.waitForFunction(() => document.querySelector('.sc-transfer__msg')?.textContent.startsWith('The pasted text: not JSON'));
  // The parser's detail in words, with where it stopped.
  assert.match(await page.locator('.sc-transfer__msg').textContent(), /\(the text ends inside an object at line 1 column \d+\)/);
  assert.equal(await page.getByLabel('Candidate', { exact: true }).inputValue(), 'Keep me');
  // The box it came from is marked invalid and points at the message, until it is edited.
  const paste = page.getByLabel('Or paste JSON or a share link');
  assert.equal(await paste.getAttribute('aria-invalid'), 'true');
  assert.equal(await paste.getAttribute('aria-describedby'), 'sc-msg');
  await paste.fill('{}');
  assert.equal(await paste.getAttribute('aria-invalid'), null);
  await context.close();
});

test('beside the cards, a refused file is brought into view in the panel that scrolls on its own', async () => {
  const { context, page } = await openScorer(browser, base, { viewport: { width: 1280, height: 720 } });
  const aside = page.locator('.sc-layout__aside');
  await page.waitForSelector('.sc-app[data-assist=ready]');
  // The panel is taller than the window here, so it scrolls on its own.
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  assert.ok(await aside.evaluate((a) => a.scrollHeight > a.clientHeight), 'the panel scrolls');
  await aside.evaluate((a) => { a.scrollTop = 0; });
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await page.locator('.sc-transfer__msg.sc-is-error').waitFor();
  // The keyboard goes to the message, as for an export's refusal, which brings it into view.
  await page.waitForFunction(() => document.activeElement?.classList.contains('sc-transfer__msg'));
  await page.waitForFunction(() => {
    const panel = document.querySelector('.sc-layout__aside').getBoundingClientRect();
    return document.querySelector('.sc-transfer__msg').getBoundingClientRect().bottom <= Math.min(panel.bottom, window.innerHeight) + 1;
  });
  // A refused paste leaves the keyboard in the box, to correct it.
  const paste = page.getByLabel('Or paste JSON or a share link');
  await paste.fill('{"format": ');
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await page.waitForFunction(() => document.querySelector('.sc-transfer__msg')?.textContent.startsWith('The pasted text'));
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BUTTON');
  await context.close();
});

test('beside the cards, the panel scrolled by a focus inside it shows its top again when the page is back at the top', async () => {
  const { context, page } = await openScorer(browser, base, { viewport: { width: 1280, height: 720 } });
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.click('label[for="sc-technical_expertise-exceeds"]');
  // (Links are made by the on-demand module: pressed before it has loaded, the button says to wait.)
  await page.waitForFunction(() => document.querySelector('.sc-app')?.dataset.assist === 'ready');
  await page.getByRole('button', { name: 'Share link' }).click();
  const box = page.locator('.sc-transfer__out textarea');
  await box.waitFor();
  // The keyboard goes to the link's box: the panel, taller than the window, scrolls on its own
  // to show it, and it stays shown.
  await box.focus();
  const panel = () => page.evaluate(() => {
    const aside = document.querySelector('.sc-layout__aside');
    const out = document.querySelector('.sc-transfer__out textarea').getBoundingClientRect();
    return { scrolled: aside.scrollTop, shown: out.top >= 0 && out.bottom <= innerHeight,
      top: document.querySelector('.sc-rec').getBoundingClientRect().top - aside.getBoundingClientRect().top, y: scrollY };
  });
  await page.waitForFunction(() => document.querySelector('.sc-layout__aside').scrollTop > 0);
  const focused = await panel();
  assert.ok(focused.scrolled > 0, 'the panel scrolled on its own');
  assert.ok(focused.shown, 'the focused box is in view');
  // The page scrolled back up (the wheel over the cards; focus stays in the box): the panel's
  // top, the recommendation, is in view again.
  await page.mouse.move(400, 400);
  for (let i = 0; i < 10 && (await page.evaluate(() => scrollY)) > 0; i++) await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => scrollY === 0);
  await page.waitForFunction(() => document.querySelector('.sc-layout__aside').scrollTop === 0);
  const top = await panel();
  assert.ok(top.top >= 0, 'the recommendation starts inside the panel');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  // Review: a panel the user scrolled while it sits at its start stays as they left it when the
  // page scrolls a little (not reset on every scroll up, only on coming back from stuck).
  await page.mouse.move(1100, 300);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => document.querySelector('.sc-layout__aside').scrollTop > 0);
  await page.evaluate(() => window.scrollTo(0, 60));
  await page.waitForFunction(() => scrollY === 60);
  await page.evaluate(() => window.scrollTo(0, 20));
  await page.waitForFunction(() => scrollY === 20);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(await page.evaluate(() => document.querySelector('.sc-layout__aside').scrollTop) > 0, 'the panel the user scrolled is left as it was');
  await context.close();
});

test('Greenhouse export and import map attributes and say how', async () => {
  const { context, page } = await fresh();
  await fillCard(page);
  const gh = JSON.parse((await downloadText(page, 'Download for Greenhouse')).text);
  // Greenhouse takes the candidate from the application the file is attached to: the page says
  // the file names none, and what to do.
  assert.equal(gh.candidate_id, null);
  assert.ok(!JSON.stringify(gh).includes('Lovelace'), 'no candidate name in the file');
  assert.equal(await page.locator('.sc-transfer__msg[role=status]').textContent(),
    "Downloaded for Greenhouse. The file carries no candidate name: attach it to the candidate's application in Greenhouse. For the committee view, download JSON.");
  const names = gh.attributes.map((a) => a.name);
  assert.ok(names.includes('Technical Expertise'));
  assert.equal(gh.attributes.find((a) => a.name === 'Technical Expertise').rating, 'strong_yes');
  assert.ok(['yes', 'no', 'strong_yes', 'definitely_not', 'no_decision'].includes(gh.overall_recommendation));

  const incoming = {
    id: 7, candidate_id: 42, interview: 'Onsite', interviewer: { id: 3, name: 'Barbara Liskov' },
    overall_recommendation: 'yes',
    attributes: [
      { name: 'Communication', type: 'Skills', note: 'Explained trade-offs to PMs', rating: 'yes' },
      { name: 'Project Management', type: 'Skills', note: null, rating: 'strong_yes' },
      { name: 'Kindness', type: 'Traits', note: 'Helped a teammate debug on-call alerts at 2am', rating: 'yes' },
    ],
    questions: [{ id: null, question: 'Key Take-Aways', answer: '<p>Led the <b>billing</b> migration across three teams</p>' },
      { id: null, question: 'Private Notes', answer: 'Salary expectations are high.' }],
  };
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await page.getByLabel('Or paste JSON or a share link').fill(JSON.stringify(incoming));
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  const pending = page.locator('.sc-transfer__pending');
  await pending.waitFor();
  const mapping = await pending.locator('.sc-transfer__mappings').first().textContent();
  // What was left out is said before the draft is replaced.
  assert.match(await pending.textContent(), /"Private Notes" is private to its author and is not imported/);
  assert.match(mapping, /“Communication” → Communication & Collaboration/);
  assert.match(mapping, /“Project Management” → Project Ownership \(known synonym\)/);
  assert.match(mapping, /“Kindness” → no capability: its note became observations/);
  // Barbara Liskov's, not Grace Hopper's: another scorecard than the one on screen.
  await page.getByRole('button', { name: 'Open it' }).click();
  await page.waitForFunction(() => document.querySelector('#sc-project_ownership-exceeds')?.checked);
  assert.ok(await page.locator('#sc-communication_collaboration-meets').isChecked());
  assert.ok(await page.locator('.sc-obs', { hasText: 'billing migration' }).count() >= 1, 'take-aways became observations');
  await context.close();
});

test("a Greenhouse file naming no candidate keeps the open card's names, and never makes a nameless submitted card", async () => {
  const { context, page } = await fresh();
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('Interviewer', { exact: true }).fill('Grace Hopper');
  await page.getByLabel('Interview step').fill('System design');
  await page.click('label[for="sc-technical_expertise-exceeds"]');
  await page.getByLabel('Evidence for Technical Expertise').fill('Designed the sharded queue.');
  await submit(page);
  await page.waitForSelector('[data-testid=submitted]');
  const gh = await downloadText(page, 'Download for Greenhouse');
  assert.equal(JSON.parse(gh.text).candidate_id, null, 'Greenhouse names the candidate by id only, and this card has none');
  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles(gh.path);
  // The question names whose card it becomes: this one's.
  await page.waitForSelector('.sc-transfer__pending');
  assert.match(await page.locator('#sc-pending').textContent(), / holds a Greenhouse scorecard for Ada Lovelace by Grace Hopper, /);
  await page.getByRole('button', { name: 'Replace my draft' }).click();
  await page.waitForSelector('[data-testid=submitted]');
  assert.equal(await page.getByLabel('Candidate', { exact: true }).inputValue(), 'Ada Lovelace');
  assert.equal(await page.getByLabel('Interview step').inputValue(), 'System design');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent === 'Saved in this browser');
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':draft:')));
  assert.deepEqual(drafts, ['scorecard:v1:draft:l4-senior-software-engineer:ada lovelace:grace hopper:system design'], 'still under its own key, no nameless one');
  await page.getByText('Your scorecards').click();
  assert.deepEqual(await page.locator('.sc-saved__title').allTextContents(), ['Ada Lovelace · System design']);
  await context.close();

  // A blank card has no name to keep: the submitted file comes in as a draft, saying so.
  const b = await fresh();
  await b.page.waitForSelector('.sc-app[data-assist=ready]');
  await b.page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await b.page.getByLabel('Or paste JSON or a share link').fill(gh.text);
  await b.page.getByRole('button', { name: 'Import pasted text' }).click();
  await b.page.locator('.sc-transfer__pending', { hasText: 'submitted without a candidate\'s name: it comes in as a draft' }).waitFor();
  await b.page.getByRole('button', { name: 'Replace my draft' }).click();
  await b.page.waitForFunction(() => document.querySelector('#sc-technical_expertise-exceeds')?.checked);
  assert.equal(await b.page.locator('[data-testid=submitted]').count(), 0, 'not submitted without a candidate');
  assert.equal(await b.page.getByRole('button', { name: 'Submit scorecard' }).count(), 1);
  await b.context.close();

  // A file naming the candidate by an ATS id only: the id is no name to show, and may not be
  // the open card's candidate. It comes in as a draft too, its name field open to type.
  const c = await fresh();
  await c.page.waitForSelector('.sc-app[data-assist=ready]');
  await c.page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await c.page.getByLabel('Or paste JSON or a share link').fill(JSON.stringify({ ...JSON.parse(gh.text), candidate_id: 1042 }));
  await c.page.getByRole('button', { name: 'Import pasted text' }).click();
  await c.page.locator('.sc-transfer__pending', { hasText: 'submitted without a candidate\'s name: it comes in as a draft' }).waitFor();
  await c.page.getByRole('button', { name: 'Replace my draft' }).click();
  await c.page.waitForFunction(() => document.querySelector('#sc-technical_expertise-exceeds')?.checked);
  assert.equal(await c.page.locator('[data-testid=submitted]').count(), 0);
  assert.ok(!(await c.page.getByLabel('Candidate', { exact: true }).isDisabled()), 'the name can be typed');
  await c.context.close();
});

test('a note or observation with a bias risk stays out of the Greenhouse file and the print, and the page says so', async () => {
  const { context, page } = await fresh();
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.click('label[for="sc-technical_expertise-meets"]');
  await page.getByLabel('Evidence for Technical Expertise').fill('Solid answers, though she is close to retirement age.');
  await page.click('label[for="sc-project_ownership-meets"]');
  await page.getByLabel('Evidence for Project Ownership').fill('Owned the billing migration end to end.');
  await observe(page, 'She is a young mom so might not handle on-call');
  // An impression: no Key Take-Away either, and the message says so.
  await observe(page, 'Seems really smart.');
  // Untagged (no capability reads in it), and no bias risk: it prints, as Markdown and
  // Greenhouse keep it.
  await observe(page, 'Asked who would use the report before sketching the schema');
  await page.locator('.sc-obs', { hasText: 'Asked who would use' }).locator('select[id$="-cap"]').selectOption('');
  await page.locator('.sc-observe .sc-obs', { hasText: 'Asked who would use' }).waitFor();
  // The classifier has read both: the note's warning is shown beside it.
  await page.locator('.sc-card__note.sc-m-bias').waitFor();
  const gh = JSON.parse((await downloadText(page, 'Download for Greenhouse')).text);
  const text = JSON.stringify(gh);
  assert.ok(!/retirement|young mom|really smart/.test(text), text);
  assert.equal(gh.attributes.find((a) => a.name === 'Project Ownership').note, 'Owned the billing migration end to end.');
  await page.locator('.sc-transfer__msg[role=status]', {
    hasText: 'Downloaded for Greenhouse. Flagged as a bias risk and left out: 1 observation and the evidence for Technical Expertise. Impressions (not evidence of behaviour) left out of Key Take-Aways: 1.',
  }).waitFor();
  // Print: the flagged note is replaced by a line saying it was left out; the other prints.
  await page.emulateMedia({ media: 'print' });
  const note = page.locator('.sc-card__note', { has: page.getByLabel('Evidence for Technical Expertise') });
  assert.equal(await note.locator('textarea').isVisible(), false);
  assert.equal(await note.evaluate((e) => getComputedStyle(e, '::after').content), '"Left out: flagged as a bias risk."');
  assert.equal(await page.getByLabel('Evidence for Project Ownership').isVisible(), true);
  // Observations tagged to no capability print after the cards, as Markdown has them; the one
  // with a bias risk does not, and nothing of the entry box does.
  const other = page.locator('.sc-observe');
  assert.equal(await other.locator('h3').evaluate((e) => getComputedStyle(e, '::before').content), '"Other observations"');
  assert.equal(await other.locator('.sc-obs', { hasText: 'Asked who would use' }).isVisible(), true);
  assert.equal(await other.locator('.sc-obs', { hasText: 'young mom' }).isVisible(), false);
  assert.equal(await page.getByLabel('What did you observe?').isVisible(), false);
  assert.equal(await other.locator('h2').isVisible(), false);
  const bottom = (sel) => page.locator(sel).last().evaluate((e) => e.getBoundingClientRect().bottom);
  assert.ok(await bottom('.sc-card') < await bottom('.sc-observe'), 'after the cards');
  await context.close();
});

test('the print counts the observations it shows, and says how many it left out as a bias risk', async () => {
  const { context, page } = await fresh();
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await observe(page, 'Walked the other team through the trade-offs of the caching design');
  await observe(page, 'She seems too old for a startup');
  for (const text of ['Walked the other team', 'too old']) {
    await page.locator('.sc-obs', { hasText: text }).locator('select[id$="-cap"]').selectOption('communication_collaboration');
  }
  const card = page.locator('section.sc-card', { has: page.locator('h2', { hasText: 'Communication & Collaboration' }) });
  await card.locator('.sc-obs.sc-m-bias').waitFor();
  const heading = card.locator('h3', { hasText: 'Observations' });
  assert.equal((await heading.textContent()).trim(), 'Observations (2)');
  await page.emulateMedia({ media: 'print' });
  // On paper the heading is its print text alone.
  assert.equal(await heading.evaluate((h) => getComputedStyle(h).fontSize), '0px');
  assert.equal(await heading.evaluate((h) => getComputedStyle(h, '::after').content), '"Observations (1; 1 left out as a bias risk)"');
  assert.equal(await card.locator('.sc-obs').filter({ hasText: 'too old' }).isVisible(), false);
  await context.close();
});

test('where the browser refuses the clipboard, Copy says to select and copy instead', async () => {
  const { context, page } = await fresh();
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.reload();
  // Share links come from the on-demand module: once it is in.
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.locator('.sc-transfer__copy', { hasText: 'This browser did not allow copying: select the text and copy it' }).waitFor();
  assert.match(await page.locator('.sc-transfer__out textarea').inputValue(), /#sc1=/, 'the link is still there to select');
  await context.close();
});

test('Markdown summary and print view', async () => {
  const { context, page } = await fresh();
  await fillCard(page);
  await page.getByRole('button', { name: 'Markdown summary' }).click();
  const md = await page.locator('.sc-transfer__out textarea').inputValue();
  assert.match(md, /Technical Expertise/);
  assert.ok(!md.includes('<script>'), 'HTML in notes is escaped in Markdown');

  // Copy puts the same text on the clipboard, and says so.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.locator('.sc-transfer__copy', { hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), md);

  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => ({
    transfer: getComputedStyle(document.querySelector('.sc-transfer')).display,
    unchecked: getComputedStyle(document.querySelector('#sc-technical_expertise-meets').closest('.sc-option')).display,
    checked: getComputedStyle(document.querySelector('#sc-technical_expertise-exceeds').closest('.sc-option')).display,
  }));
  assert.deepEqual(hidden, { transfer: 'none', unchecked: 'none', checked: 'contents' });
  await context.close();
});

test('a share link opens read-only and can be imported as a draft', async () => {
  const a = await fresh();
  await fillCard(a.page);
  await a.page.getByRole('button', { name: 'Share link' }).click();
  const url = await a.page.locator('.sc-transfer__out textarea').inputValue();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/#sc1=/);
  await a.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('.sc-shared');
  assert.equal(await page.getByLabel('Candidate', { exact: true }).inputValue(), 'Ada <b>Lovelace</b>');
  assert.ok(await page.getByLabel('Evidence for Technical Expertise').isDisabled(), 'read-only');
  // An empty field of a read-only card prompts for nothing.
  assert.equal(await page.getByLabel('Evidence for Business Impact').evaluate((e) => getComputedStyle(e, '::placeholder').color), 'rgba(0, 0, 0, 0)');
  // Shown, not edited: the editing controls are left out rather than shown disabled.
  for (const name of ['Submit scorecard', 'Add', 'Draft ratings from observations', /^Remove this observation/, /^Accept the suggested tag/]) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, `no ${name} button in a shared scorecard`);
  }
  assert.equal(await page.getByLabel('What did you observe?').count(), 0);
  assert.equal(await page.locator('summary', { hasText: 'Import a scorecard' }).count(), 0, 'nothing to import into');
  assert.equal(await page.locator('[data-testid=save-status]').count(), 0);
  assert.ok(await page.locator('.sc-obs').count() > 0, 'its observations are shown');
  assert.ok(requests.every((u) => !u.includes('sc1=')), 'the fragment is never sent to a server');
  await page.getByRole('button', { name: 'Import as my draft' }).click();
  await page.waitForFunction(() => !location.hash && document.querySelector('#sc-candidate') && !document.querySelector('#sc-candidate').disabled);
  assert.equal(await page.getByLabel('Candidate', { exact: true }).inputValue(), 'Ada <b>Lovelace</b>');
  // Said as what it is (not a draft of one's own restored), with the keyboard on the card.
  assert.equal(await page.locator('.sc-notice span').textContent(), 'Imported from the share link.');
  await page.waitForFunction(() => document.activeElement?.id === 'sc-candidate');
  // The same link again: a draft of these names exists, so it asks first; the keyboard goes to
  // the question's answers and, on Cancel, back to the offer (never to the page's top).
  await page.goto(url);
  await page.waitForSelector('.sc-shared');
  await page.getByRole('button', { name: 'Import as my draft' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Replace and import');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Import as my draft');
  // Escape answers the question as Cancel does.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Replace and import');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Import as my draft');
  await context.close();

  const broken = await browser.newContext();
  const p2 = await broken.newPage();
  await p2.goto(url.slice(0, -40));
  await p2.waitForSelector('.sc-shared .sc-notice');
  assert.match(await p2.locator('.sc-shared .sc-notice').textContent(), /This share link could not be opened: share link is (truncated|corrupt)/);
  await p2.waitForSelector('.sc-card');
  await broken.close();
});

test('a share link says how many flagged remarks it carries, and its reader sees them folded', async () => {
  const a = await fresh();
  const { page } = a;
  await page.waitForSelector('.sc-app[data-assist=ready]');
  await page.getByLabel('Candidate', { exact: true }).fill('Share Check');
  await page.getByLabel('Interviewer', { exact: true }).fill('Sam Ortiz');
  const KIDS = 'Mentioned she has two young kids, so may not want to be on call.';
  await observe(page, KIDS);
  await observe(page, 'Led the payments migration across 3 teams in one quarter.');
  await page.click('label[for="sc-project_ownership-meets"]');
  await page.getByLabel('Evidence for Project Ownership').fill('Young mom with two kids, very energetic.');
  await page.locator('#sc-project_ownership-flags .sc-obs__flag').first().waitFor();
  await page.getByRole('button', { name: 'Share link' }).click();
  const note = page.locator('#sc-out-note');
  await note.waitFor();
  const says = 'This link includes 1 observation and the evidence for Project Ownership flagged as a bias risk. Whoever opens it sees them folded away, one click from their text.';
  assert.equal(await note.textContent(), says);
  // Announced, and the keyboard stays on Share link.
  assert.equal(await page.locator('.sc-toolbar [role=status].sc-visually-hidden').textContent(), says);
  const url = await page.locator('.sc-transfer__out textarea').inputValue();

  // The reader: every flagged remark folded behind the reason, one click from its text.
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(url);
  await reader.waitForSelector(".sc-app[data-assist=ready]");
  const kids = reader.locator('.sc-obs', { hasText: 'two young kids' });
  await kids.locator('details.sc-withheld').waitFor();
  assert.ok(!(await kids.locator('.sc-obs__text').isVisible()), 'folded');
  assert.equal(await kids.locator('summary').textContent(), 'Not shown: flagged as a bias risk, not evidence of the job');
  assert.ok(await reader.locator('.sc-obs', { hasText: 'payments migration' }).locator('.sc-obs__text').isVisible(), 'the rest is shown');
  const noteBox = reader.getByLabel('Evidence for Project Ownership');
  assert.ok(!(await noteBox.isVisible()), 'the flagged evidence note is folded too');
  // Nor does a flag's reason tell what is folded: it quotes the words that raised it ("kids",
  // "mom"), as the committee view, which shows the summary alone, never does.
  assert.equal(await kids.locator('.sc-obs__flag').count(), 0, 'no reason beside a folded observation');
  assert.equal(await reader.locator('#sc-project_ownership-flags .sc-obs__flag').count(), 0, 'nor beside a folded note');
  const visible = await reader.locator('.sc-cards, .sc-observe').evaluateAll((els) => els.map((e) => e.innerText).join(' '));
  assert.ok(!/\b(kids|mom)\b/i.test(visible), visible);
  await kids.locator('summary').click();
  assert.equal(await kids.locator('.sc-obs__text').textContent(), KIDS);
  assert.ok(await kids.locator('.sc-obs__text').isVisible(), 'one click away');
  await context.close();

  // The interviewer's own card is unchanged.
  assert.equal(await page.locator('.sc-obs', { hasText: 'two young kids' }).count(), 1);
  await a.context.close();
});

test("a file's guessed level the classifier cannot tell is cleared on import: moved or accepted, the tag has no level", async () => {
  // An older file stored the classifier's guess ("Hosted an intern" says what, not how well);
  // the page shows it as "Level?", and moving or accepting the tag must not turn the hidden
  // guess into the interviewer's Meets, which would count as evidence.
  const doc = { format: 'interview-scorecard', version: 1, rubric: { id: 'l4-senior-software-engineer', version: 1 },
    candidate: { id: '', name: 'Gus Guess' }, interviewer: { id: '', name: 'Tom Becker' }, interview: { step: 'Onsite', date: '2026-11-20' },
    ratings: {}, observations: [{ id: 'o1', text: 'Hosted an intern', capability: 'mentorship_support', level: 'meets', source: 'suggested' }] };
  for (const how of ['move', 'accept']) {
    const { page, context, errors } = await fresh();
    await page.waitForSelector('.sc-app[data-assist=ready]');
    await page.locator('summary', { hasText: 'Import a scorecard' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'g.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.waitForSelector('.sc-transfer__pending');
    await page.locator('.sc-transfer__pending button').first().click();
    await page.waitForFunction(() => document.querySelector('#sc-candidate')?.value === 'Gus Guess');
    const obs = page.locator('.sc-obs', { hasText: 'Hosted an intern' });
    const level = () => obs.locator('select[id$="-level"]').inputValue();
    assert.equal(await level(), 'not_assessed', `${how}: shown as Level?`);
    if (how === 'move') {
      await obs.locator('select[id$="-cap"]').selectOption('technical_expertise');
      await page.locator('section.sc-card', { has: page.locator('h2', { hasText: 'Technical Expertise' }) }).locator('.sc-obs', { hasText: 'Hosted an intern' }).waitFor();
    } else {
      await obs.getByRole('button', { name: /^Accept/ }).click();
      await obs.getByRole('button', { name: /^Accept/ }).waitFor({ state: 'detached' });
    }
    assert.equal(await level(), 'not_assessed', `${how}: still Level?, now the interviewer's`);
    const stored = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes('gus guess')).map(([, v]) => JSON.parse(v).observations[0]));
    await page.waitForFunction(() => Object.entries(localStorage).some(([k, v]) => k.includes('gus guess') && JSON.parse(v).observations[0].source === 'interviewer'));
    const [o] = await stored();
    assert.notEqual(o.level, 'meets', `${how}: the guess is not stored as the interviewer's level`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
