// Loaded first by the CSP test pages: records every Content-Security-Policy violation.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
