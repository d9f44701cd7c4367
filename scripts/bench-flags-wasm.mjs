// Usage: node scripts/bench-flags-wasm.mjs <absolute dist dir> [notes.jsonl]   (after scripts/build.sh)
// Times the on-demand module's `flags` export (detect_flags + a small JSON reply) in Node's V8
// over the distinct note texts of the bench's 200 generated scorecards.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const dist = process.argv[2];
const mod = await import(dist + '/scorecard-extras.js');
mod.initSync({ module: readFileSync(dist + '/scorecard-extras_bg.wasm') });
const lines = execFileSync('python3', ['tests/fixtures/committee/gen.py', '--scorecards', '200', '--candidates', '30'], { encoding: 'utf8' }).trim().split('\n');
const texts = new Set();
for (const l of lines) { const c = JSON.parse(l); for (const r of Object.values(c.ratings)) texts.add(r.note); for (const o of c.observations) texts.add(o.text); }
const all = [...texts];
const corpus = process.argv[3] ? readFileSync(process.argv[3], 'utf8').trim().split('\n').map((l) => JSON.parse(l).text) : [];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const pass = (list) => { const c0 = cpu(); const t0 = performance.now(); let n = 0; for (const t of list) n += mod.flags(t).length; return [performance.now() - t0, cpu() - c0, n]; };
const first = pass(all);
const runs = []; const cruns = [];
for (let i = 0; i < 15; i++) { runs.push(pass(all)); if (corpus.length) cruns.push(pass(corpus)); }
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(JSON.stringify({ dist, texts: all.length, first_pass_ms: Math.round(first[0] * 10) / 10, median_ms: Math.round(med(runs.map((r) => r[0])) * 10) / 10, median_cpu_ms: Math.round(med(runs.map((r) => r[1])) * 10) / 10, min_ms: Math.round(Math.min(...runs.map((r) => r[0])) * 10) / 10, corpus_notes: corpus.length, corpus_median_ms: corpus.length ? Math.round(med(cruns.map((r) => r[0])) * 10) / 10 : null, check: first[2] }));
