// Starts the standalone page and iframe mode (index.html): loads the widget's wasm, whose start
// function mounts into #scorecard-app. A file, not Trunk's inline loader, so that the page runs
// under the CSP the widget documents (script-src 'self' 'wasm-unsafe-eval': no inline script).
import init from './scorecard-web.js';

init();
