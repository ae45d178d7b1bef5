// Hydrates the server's HTML of app.js (test/react-ssr.test.mjs), recording what React reports:
// recoverable errors (a mismatch makes React re-render on the client) and console errors (React's
// development build reports attribute mismatches there).
import { createElement, useEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './app.js';

const report = { hydrated: false, recoverableErrors: [], consoleErrors: [] };
globalThis.__hydration = report;
const consoleError = console.error.bind(console);
console.error = (...args) => {
  report.consoleErrors.push(args.map(String).join(' '));
  consoleError(...args);
};

function Hydrated() {
  useEffect(() => {
    report.hydrated = true;
  }, []);
  return createElement(App);
}

hydrateRoot(document.getElementById('root'), createElement(Hydrated), {
  onRecoverableError: (error) => report.recoverableErrors.push(String(error)),
});
