// Cold loads of built pages compared side by side, with where the main thread's time goes.
// For deciding whether a change to the load path helps: build each variant into its own folder
// (e.g. `scripts/build.sh && cp -r dist /tmp/before`), then
//
//   node scripts/bench-load.mjs /tmp/before dist [runs=20] [--selector=.sc-card]
//   node scripts/bench-load.mjs dist bench/hello/dist::button 20     # a folder's own selector
//
// Loads alternate between the folders (each in a fresh browser context, no cache), so a busy
// moment on the machine weighs on all of them alike. Per folder it prints medians of:
// - seen: navigation start to the selector entering the DOM; idle: to the main thread next
//   being free for input (the same in-page stamps as scripts/bench-browser.mjs);
// - Script, Layout, Style: Chromium's cumulative main-thread durations (CDP Performance
//   metrics) read at idle. Layout and Style trade places between runs (a container query makes
//   Chromium recalculate style inside layout), so compare their sum;
// - a second pass with a trace: the main-thread events between seen and idle, summed by name,
//   and V8's lazy compilation over the whole load (how many wasm functions were compiled on
//   first call, and for how long: V8 compiles a function when it is first called, so this
//   grows with the code the first render runs, not with the module).
//
// Do not edit a built stylesheet to try a CSS change: index.html carries its integrity hash, so
// the browser refuses the edited file and the page lays out without styles (fast, and wrong).
// Rebuild instead.
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
// Arguments: folders (each optionally `folder::selector`), a number of runs, `--selector=CSS`.
const dirs = args.filter((a) => !/^\d+$/.test(a) && !a.startsWith('--'));
const folder = (dir) => dir.split('::')[0];
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const selector = args.find((a) => a.startsWith('--selector='))?.slice('--selector='.length) ?? '.sc-card';
if (dirs.length === 0) throw new Error('usage: node scripts/bench-load.mjs DIR[::SELECTOR] [DIR...] [RUNS] [--selector=CSS]');

const servers = await Promise.all(dirs.map((d) => startServer(folder(d))));
const browser = await launch();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function load(url, trace, sel) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript((sel) => {
    const look = () => {
      if (window.__seen === undefined && document.querySelector(sel)) {
        window.__seen = performance.now();
        performance.mark('bench-seen');
        setTimeout(() => { window.__idle = performance.now(); performance.mark('bench-idle'); }, 0);
      }
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
  }, sel);
  if (trace) {
    const categories = ['devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing'];
    await browser.startTracing(page, { categories });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__idle !== undefined);
  const out = {};
  if (trace) {
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const onMain = (e) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
    const seen = events.find((e) => e.name === 'bench-seen').ts;
    const idle = events.find((e) => e.name === 'bench-idle').ts;
    const compiled = new Set();
    out['lazy compile, whole load (ms)'] = 0;
    for (const e of events) {
      if (e.ph === 'X' && onMain(e) && e.ts >= seen && e.ts < idle) out[e.name] = (out[e.name] ?? 0) + e.dur / 1000;
      if (e.name === 'wasm.CompileLazy' && e.ts < idle) {
        compiled.add(e.args?.func_index);
        out['lazy compile, whole load (ms)'] += e.dur / 1000;
      }
    }
    out['functions compiled lazily'] = compiled.size;
  } else {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value * 1000]));
    const [seen, idle] = await page.evaluate(() => [window.__seen, window.__idle]);
    Object.assign(out, { seen, idle, Script: m.ScriptDuration, 'Layout+Style': m.LayoutDuration + m.RecalcStyleDuration });
  }
  await context.close();
  return out;
}

const results = dirs.map(() => ({ plain: [], traced: [] }));
const selectorOf = (dir) => dir.split('::')[1] ?? selector;
for (let i = 0; i < runs; i++) {
  for (let d = 0; d < dirs.length; d++) results[d].plain.push(await load(servers[d].url + '/', false, selectorOf(dirs[d])));
}
for (let i = 0; i < Math.max(3, Math.floor(runs / 3)); i++) {
  for (let d = 0; d < dirs.length; d++) results[d].traced.push(await load(servers[d].url + '/', true, selectorOf(dirs[d])));
}

const summary = {};
dirs.forEach((dir, d) => {
  const pick = (rows, key) => Math.round(median(rows.map((r) => r[key] ?? 0)) * 10) / 10;
  const plain = Object.fromEntries(['seen', 'idle', 'Script', 'Layout+Style'].map((k) => [k, pick(results[d].plain, k)]));
  const whole = ['functions compiled lazily', 'lazy compile, whole load (ms)'];
  const names = [...new Set(results[d].traced.flatMap((r) => Object.keys(r)))].filter((n) => !whole.includes(n));
  const between = Object.fromEntries(names.map((n) => [n, pick(results[d].traced, n)]).filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]));
  const lazy = Object.fromEntries(whole.map((k) => [k, pick(results[d].traced, k)]));
  summary[dir] = { ...plain, ...lazy, 'main thread between seen and idle (traced)': between };
});
await browser.close();
servers.forEach((s) => s.server.close());
console.log(JSON.stringify({ runs, selector, results: summary }, null, 2));
