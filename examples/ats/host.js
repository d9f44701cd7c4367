// The host page's own script: it listens to the widgets' events and logs them, as an ATS would.
// It listens on each <interview-scorecard> element, not only on document: an element removed
// from the page (a closed drawer, a tab a framework unmounts) tells its last change on itself,
// and a detached element's events no longer bubble to document.
const log = document.getElementById('log');
window.scorecardEvents = [];
const NAMES = ['scorecard:ready', 'scorecard:rubric', 'scorecard:change', 'scorecard:submit', 'scorecard:error'];
const watched = new WeakSet();

function record(event) {
  const source = event.target?.id || 'page';
  window.scorecardEvents.push({ name: event.type, source, detail: event.detail });
  const item = document.createElement('li');
  const decision = event.detail?.recommendation?.decision;
  item.textContent = `${source}: ${event.type}${decision ? ` → ${decision}` : ''}${event.detail?.message ? ` (${event.detail.message})` : ''}`;
  log.prepend(item);
}

/** Listens on `element` itself, so that its events are heard even after it leaves the page. */
function watch(element) {
  if (watched.has(element)) return;
  watched.add(element);
  for (const name of NAMES) element.addEventListener(name, record);
}

for (const element of document.querySelectorAll('interview-scorecard')) watch(element);
// Widgets added later (and mount()ed ones) are heard on document; an element is watched as soon
// as one of its events reaches document, and from then on heard on itself only.
for (const name of NAMES) {
  document.addEventListener(name, (event) => {
    if (watched.has(event.target)) return;
    record(event);
    if (event.target instanceof HTMLElement && event.target.localName === 'interview-scorecard') watch(event.target);
  });
}
