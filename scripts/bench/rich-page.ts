// A more realistic unlisted page for the page-load overhead (an extra figure beside the
// benchmark's tiny page, never instead of it): three stylesheets, four scripts, six images
// and a few hundred elements, every resource served by the same local test server with
// no-store, so each load fetches them all again.
import type { TestServer } from '../../tests/e2e/support/feed-server.ts';

const STYLES = 3;
const SCRIPTS = 4;
const IMAGES = 6;

function css(i: number): string {
  const rules = Array.from(
    { length: 150 },
    (_, j) => `.c${i}-${j} { margin: ${j % 7}px; padding: ${j % 5}px; color: #${((i * 997 + j * 131) % 0xffffff).toString(16).padStart(6, '0')}; }`,
  );
  return `body { font-family: sans-serif; }\n${rules.join('\n')}\n`;
}

function script(i: number): string {
  // Some parsing and some DOM work, as a site's own scripts do.
  const table = Array.from({ length: 300 }, (_, j) => `'item-${i}-${j}'`).join(',');
  return `(function () {
  var items = [${table}];
  var list = document.createElement('ul');
  for (var j = 0; j < 60; j++) {
    var li = document.createElement('li');
    li.className = 'c${i % STYLES}-' + j;
    li.textContent = items[j];
    list.appendChild(li);
  }
  (document.getElementById('main') || document.body).appendChild(list);
})();\n`;
}

function svg(i: number): string {
  const shapes = Array.from({ length: 40 }, (_, j) => `<circle cx="${(j * 13) % 200}" cy="${(j * 29) % 120}" r="${3 + (j % 9)}" fill="#${((i * 4099 + j * 523) % 0xffffff).toString(16).padStart(6, '0')}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120">${shapes.join('')}</svg>`;
}

function html(host: string): string {
  const head = Array.from({ length: STYLES }, (_, i) => `<link rel="stylesheet" href="/rich/s${i}.css">`).join('\n');
  const scripts = Array.from({ length: SCRIPTS }, (_, i) => `<script src="/rich/j${i}.js"></script>`).join('\n');
  const images = Array.from({ length: IMAGES }, (_, i) => `<img src="/rich/i${i}.svg" width="200" height="120" alt="">`).join('\n');
  const paragraphs = Array.from(
    { length: 80 },
    (_, j) => `<p class="c${j % STYLES}-${j}">Paragraph ${j} of ${host}: <a href="/article/${j}">read more</a> <span>${'lorem ipsum '.repeat(8)}</span></p>`,
  ).join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${host}</title>
${head}
</head>
<body><header><h1>${host}</h1><nav><a href="/">home</a> <a href="/about">about</a></nav></header>
<main id="main">
${images}
${paragraphs}
</main>
${scripts}
</body></html>
`;
}

/** Registers the rich page at `/rich` (and its resources) on each host; returns its path. */
export function serveRichPage(server: TestServer, hosts: readonly string[]): string {
  for (const host of hosts) {
    server.setPage(host, '/rich', { html: html(host) });
    for (let i = 0; i < STYLES; i++) server.setPage(host, `/rich/s${i}.css`, { html: css(i), headers: { 'content-type': 'text/css' } });
    for (let i = 0; i < SCRIPTS; i++) server.setPage(host, `/rich/j${i}.js`, { html: script(i), headers: { 'content-type': 'text/javascript' } });
    for (let i = 0; i < IMAGES; i++) server.setPage(host, `/rich/i${i}.svg`, { html: svg(i), headers: { 'content-type': 'image/svg+xml' } });
  }
  return '/rich';
}
