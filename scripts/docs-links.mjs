// The link check of the built docs site (`pnpm docs` → site/): every internal link of every page
// must reach a file of the site, and every #anchor an element with that id (or name) on the page
// it points at. Links that leave the site (http:, https:, mailto:) are not followed. TypeDoc's
// hierarchy.html builds its tree (and so its ids) in the browser: anchors into it are not checked.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every .html file under `dir`, absolute. */
function pages(dir) {
  return readdirSync(dir, { recursive: true })
    .map((file) => join(dir, String(file)))
    .filter((file) => file.endsWith('.html'));
}

const ids = new Map();
/** The ids and names a page defines (cached). */
function idsOf(file) {
  let found = ids.get(file);
  if (found === undefined) {
    const html = readFileSync(file, 'utf8');
    found = new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map(([, id]) => decode(id)));
    ids.set(file, found);
  }
  return found;
}

function decode(text) {
  const unescaped = text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/**
 * The broken links of the site in `dir`: `{ page, href, reason }` for each, page relative to `dir`.
 * @param {string} dir
 */
export function brokenLinks(dir) {
  const root = resolve(dir);
  const broken = [];
  for (const page of pages(root)) {
    const html = readFileSync(page, 'utf8');
    for (const [, raw] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
      const href = decode(raw);
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
      const [path, anchor] = href.split('#', 2);
      let target = path === '' ? page : resolve(dirname(page), path.split('?')[0]);
      if (!target.startsWith(root)) {
        broken.push({ page: relative(root, page), href, reason: 'leaves the site' });
        continue;
      }
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) {
        broken.push({ page: relative(root, page), href, reason: 'no such file' });
      } else if (
        anchor &&
        target.endsWith('.html') &&
        target !== join(root, 'hierarchy.html') &&
        !idsOf(target).has(anchor)
      ) {
        broken.push({ page: relative(root, page), href, reason: `no #${anchor} there` });
      }
    }
  }
  return broken;
}
