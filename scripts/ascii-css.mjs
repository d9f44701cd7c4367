// Rewrites the built stylesheets in ASCII, every other character as a CSS escape ("\25cb " for
// the level mark "○"), and the page's integrity hash for each to match. A stylesheet that names
// no encoding is decoded in the encoding of the page that links it, so a windows-1252 ATS page
// embedding the widget showed "â—‹". It runs after Trunk, whose minifier writes escapes in
// styles/ back as UTF-8. Usage: node scripts/ascii-css.mjs (from the repository, after Trunk).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const hash = (text) => 'sha384-' + createHash('sha384').update(text, 'utf8').digest('base64');
for (const [css, page] of [['dist/scorecard.css', 'dist/index.html'], ['dist/committee.css', 'dist/committee.html']]) {
  const before = readFileSync(css, 'utf8');
  const after = before.replace(/[^\x00-\x7f]/gu, (c) => `\\${c.codePointAt(0).toString(16)} `);
  const html = readFileSync(page, 'utf8');
  if (!html.includes(hash(before))) {
    throw new Error(`${page} carries no integrity hash of ${css} as Trunk wrote it: was it changed since?`);
  }
  writeFileSync(css, after);
  writeFileSync(page, html.replace(hash(before), hash(after)));
}
