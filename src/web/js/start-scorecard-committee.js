// Starts the committee page (committee.html), as start-scorecard-web.js starts index.html:
// a file rather than an inline script, so the page runs under the widget's documented CSP.
import init from './scorecard-committee.js';

init();
