// Loaded first by test/csp.html: records every Content-Security-Policy violation, then loads the
// widget build named by the page's ?build= (from this origin, as `script-src 'self'` allows).
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
const build = new URLSearchParams(location.search).get('build');
const script = document.createElement('script');
if (build === 'esm') {
  script.type = 'module';
  script.src = '/src/index.ts';
} else {
  script.src = '/dist/wpay-widget.iife.js';
}
document.head.append(script);
