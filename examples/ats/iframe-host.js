// Hosts the widget page in an iframe and talks to it with postMessage. The widget only hears
// origins in its `origins` allow-list and only posts to an explicit origin.
//   ?widget=<origin of the widget page>  (default: this page's origin)
//   ?allow=<origin the widget should trust> (default: this page's origin)
const params = new URLSearchParams(location.search);
const widgetOrigin = params.get('widget') ?? location.origin;
const allow = params.get('allow') ?? location.origin;
const frame = document.createElement('iframe');
frame.title = 'Interview scorecard';
frame.width = '100%';
frame.height = '900';
frame.src = `${widgetOrigin}/index.html?embed=iframe&origins=${encodeURIComponent(allow)}&candidate=Ada%20Lovelace&interviewer=Grace%20Hopper&step=Onsite`;
document.getElementById('frame-slot').append(frame);

const log = document.getElementById('log');
window.received = [];
window.addEventListener('message', (event) => {
  if (event.origin !== widgetOrigin) return;
  window.received.push(event.data);
  // The frame takes the height of the widget's document: no guessed height, no inner scrollbar.
  if (event.data?.type === 'scorecard:resize') { frame.style.height = `${event.data.detail.height}px`; return; }
  const item = document.createElement('li');
  item.textContent = `${event.data?.type} ${event.data?.detail?.recommendation?.decision ?? ''}`;
  log.prepend(item);
});
/** Sends a message to the widget, at its origin only. */
window.sendToWidget = (message) => frame.contentWindow.postMessage(message, widgetOrigin);
