// The pages an element must look right on: light, dark, and the common mismatch of a shopper
// whose system is dark on a shop page that has no dark theme (white, dark text).
import { emulateMedia } from '@web/test-runner-commands';

/** One page context for a test. */
export interface PageTheme {
  name: string;
  apply(): Promise<void>;
}

async function paint(scheme: 'light' | 'dark', page?: { background: string; color: string }) {
  await emulateMedia({ colorScheme: scheme });
  const root = document.documentElement.style;
  root.colorScheme = page ? scheme : '';
  root.background = page?.background ?? '';
  root.color = page?.color ?? '';
}

/** Light system, light page; dark system, light page; dark system, dark page. */
export const PAGE_THEMES: readonly PageTheme[] = [
  { name: 'a light page', apply: () => paint('light') },
  { name: 'a light page in dark mode', apply: () => paint('dark') },
  {
    name: 'a dark page in dark mode',
    apply: () => paint('dark', { background: '#121212', color: '#e5e5e5' }),
  },
];

/** Back to the runner's light page. */
export function resetPageTheme(): Promise<void> {
  return paint('light');
}
