// <interview-scorecard>: the scorecard widget as a custom element, in a shadow root so the host
// page's CSS cannot reach in and the widget's cannot leak out. One include is all a host needs:
//
//   <script type="module" src="/scorecard/scorecard-element.js"></script>
//   <interview-scorecard candidate="Ada Lovelace" interviewer="Grace Hopper" step="System design"></interview-scorecard>
//
// It is a thin shell over `mount` from the wasm module (src/web/embed/widget.rs), which it re-exports.
import init, { mount as mountWasm } from './scorecard-web.js';

const base = new URL('.', import.meta.url);
/** Resolves once the wasm module is instantiated. */
export const ready = init();
let loaded = false;
ready.then(() => { loaded = true; });

/**
 * Mounts a scorecard into `element` and returns its handle (`getValue`, `setValue`, `update`,
 * `on`, `off`, `destroy`). `options.rubric` may be a rubric object, or a URL on this page's
 * origin: then the rubric is fetched first and `mount` returns a promise of the handle. A URL
 * that cannot be loaded is told as a rubric object that cannot be read is: the handle's widget
 * says why in the element, and `scorecard:error` tells it (the promise does not reject for it).
 */
export function mount(element, options) {
  if (!loaded) throw new Error('scorecard: mount() was called before the widget loaded: `await ready` first (import { mount, ready } from .../scorecard-element.js)');
  // An element of this document or another's (an iframe's): checked by kind, not by class.
  if (element?.nodeType !== 1) throw new TypeError(`scorecard: mount() takes the element to render into first, not ${element === null ? 'null' : typeof element}`);
  options ??= {};
  // Hidden until the stylesheet this call added has loaded: no flash of an unstyled widget. The
  // visibility to restore is the host's own, taken once: a mount, destroy and mount in one turn
  // (React StrictMode) must not take the "hidden" of the first for the host's.
  const loading = ensureStylesheet(element.getRootNode());
  if (loading) {
    if (!hidden.has(element)) hidden.set(element, element.style.visibility);
    element.style.visibility = 'hidden';
    loading.then(() => {
      if (hidden.has(element)) element.style.visibility = hidden.get(element);
      hidden.delete(element);
    });
  }
  // A string is a URL, unless it is a document (a ladder's text, JSON text): the widget then
  // says what it is rather than fetching it.
  if (typeof options.rubric === 'string' && !/^\s*[{[]|[\n\r]/.test(options.rubric)) {
    // The reason a URL did not load goes to the widget after a NUL (widget.rs, `rubric_from`).
    return loadRubric(options.rubric).catch((e) => '\0' + e.message).then((rubric) => mountWasm(element, { ...options, rubric }));
  }
  return mountWasm(element, options);
}

/** Elements `mount` hid, with the visibility to give them back once the stylesheet is in. */
const hidden = new WeakMap();

/** The stylesheets `ensureStylesheet` added, each with the promise of its load. */
const stylesheets = new WeakMap();

/**
 * Adds the widget's stylesheet to the document (or shadow root) `mount` renders into, once.
 * Returns a promise that settles when it has loaded (or failed), or null for a stylesheet the
 * host page linked itself, which the page's own loading has taken care of.
 */
function ensureStylesheet(root) {
  const parent = root instanceof ShadowRoot ? root : document.head;
  const existing = parent.querySelector('link[data-scorecard-css]');
  if (existing) return stylesheets.get(existing) ?? null;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('scorecard.css', base).href;
  link.dataset.scorecardCss = '';
  stylesheets.set(link, new Promise((resolve) => { link.onload = resolve; link.onerror = resolve; }));
  parent.append(link);
  return stylesheets.get(link);
}

const ATTRIBUTES = ['candidate', 'interviewer', 'step', 'rubric', 'readonly', 'autosave', 'density', 'theme'];

/**
 * The values of the enumerated attributes: any other is ignored, as if the attribute were not
 * set, and the console says so (as for readonly="false", #readOnly) rather than nothing.
 */
const VALUES = { theme: 'light|dark', density: 'compact', autosave: 'on|off' };

/** Fetches a rubric URL, refusing other origins: the widget makes no cross-origin request. */
async function loadRubric(url) {
  const target = new URL(url, document.baseURI);
  if (target.origin !== location.origin) throw new Error(`rubric URL ${target.href} is not on this page's origin`);
  const response = await fetch(target, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`rubric ${target.href}: HTTP ${response.status}`);
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    // Text that is not JSON is most likely a ladder document: say so, and how to convert it.
    const ladder = /^\s*[^\s{[]/.test(text) ? '; if it is a ladder document, `scorecard rubric LADDER.txt > rubric.json` converts it to a rubric file' : '';
    throw new Error(`rubric ${target.href} is not JSON (${e.message})${ladder}`);
  }
}

class InterviewScorecard extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #container = null;
  #mounting = null;
  /**
   * The scorecard when the element was last removed, with the attributes that say whose it is
   * and the rubric it was against: put back when it is added again (#mount).
   */
  #kept = null;
  /** The rubric attribute the mounted widget was given. */
  #rubricUrl = null;
  /** The rubric object the mounted widget shows (null: the embedded default). */
  #rubric = null;
  /** Whether `readonly="false"` has been warned about. */
  #warned = false;

  connectedCallback() {
    // A mount that failed is no longer under way: a change of the rubric attribute tries again.
    this.#mounting ??= this.#mount().catch((e) => { this.#mounting = null; this.#fail(e, true); });
  }

  disconnectedCallback() {
    // Wait for a mount in progress, then tear down: the element may be moved, not removed.
    this.#mounting?.then(() => {
      if (!this.isConnected) {
        // Frameworks detach and re-attach elements (tabs, keyed lists): what was typed comes
        // back with the element, autosave or not.
        // (None for a widget whose rubric it could not read: it showed no scorecard.)
        if (this.#widget?.getValue().rubric) this.#kept = { value: this.#widget.getValue(), identity: this.#identity(), rubric: this.#rubric };
        this.#widget?.destroy();
        this.#widget = null;
        this.#mounting = null;
      }
    });
  }

  attributeChangedCallback(name, oldValue, value) {
    const allowed = VALUES[name];
    if (allowed && value !== null && value !== oldValue && !allowed.split('|').includes(value)) {
      console.warn(`interview-scorecard: ${name}="${value}" is not one of ${allowed}: ignored, as if not set`);
    }
    // density and theme need nothing here: the stylesheet reads them off the element (:host([density])).
    if (name === 'density' || name === 'theme') return;
    // Before the widget is mounted, #mount reads the attributes (and applies late changes). One
    // that could not be mounted (its rubric did not load) is mounted again for another rubric.
    if (!this.#widget) { if (name === 'rubric' && !this.#mounting && this.isConnected) this.connectedCallback(); return; }
    if (oldValue === value) return;
    if (name === 'rubric') { this.#setRubric(value); return; }
    if (name === 'readonly') this.#update({ readOnly: this.#readOnly() });
    else if (name === 'autosave') this.#update({ autosave: value !== 'off' });
    else {
      this.#refused = this.#update({ [name]: value ?? '' }) ? [name, value] : null;
      if (!this.#refused) this.#accepted[name] = value;
    }
  }
  /** The name attribute the widget last refused and its value (its notice is up), until one is accepted. */
  #refused = null;
  /** The name attributes as the widget last took them (a refused one keeps the value before it). */
  #accepted = {};

  /**
   * Passes changed attributes on. A refusal is never thrown: the widget reports it as
   * `scorecard:error` (so it is not dispatched again here), and it is returned.
   */
  #update(options) {
    try { this.#widget?.update(options); } catch (e) { return e; }
  }

  /** Loads the rubric at `url` into the mounted widget; none (attribute removed): the default. */
  #setRubric(url) {
    this.#rubricUrl = url;
    // A later change of the attribute wins over a slow earlier fetch, whose failure is no error.
    const loaded = (rubric) => { if (this.#rubricUrl === url) this.#apply(rubric); };
    if (url === null) loaded();
    else loadRubric(url).then(loaded, (e) => { if (this.#rubricUrl === url) this.#fail(e); });
  }

  /**
   * Switches the mounted widget to `rubric` (none: the default). One it refuses, it says above
   * the scorecard, which it leaves as it was, until one loads.
   */
  #apply(rubric = null) {
    if (!this.#update({ rubric })) this.#rubric = rubric;
  }

  /** The current scorecard document. */
  getValue() { return this.#widget?.getValue() ?? this.#kept?.value ?? null; }
  /** Replaces the scorecard; throws with the field at fault if the document is invalid. */
  setValue(value) { if (!this.#widget) throw new Error('interview-scorecard is not mounted yet'); this.#widget.setValue(value); }
  /**
   * The handle, for `on`/`off`/`update` (null until mounted): one for the element's life. Taken
   * off the page and added again, the element mounts a new widget underneath; this handle then
   * speaks to that one, and the listeners set with its `on()` hear it as they heard the first.
   */
  get widget() {
    if (!this.#widget) return null;
    const live = () => {
      if (!this.#widget) throw new Error('interview-scorecard is not mounted (removed from the page, or destroyed)');
      return this.#widget;
    };
    return this.#handle ??= Object.freeze({
      getValue: () => live().getValue(),
      setValue: (value) => live().setValue(value),
      update: (options) => live().update(options),
      // The widget checks the event's name and the callback first: only what it took is kept.
      on: (event, callback) => { live().on(event, callback); this.#listeners.push([event, callback]); },
      off: (event, callback) => {
        live().off(event, callback);
        const i = this.#listeners.findIndex(([e, c]) => e === event && c === callback);
        if (i >= 0) this.#listeners.splice(i, 1);
      },
      destroy: () => { live().destroy(); this.#widget = null; this.#listeners = []; },
    });
  }
  /** The handle `widget` gives out, made once. */
  #handle = null;
  /** The listeners set with the handle's `on()`, set again on each widget mounted here. */
  #listeners = [];

  async #mount() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('scorecard.css', base).href;
    const styled = new Promise((resolve) => { link.onload = resolve; link.onerror = resolve; });
    this.#container = document.createElement('div');
    this.#container.className = 'sc-host';
    shadow.replaceChildren(link, this.#container);
    // The rubric the attribute names once the fetch is done: one set meanwhile (in the task that
    // added the element, say) is fetched before mounting, so `scorecard:ready` names the rubric
    // shown rather than one replaced at once. A failed fetch of a URL since replaced is no error.
    let rubricUrl, rubric, failed;
    do {
      rubricUrl = this.getAttribute('rubric');
      const url = rubricUrl;
      failed = null;
      const loading = url ? loadRubric(url).catch((e) => { if (this.getAttribute('rubric') === url) failed = e; }) : undefined;
      [rubric] = await Promise.all([loading, ready, styled]);
    } while (this.getAttribute('rubric') !== rubricUrl);
    const kept = this.#kept;
    this.#kept = null;
    // At first load, a rubric that did not load is said in place of the scorecard (#fail).
    if (failed && !kept) throw failed;
    // Read after the wait, so attributes set meanwhile count.
    const options = {
      candidate: this.getAttribute('candidate') ?? undefined,
      interviewer: this.getAttribute('interviewer') ?? undefined,
      step: this.getAttribute('step') ?? undefined,
      readOnly: this.#readOnly(),
      autosave: this.getAttribute('autosave') !== 'off',
    };
    // A name the widget refused, still the attribute's: the one it last took in its place, and
    // asked again below so that the card says so again.
    const [name, value] = this.#refused ?? [];
    const still = kept && name && this.getAttribute(name) === value;
    const same = kept?.identity === this.#identity();
    this.#refused = null;
    if (still) options[name] = this.#accepted[name] ?? undefined;
    // Added again: the widget comes back as it was, on its rubric (with what was typed, unless
    // the names changed meanwhile: then it is their card), and the rubric attribute is applied
    // as a change after load is: a rubric that does not load leaves the card, with a notice.
    options.rubric = kept ? kept.rubric : rubric;
    if (same) {
      // The names the interviewer may have edited in the header are the card's: mount refuses
      // a value naming someone other than its options. (A name no attribute gives stays no option.)
      options.value = kept.value;
      if (options.candidate !== undefined) options.candidate = kept.value.candidate?.name || options.candidate;
      if (options.interviewer !== undefined) options.interviewer = kept.value.interviewer?.name || options.interviewer;
      if (options.step !== undefined) options.step = kept.value.interview?.step || options.step;
    }
    this.#widget = mountWasm(this.#container, options);
    for (const n of ['candidate', 'interviewer', 'step']) if (!(still && n === name)) this.#accepted[n] = this.getAttribute(n);
    // Added again under a name it refused, the attribute unchanged: refused again, so the card
    // says so again, as it did (the host heard it the first time: not told again). A name set
    // while away was mounted as on the page, and ends the refusal.
    if (still) {
      const hush = (e) => e.stopImmediatePropagation();
      this.#container.addEventListener('scorecard:error', hush);
      if (this.#update({ [name]: value })) this.#refused = [name, value];
      this.#container.removeEventListener('scorecard:error', hush);
    }
    // The host's listeners hear this widget too. Added again with its scorecard, the element
    // has told `scorecard:ready` already (once per widget, as the host sees it): not again, to
    // its listeners or as an event.
    for (const [event, callback] of this.#listeners) if (!(kept && event === 'scorecard:ready')) this.#widget.on(event, callback);
    if (kept) this.#container.addEventListener('scorecard:ready', (e) => e.stopPropagation(), { once: true });
    this.#rubric = options.rubric;
    this.#rubricUrl = rubricUrl;
    if (failed) this.#fail(failed);
    else if (kept) this.#apply(rubric);
  }

  /**
   * Whether the card is read-only: `readonly` is a boolean attribute, as on `<input>`, so any
   * value, "false" too, means read-only. `readonly="false"` is most likely meant as editable:
   * the console says so, once per element.
   */
  #readOnly() {
    const value = this.getAttribute('readonly');
    if (!this.#warned && value?.toLowerCase() === 'false') {
      this.#warned = true;
      console.warn('interview-scorecard: readonly="false" is read-only too (any value is); remove the readonly attribute to make it editable');
    }
    return value !== null;
  }

  /**
   * Whose scorecard the attributes name (candidate, interviewer, step; the rubric aside): a name
   * the widget refused counts as the one it kept.
   */
  #identity() {
    const [refused, value] = this.#refused ?? [];
    return JSON.stringify(['candidate', 'interviewer', 'step'].map((n) => (n === refused && this.getAttribute(n) === value ? this.#accepted[n] : this.getAttribute(n))));
  }

  /**
   * Tells the host (`scorecard:error`, and the console) and the interviewer (what happened, not
   * the detail): a mounted widget is given the reason as a rubric it cannot read (after a NUL:
   * widget.rs, `rubric_from`), which it tells and says above its scorecard as for one it refuses;
   * one that could not be mounted at all says so in its place, rather than an empty box.
   */
  #fail(error, mounting = false) {
    const message = String(error?.message ?? error);
    if (this.#widget) return this.#update({ rubric: '\0' + message });
    console.error('interview-scorecard:', message);
    this.dispatchEvent(new CustomEvent('scorecard:error', { bubbles: true, composed: true, detail: { message } }));
    if (mounting && this.#container) {
      this.#container.classList.add('sc-theme');
      this.#container.replaceChildren(notice('This scorecard cannot open. Please tell whoever looks after this page.'));
      // The element was hidden until its stylesheet loaded; it may not have.
      this.#container.style.visibility = '';
    }
  }
}

/**
 * A notice in the widget's own frame (.sc-app: its fonts and colours, not the host page's), read
 * out when it appears: the widget's notices are built the same way (src/web/embed/widget.rs).
 */
function notice(text) {
  const app = document.createElement('div');
  const p = document.createElement('p');
  app.className = 'sc-app';
  p.className = 'sc-notice';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  app.append(p);
  return app;
}

if (!customElements.get('interview-scorecard')) customElements.define('interview-scorecard', InterviewScorecard);
