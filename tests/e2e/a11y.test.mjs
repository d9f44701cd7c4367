// Accessibility: axe-core reports no WCAG 2.1 A or AA violation on the scorer, the committee
// view, the embedded widget and the print view, in light and dark colour schemes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { harness } from './browser.mjs';

let base, browser;
harness((h) => ({ base, browser } = h));

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
}

async function scorer(page) {
  await page.goto(base + '/');
  await page.waitForSelector('.sc-card');
  await page.getByLabel('Candidate', { exact: true }).fill('Ada Lovelace');
  await page.click('label[for="sc-technical_expertise-exceeds"]');
  await page.click('label[for="sc-business_impact-needs_improvement"]');
  await page.getByLabel('What did you observe?').fill('Ran the weekly sync with four teams and kept a risk log');
  await page.getByLabel('What did you observe?').press('Enter');
  await page.getByLabel('What did you observe?').fill('seems smart, great culture fit');
  await page.getByLabel('What did you observe?').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.sc-obs').length === 2);
  await page.locator('summary', { hasText: 'What makes a good' }).click();
  await page.locator('summary', { hasText: 'Import a scorecard' }).click();
}

async function committee(page) {
  await page.goto(base + '/committee.html');
  await page.waitForSelector('#scc-files');
  const dir = 'tests/fixtures/committee/sample';
  await page.setInputFiles('#scc-files', readdirSync(dir).map((f) => `${dir}/${f}`));
  await page.waitForSelector('[data-testid=matrix]');
}

async function embedded(page) {
  await page.goto(base + '/examples/ats/');
  await page.waitForFunction(() => document.getElementById('second')?.shadowRoot?.querySelector('.sc-card'));
}

for (const scheme of ['light', 'dark']) {
  for (const [name, open] of [['scorer', scorer], ['committee view', committee], ['embedded widget', embedded]]) {
    test(`${name}, ${scheme}: no WCAG 2.1 A/AA violations`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await open(page);
      if (name === 'embedded widget') {
        // Judge the widget, not the deliberately garish host page around it.
        const result = await new AxeBuilder({ page }).include('#first').include('#second').withTags(TAGS).analyze();
        assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), []);
      } else {
        assert.deepEqual(await violations(page), []);
      }
      await context.close();
    });
  }
}

test('print view: no WCAG 2.1 A/AA violations', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await scorer(page);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await violations(page), []);
  await context.close();
});
