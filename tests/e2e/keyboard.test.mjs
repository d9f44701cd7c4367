// Keyboard only: a whole scorecard (rate, observe, retag, submit) and a committee comparison,
// with Tab, arrows, Enter and Space, and focus visible at every stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draft, harness, observe, submit } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

/** Presses Tab until the focused element matches `selector` (at most `limit` presses). */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      const visible = await page.evaluate(() => {
        const el = document.activeElement;
        const target = el.matches('input[type=radio]') ? el.nextElementSibling : el;
        const cs = getComputedStyle(target);
        return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      });
      assert.ok(visible, `focus is visible on ${selector}`);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const CAPS = ['technical_expertise', 'project_ownership', 'business_impact', 'communication_collaboration',
  'mentorship_support', 'leadership_process'];

test('a whole scorecard with the keyboard alone', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await page.keyboard.press('Tab');
  await tabTo(page, '#sc-candidate');
  await page.keyboard.type('Kay Keyboard');
  await tabTo(page, '#sc-interviewer');
  await page.keyboard.type('Ivy');

  await tabTo(page, '#sc-observe');
  await page.keyboard.type('Ran the weekly sync with four teams and kept a risk log');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.sc-obs');

  // Each radio group: Tab lands on its checked option ("Not assessed", the last); arrow keys
  // move and choose, wrapping round: right to "Needs improvement", right again to "Meets".
  for (const cap of CAPS) {
    await tabTo(page, `input[name="sc-${cap}"]`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((c) => document.querySelector(`input[name="sc-${c}"]:checked`)?.value === 'meets', cap);
  }
  await page.waitForFunction(() => document.querySelector('[data-testid=decision]').textContent === 'Hire at L4');
  assert.match(await page.locator('[role=status][aria-live=polite]').first().textContent(), /Recommendation: Hire at L4/);

  // Retag the observation with its level menu.
  await tabTo(page, '.sc-obs select[id$="-level"]');
  const before = await page.locator('.sc-obs select[id$="-level"]').inputValue();
  await page.keyboard.press(before === 'exceeds' ? 'ArrowUp' : 'ArrowDown');
  await page.waitForFunction(() => document.querySelector('.sc-obs__source')?.textContent === 'Your tag');

  await tabTo(page, 'button.sc-m-primary:not([disabled])', 120);
  while ((await page.evaluate(() => document.activeElement.textContent)) !== 'Submit scorecard') {
    await page.keyboard.press('Tab');
    await tabTo(page, 'button.sc-m-primary:not([disabled])', 120);
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=submitted]');
  await context.close();
});

test('a committee comparison with the keyboard alone', async () => {
  const card = (candidate, interviewer, level) => JSON.stringify({
    format: 'interview-scorecard', version: 1, candidate: { id: candidate, name: candidate }, interviewer: { id: interviewer },
    interview: { step: interviewer }, submitted_at: '2026-11-20T10:00:00Z',
    ratings: Object.fromEntries(CAPS.slice(0, 4).map((c) => [c, { level, note: 'seen in the interview' }])),
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-paste');
  await page.keyboard.press('Tab');
  await tabTo(page, '#scc-paste');
  await page.keyboard.insertText([card('Ann', 'i1', 'meets'), card('Ann', 'i2', 'exceeds'), card('Bob', 'i1', 'needs_improvement'), card('Bob', 'i3', 'meets')].join('\n'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Add pasted');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.sc-committee__compare');
  await tabTo(page, '.sc-committee__compare tbody tr:nth-child(2) th button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#scc-cand')?.textContent === 'Bob');
  await context.close();
});

// Real keystrokes, one at a time, into every kind of text field: each keeps the focus and every
// character. (A note that starts empty grows a warning under it after the first key; the
// warning must not shift the textarea out of the DOM.)
test('typing key by key keeps the focus and every character', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('scorecard-extras_bg.wasm')));
  const fields = [
    ['#sc-candidate', 'Zoë Ñúñez'],
    ['#sc-technical_expertise-note', 'Seems smart, great culture fit.'],
    ['#sc-observe', 'Mentors two new grads weekly'],
  ];
  for (const [selector, text] of fields) {
    await page.locator(selector).click();
    await page.keyboard.type(text, { delay: 5 });
    const [value, focused] = await page.evaluate((s) => [document.querySelector(s).value, document.activeElement?.matches(s)], selector);
    assert.equal(value, text, `${selector} holds every character`);
    assert.ok(focused, `${selector} still has the focus`);
  }
  // The impression in the note is flagged, and the textarea is still the one typed into.
  await page.locator('section.sc-card', { has: page.locator('#sc-technical_expertise-note') }).locator('.sc-obs__flag').first().waitFor();
  await context.close();
});

test('what a screen reader is given: short names, descriptions, repeated alerts, a named region when embedded', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  // A level is named by its label and described by the rubric's text (not read whole as its name).
  const radio = page.getByRole('radio', { name: 'Meets Expectations', exact: true });
  assert.equal(await radio.count(), 6);
  const described = await radio.first().getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described}`).textContent(), /^Leads technical initiatives/);
  // The chosen level's bullet is decoration, not part of its name.
  await page.locator('label[for="sc-technical_expertise-meets"]').click();
  assert.equal(await page.getByRole('radio', { name: 'Meets Expectations', exact: true, checked: true }).count(), 1);
  // A refusal repeated is still a change of the alert, so it is announced again.
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('What did you observe?').fill('Ran the weekly sync with four teams and kept a risk log shared with product.');
  await page.getByLabel('What did you observe?').press('Enter');
  await page.locator('.sc-obs .sc-obs__source', { hasText: 'Suggested' }).waitFor();
  await draft(page);
  await page.getByRole('button', { name: /^Confirm the drafted rating of / }).waitFor();
  const alert = page.locator('.sc-toolbar .sc-notice span');
  await submit(page);
  await page.waitForFunction(() => /^Not submitted/.test(document.querySelector('.sc-toolbar .sc-notice span')?.textContent ?? ''));
  const first = await alert.textContent();
  await submit(page);
  await page.waitForFunction((first) => document.querySelector('.sc-toolbar .sc-notice span').textContent !== first, first);
  // Its main content is the page's own landmark.
  assert.equal(await page.getByRole('main').count(), 1);

  // Embedded: no <main> of its own inside the host's, and each widget a region named by whose card it is.
  await page.goto(base + '/examples/ats/');
  await page.waitForFunction(() => ['first', 'second'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.sc-card')));
  const regions = await page.evaluate(() => ['first', 'second'].map((id) => {
    const root = document.getElementById(id).shadowRoot;
    return [root.querySelectorAll('main, [role=main]').length, root.querySelector('.sc-app').getAttribute('role'), root.querySelector('.sc-app').getAttribute('aria-label')];
  }));
  assert.deepEqual(regions, [
    [0, 'region', 'Interview scorecard: Ada Lovelace, Grace Hopper'],
    [0, 'region', 'Interview scorecard: Ada Lovelace, Edsger Dijkstra'],
  ]);
  await context.close();
});

test('keyboard answers: Space confirms a drafted rating, Dismiss and Escape keep the focus in the page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await observe(page, 'Ran the weekly sync with four teams and kept a risk log shared with product.');
  await page.locator('.sc-obs .sc-obs__source', { hasText: 'Suggested' }).waitFor();
  await draft(page);
  await page.locator('.sc-badge').first().waitFor();
  // Space on the option already chosen confirms it, as a click does.
  const chosen = page.locator('.sc-card:has(.sc-badge) input[type=radio]:checked');
  await chosen.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('.sc-badge').length === 0);
  // The notice about the draft went with it; a new one (a refused submit) is dismissed by keyboard.
  await page.getByLabel('Candidate', { exact: true }).fill('');
  await submit(page);
  const dismiss = page.locator('.sc-notice').getByRole('button', { name: 'Dismiss' });
  await dismiss.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'sc-submit');
  // Escape answers an import's question as Cancel does.
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
  await page.getByLabel('Or paste JSON or a share link').fill(JSON.stringify({ format: 'interview-scorecard', version: 1, candidate: { name: 'Sam Lee' }, ratings: {} }));
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await page.locator('.sc-transfer__pending').waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.sc-transfer__pending'));
  await page.keyboard.press('Escape');
  await page.locator('.sc-transfer__msg', { hasText: 'Import cancelled; your draft is unchanged.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('sc-transfer__msg')), true);
  await context.close();
});
