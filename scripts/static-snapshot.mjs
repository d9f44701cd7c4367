// Saves the widget's first render as a static page with no script: the same DOM and stylesheet,
// so that `scripts/bench-load.mjs` can show what its style, layout and paint cost on their own,
// the floor under any implementation that renders this content.
//
//   node scripts/static-snapshot.mjs dist /tmp/static
//   node scripts/bench-load.mjs /tmp/static dist bench/hello/dist::button 20
//
// With --mount-hidden, the copy also loads the widget, which mounts into a hidden element beside
// the static content: what prerendered HTML under the widget would cost at best (BENCHMARKS.md).
//   node scripts/static-snapshot.mjs dist /tmp/hydproxy --mount-hidden
//   node scripts/bench-load.mjs '/tmp/hydproxy::#scorecard-app .sc-card' dist 20
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const hidden = process.argv.includes('--mount-hidden');
const [from = 'dist', to = '/tmp/static'] = process.argv.slice(2).filter((a) => a !== '--mount-hidden');
// Resolved, so that SCORECARD_DIST (which redirects 'dist' in the test server) cannot make the
// page and the copied stylesheet come from two builds.
const server = await startServer(resolve(from));
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url + '/');
await page.waitForSelector('.sc-card');
const html = await page.evaluate(() => {
  const doc = document.documentElement.cloneNode(true);
  doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((e) => e.remove());
  // The stylesheet is copied unchanged, but drop the hash anyway: a stale one would block it.
  doc.querySelectorAll('link[rel=stylesheet]').forEach((e) => e.removeAttribute('integrity'));
  return '<!DOCTYPE html>' + doc.outerHTML;
});
await browser.close();
server.server.close();
mkdirSync(to, { recursive: true });
if (hidden) {
  // The built page's scripts and preloads (not its stylesheet: the copy links it already), the
  // static content under another id, and an empty hidden #scorecard-app for the widget.
  const built = readFileSync(join(from, 'index.html'), 'utf8');
  const head = built.slice(built.indexOf('<script'), built.indexOf('</head>')).replace(/<link[^>]*scorecard\.css[^>]*>/, '');
  const page = html.replace('</head>', head + '</head>').replace('id="scorecard-app"', 'id="prerendered"')
    .replace('</body>', '<div id="scorecard-app" style="display:none"></div></body>');
  cpSync(from, to, { recursive: true });
  writeFileSync(join(to, 'index.html'), page);
  console.log(`${to}/index.html: the static content, and the widget mounting into a hidden element`);
} else {
  writeFileSync(join(to, 'index.html'), html);
  copyFileSync(join(from, 'scorecard.css'), join(to, 'scorecard.css'));
  console.log(`${to}/index.html: ${html.length} bytes of HTML, no script`);
}
