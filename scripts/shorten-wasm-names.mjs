#!/usr/bin/env node
// Shortens the names by which a wasm-bindgen module and its JavaScript glue refer to each other:
//
//   node scripts/shorten-wasm-names.mjs dist/scorecard-web_bg.wasm dist/scorecard-web.js [x.d.ts]
//
// wasm-bindgen names every import `__wbg_<function>_<16 hex digits>` and every closure shim it
// exports `..._invoke__h<16 hex digits>`. Each name is spelled twice, in the wasm's import or
// export section and in the glue, and the hash digits do not compress: for the widget's ~160
// imports and ~20 shims that is about 5 KB gzip of its first download (BENCHMARKS.md, "Size").
// This gives each import of the glue's own module a short name (`a`, `b`, ..., `ba`, ...) and
// each hashed export `$a`, `$b`, ..., in the wasm and in the glue (and its TypeScript
// declarations, when given). The exports the glue's callers use (`mount`, `Widget`'s methods,
// `memory`, `__wbindgen_malloc`, ...) keep their names; so do imports from other modules.
//
// The glue is rewritten token by token (a name preceded and followed by a character that
// cannot be part of a JavaScript identifier). Every old name must be found in the glue and none
// may remain afterwards, or the script fails without writing anything. Run it before terser:
// the minifier keeps property names, so it does not matter, but the glue is then as
// wasm-bindgen wrote it.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';

const [wasmPath, jsPath, dtsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error('usage: shorten-wasm-names.mjs MODULE_bg.wasm MODULE.js [MODULE.d.ts]');
  process.exit(2);
}
const fail = (message) => {
  console.error(`shorten-wasm-names: ${basename(wasmPath)}: ${message}`);
  process.exit(1);
};

const wasm = readFileSync(wasmPath);
if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail('not a wasm module');
// The glue imports its own module under this name (wasm-bindgen's `--out-name` plus `_bg.js`).
const ownModule = `./${basename(wasmPath, '.wasm')}.js`;

// Unsigned LEB128, as the binary format stores sizes, counts and indices.
function readU(buf, at) {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const byte = buf[at++];
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if (byte < 0x80) return [value, at];
  }
}
const readNum = (buf, at) => {
  const [v, next] = readU(buf, at);
  return [Number(v), next];
};
function writeU(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return Buffer.from(out);
}
function readName(buf, at) {
  const [len, start] = readNum(buf, at);
  return [buf.toString('utf8', start, start + len), start + len];
}
const writeName = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([writeU(bytes.length), bytes]);
};
// A value or reference type: one byte, or 0x63/0x64 and a heap type (signed LEB128).
function skipRefOrValType(buf, at) {
  const byte = buf[at++];
  if (byte === 0x63 || byte === 0x64) return readU(buf, at)[1];
  return at;
}
function skipLimits(buf, at) {
  const flags = buf[at++];
  at = readU(buf, at)[1];
  if (flags & 1) at = readU(buf, at)[1];
  return at;
}
// Where an import's descriptor (after its two names) ends.
function skipImportDesc(buf, at) {
  const kind = buf[at++];
  switch (kind) {
    case 0: return readU(buf, at)[1]; // function: type index
    case 1: return skipLimits(buf, skipRefOrValType(buf, at)); // table
    case 2: return skipLimits(buf, at); // memory
    case 3: return skipRefOrValType(buf, at) + 1; // global: type, mutability
    case 4: return readU(buf, at + 1)[1]; // tag: attribute, type index
    default: return fail(`unknown import kind ${kind}`);
  }
}

// Short names: a..z A..Z, then two letters and so on (never `__proto__` nor a digit first).
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function short(n) {
  let s = '';
  for (n += 1; n > 0; n = Math.floor((n - 1) / LETTERS.length)) s = LETTERS[(n - 1) % LETTERS.length] + s;
  return s;
}

const renames = new Map();
const HASHED_EXPORT = /__h[0-9a-f]{16}$/;
const parts = [wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyStart] = readNum(wasm, at + 1);
  let body = wasm.subarray(bodyStart, bodyStart + size);
  at = bodyStart + size;
  if (id === 2) {
    let [count, p] = readNum(body, 0);
    const out = [writeU(count)];
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, p] = readName(body, p);
      [field, p] = readName(body, p);
      const descStart = p;
      p = skipImportDesc(body, p);
      if (module === ownModule) {
        if (!renames.has(field)) renames.set(field, short(renames.size));
        field = renames.get(field);
      }
      out.push(writeName(module), writeName(field), body.subarray(descStart, p));
    }
    body = Buffer.concat(out);
  } else if (id === 7) {
    let [count, p] = readNum(body, 0);
    const out = [writeU(count)];
    let n = 0;
    for (let i = 0; i < count; i++) {
      let name;
      [name, p] = readName(body, p);
      const descStart = p;
      p = readU(body, p + 1)[1];
      if (HASHED_EXPORT.test(name)) {
        const renamed = `$${short(n++)}`;
        renames.set(name, renamed);
        name = renamed;
      }
      out.push(writeName(name), body.subarray(descStart, p));
    }
    body = Buffer.concat(out);
  }
  parts.push(Buffer.from([id]), writeU(body.length), body);
}
if (renames.size === 0) fail(`no imports from ${ownModule} and no hashed exports: is this wasm-bindgen output?`);

const escape = (s) => s.replace(/[$]/g, '\\$');
function rewrite(text, what, mustFindAll) {
  for (const [from, to] of renames) {
    const token = new RegExp(`(?<![\\w$])${escape(from)}(?![\\w$])`, 'g');
    const found = text.match(token)?.length ?? 0;
    if (found === 0 && mustFindAll) fail(`${from} is not in ${what}`);
    text = text.replace(token, () => to);
    if (text.includes(from)) fail(`${from} is still in ${what}`);
  }
  return text;
}
const js = rewrite(readFileSync(jsPath, 'utf8'), jsPath, true);
const dts = dtsPath && existsSync(dtsPath) ? rewrite(readFileSync(dtsPath, 'utf8'), dtsPath, false) : null;

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(jsPath, js);
if (dts !== null) writeFileSync(dtsPath, dts);
console.error(`shorten-wasm-names: ${basename(wasmPath)}: ${renames.size} names shortened`);
