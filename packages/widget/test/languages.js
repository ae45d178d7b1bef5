// Loaded first by test/languages.html: sets <html lang> from ?lang=, then loads the widget build
// named by ?build= (src/lazy-languages.test.ts reads which files the page then requested).
const params = new URLSearchParams(location.search);
document.documentElement.lang = params.get('lang') ?? 'en';
const FILES = {
  iife: '/dist/wpay-widget.iife.js',
  'button-iife': '/dist/wpay-button.iife.js',
  bundle: '/dist/wpay-widget.bundle.js',
  esm: '/src/index.ts',
};
const build = params.get('build') ?? 'iife';
const script = document.createElement('script');
if (build === 'bundle' || build === 'esm') script.type = 'module';
script.src = FILES[build];
document.head.append(script);
