// The widget's on-demand module: scorecard-extras.js and its wasm (the classifier and the import
// and export formats), fetched once per page from the folder the widget itself came from, then
// called by name. The Rust side is src/web/embed/loader.rs.

let module = null;
let loading = null;

// wasm-bindgen serves this file from <folder>/snippets/<crate>/src/web/js/; the bundle is in <folder>.
function folder() {
  const here = import.meta.url;
  const at = here.lastIndexOf('/snippets/');
  return at >= 0 ? here.slice(0, at + 1) : new URL('./', here).href;
}

// The fetch waits until the page is idle after its first paint (at most half a second), so that
// starting it does not delay the scorer becoming ready for input; `setTimeout` where the browser
// has no `requestIdleCallback`.
function idle() {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve, { timeout: 500 }) : setTimeout(resolve, 0),
  );
}

// `protocol` is the message version the widget speaks; a module that speaks another (a stale
// copy in a cache, a half-finished upgrade) is refused by name.
export function loadExtras(protocol, onReady, onError) {
  if (!loading) {
    const base = folder();
    loading = idle().then(() => import(base + 'scorecard-extras.js')).then((m) =>
      m.default({ module_or_path: base + 'scorecard-extras_bg.wasm' }).then(() => {
        const spoken = typeof m.wireProtocol === 'function' ? m.wireProtocol() : 'none';
        if (spoken !== protocol) {
          throw new Error(`the server has another version of the suggestion module: ${spoken}, this page needs ${protocol}; reload the page`);
        }
        module = m;
      }),
    );
    // A failed load is not kept: the next widget mounted on the page tries again.
    loading.catch(() => {
      loading = null;
    });
  }
  loading.then(
    () => onReady(),
    (e) => onError(String((e && e.message) || e)),
  );
}

export function callExtras(name, a, b, c, d) {
  if (!module) throw new Error('the on-demand module is not loaded yet');
  return module[name](a, b, c, d);
}

// Also the widget's one other need of plain JavaScript, kept in this file so that it costs no
// request of its own: copies text to the clipboard and calls `done(true)`, or `done(false)` where
// the browser refuses (no clipboard API, an insecure page, a permission policy in a host's
// iframe), so that the widget can say to select the text and copy it instead.
export function copyText(text, done) {
  try {
    navigator.clipboard.writeText(text).then(() => done(true), () => done(false));
  } catch (e) {
    done(false);
  }
}

// See `keep_panel_top` in src/web/embed/loader.rs. One listener per element: a widget mounted
// again into it replaces the last one's, and one whose panel is gone (destroyed) or whose
// element left the page removes itself. The panel is reset only as it comes back from stuck
// (the page scrolled past its start) to where it starts, never while it sits there, so a panel
// the user scrolled there stays as they left it.
const kept = new WeakMap();
export function keepPanelTop(el) {
  removeEventListener('scroll', kept.get(el), true);
  let stuck = false, seen = false;
  const f = () => {
    const p = el.querySelector('.sc-layout__aside');
    if (!el.isConnected || (seen && !p)) return removeEventListener('scroll', f, true);
    if (!p) return;
    seen = true;
    const at = p.getBoundingClientRect().top <= p.parentNode.getBoundingClientRect().top + 1;
    if (at && stuck) p.scrollTop = 0;
    stuck = !at;
  };
  kept.set(el, f);
  addEventListener('scroll', f, true);
}
