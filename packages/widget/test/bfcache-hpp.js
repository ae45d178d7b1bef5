// The "payment page" of the real Back-button test: the shopper changes their mind at once.
window.addEventListener('load', () => setTimeout(() => history.back(), 50));
