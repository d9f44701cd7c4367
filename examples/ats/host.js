// The host page's own script: it listens to the widgets' events and logs them, as an ATS would.
const log = document.getElementById('log');
window.scorecardEvents = [];
for (const name of ['scorecard:ready', 'scorecard:change', 'scorecard:submit', 'scorecard:error']) {
  document.addEventListener(name, (event) => {
    const source = event.target?.id || 'page';
    window.scorecardEvents.push({ name, source, detail: event.detail });
    const item = document.createElement('li');
    const decision = event.detail?.recommendation?.decision;
    item.textContent = `${source}: ${name}${decision ? ` → ${decision}` : ''}${event.detail?.message ? ` (${event.detail.message})` : ''}`;
    log.prepend(item);
  });
}
