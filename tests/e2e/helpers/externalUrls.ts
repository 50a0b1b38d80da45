/**
 * Finds references to outside hosts in built html/js/css: only places where a page would actually fetch
 * something — src=/href= (attributes and JS properties), CSS url( and @import, fetch(, import(, XHR open(,
 * sendBeacon(, new WebSocket/EventSource/Worker( — with an http(s)/ws(s) origin other than localhost.
 * URLs in licence/doc comments and plain strings such as XML namespace URIs are not requests and are ignored.
 */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const LOCAL_HOST = /^(?:https?|wss?):\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:[/?#]|$)/i;

const Q = `["'\`]`;
const URL_IN_QUOTES = `${Q}\\s*((?:https?|wss?):\\/\\/[^"'\`\\s)]+)`;

const PATTERNS: RegExp[] = [
  // HTML attributes and JS properties/objects: src="…", href: "…", e.src = "…", srcset
  new RegExp(`\\b(?:src|href|srcset|action|poster)\\s*[=:]\\s*${URL_IN_QUOTES}`, 'gi'),
  // unquoted HTML attribute
  /\b(?:src|href)\s*=\s*((?:https?|wss?):\/\/[^\s>"'`]+)/gi,
  // CSS url(…) and @import
  /url\(\s*["']?\s*((?:https?|wss?):\/\/[^"')\s]+)/gi,
  new RegExp(`@import\\s+(?:url\\()?\\s*${URL_IN_QUOTES}`, 'gi'),
  // JS fetches
  new RegExp(`\\b(?:fetch|import|importScripts|sendBeacon|WebSocket|EventSource|Worker|SharedWorker)\\s*\\(\\s*${URL_IN_QUOTES}`, 'gi'),
  new RegExp(`\\.open\\(\\s*${Q}[A-Za-z]+${Q}\\s*,\\s*${URL_IN_QUOTES}`, 'gi'),
];

/** Licence and doc comments (/*! … *\/, /** … *\/) and HTML comments. */
function stripComments(text: string): string {
  return text.replace(/\/\*[!*][\s\S]*?\*\//g, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
}

export interface ExternalRef {
  url: string;
  context: string;
}

export function findExternalReferences(text: string, allowed: readonly string[] = [OFFICE_JS_CDN]): ExternalRef[] {
  const body = stripComments(text);
  const found: ExternalRef[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const url = m[1];
      if (LOCAL_HOST.test(url) || allowed.includes(url)) continue;
      found.push({ url, context: body.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20) });
    }
  }
  return found;
}
