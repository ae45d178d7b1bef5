// The shop page of the real Back-button test (src/iife.test.ts), opened as a top-level window:
// buys once (the button leaves for test/bfcache-hpp.html, which goes back at once), then reports
// on the channel how the button looks once the page is shown again, and buys again.
const channel = new BroadcastChannel('wpay-bfcache');
const button = document.querySelector('wpay-button');
let checkouts = 0;
button.addEventListener('wpay-checkout', () => {
  checkouts += 1;
});

window.addEventListener('pageshow', async (event) => {
  if (!event.persisted) {
    if (sessionStorage.getItem('wpay-bfcache-left')) {
      // Back, but reloaded rather than restored: report it and stop (never loop).
      channel.postMessage({ persisted: false });
      window.close();
      return;
    }
    sessionStorage.setItem('wpay-bfcache-left', 'yes');
    await button.updateComplete;
    button.click();
    return;
  }
  await button.updateComplete;
  const restored = {
    persisted: true,
    state: button.state,
    ariaBusy: button.shadowRoot.querySelector('button').getAttribute('aria-busy'),
  };
  // Shown again and idle: a second intent works (its redirect is cancelled, the page stays).
  button.addEventListener('wpay-redirect', (redirect) => redirect.preventDefault());
  const redirected = new Promise((resolve) =>
    button.addEventListener('wpay-redirect', resolve, { once: true }),
  );
  button.click();
  await redirected;
  channel.postMessage({ ...restored, checkouts });
  window.close();
});
