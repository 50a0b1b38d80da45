import * as fs from 'fs';
import * as path from 'path';
import { ROOT, freshDistSnapshot } from './e2e/helpers/build';
import { OFFICE_JS_CDN, findExternalReferences } from './e2e/helpers/externalUrls';

/**
 * Works offline: the built pages reference no outside host (the optional office.js CDN aside), office.js is
 * served from the add-in's own origin, icons are bundled and no web font is downloaded.
 */
jest.setTimeout(30 * 60 * 1000);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

describe('the external-reference scanner', () => {
  test('finds fetches of outside hosts in html, css and js', () => {
    const samples = [
      '<script src="https://cdn.example.com/react.js"></script>',
      "<link rel=stylesheet href='http://fonts.googleapis.com/css?family=Noto'>",
      '@font-face{src:url(https://fonts.gstatic.com/s/noto.woff2)}',
      '@import "https://example.org/x.css";',
      'fetch("https://api.example.com/telemetry",{method:"POST"})',
      'import(`https://esm.sh/lodash`)',
      'e.src="https://evil.example/pixel.gif"',
      'x.open("GET","https://example.net/data.json")',
      'navigator.sendBeacon("https://collector.example/b")',
      'new WebSocket("wss://push.example/")',
    ];
    for (const s of samples) expect(findExternalReferences(s)).toHaveLength(1);
  });

  test('ignores localhost, the optional office.js CDN, namespace URIs, plain strings and licence comments', () => {
    const text = [
      '<script src="https://localhost:3000/taskpane.js"></script>',
      '<img src="http://127.0.0.1:3001/assets/icon-32.png">',
      `<script src="${OFFICE_JS_CDN}"></script>`,
      'document.createElementNS("http://www.w3.org/2000/svg","svg")',
      'var ns={r:"http://schemas.openxmlformats.org/officeDocument/2006/relationships"}',
      '/*! For license information see https://github.com/facebook/react/blob/main/LICENSE href="https://x.y" */',
      '<!-- <script src="https://cdn.example.com/old.js"></script> -->',
      'const help = "see https://learn.microsoft.com/office/dev/add-ins for details";',
    ].join('\n');
    expect(findExternalReferences(text)).toEqual([]);
    expect(findExternalReferences(`<script src="${OFFICE_JS_CDN}"></script>`, [])).toHaveLength(1);
  });
});

describe('the webpack options for office.js', () => {
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<Record<string, unknown>>;

  function htmlPlugins(config: Record<string, unknown>): { filename: string; templateParameters?: { officeJs?: string } }[] {
    return (config.plugins as { userOptions?: { filename: string } }[]).filter((p) => p.userOptions?.filename).map((p) => p.userOptions!);
  }

  test('default: office.js from the add-in origin, copied from @microsoft/office-js', async () => {
    const config = await makeConfig({}, { mode: 'production' });
    const pane = htmlPlugins(config).find((p) => p.filename === 'taskpane.html')!;
    expect(pane.templateParameters?.officeJs).toBe('office-js/office.js');
    expect(JSON.stringify((config.plugins as object[]).map((p) => p.constructor.name))).not.toContain('OfficeJsSourcePlugin');
  });

  test('--env cdn / OFFICE_JS_CDN=1: the Microsoft CDN, in every page that loads office.js', async () => {
    const config = await makeConfig({ cdn: true }, { mode: 'production' });
    const pane = htmlPlugins(config).find((p) => p.filename === 'taskpane.html')!;
    expect(pane.templateParameters?.officeJs).toBe(OFFICE_JS_CDN);
    expect((config.plugins as object[]).map((p) => p.constructor.name)).toContain('OfficeJsSourcePlugin');
  });
});

describe('the built add-in (dist/)', () => {
  let files: string[] = [];
  let DIST = '';

  beforeAll(async () => {
    DIST = await freshDistSnapshot();
    files = walk(DIST);
  }, 30 * 60 * 1000);

  afterAll(() => {
    if (DIST) fs.rmSync(DIST, { recursive: true, force: true });
  });

  const rel = (f: string) => path.relative(DIST, f).split(path.sep).join('/');

  test('emits the pages, the manifest, the icons, office.js and the demo sample', () => {
    const names = new Set(files.map(rel));
    for (const f of [
      'taskpane.html',
      'commands.html',
      'demo.html',
      'index.html',
      'manifest.xml',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'office-js/office.js',
      'assets/sample/seed004-department-budget.xlsx',
    ]) {
      expect(names).toContain(f);
    }
  });

  test('html, js and css reference no outside host; office.js is loaded from the own origin', () => {
    // office-js/ is Microsoft's library served as is; our own pages and bundles are what is checked.
    const ours = files.filter((f) => /\.(html|js|css|mjs)$/.test(f) && !rel(f).startsWith('office-js/'));
    expect(ours.length).toBeGreaterThan(4);
    const problems: string[] = [];
    for (const f of ours) {
      for (const ref of findExternalReferences(fs.readFileSync(f, 'utf8'))) problems.push(`${rel(f)}: ${ref.url}  …${ref.context}…`);
    }
    expect(problems).toEqual([]);
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      expect(html).toContain('office-js/office.js');
      expect(html).not.toContain(OFFICE_JS_CDN);
    }
  });

  test('no web fonts: no font files and no @font-face in our bundles', () => {
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f) && !rel(f).startsWith('office-js/'))).toEqual([]);
    for (const f of files.filter((x) => /\.(js|css|html)$/.test(x) && !rel(x).startsWith('office-js/'))) {
      expect(`${rel(f)}: ${/@font-face/i.test(fs.readFileSync(f, 'utf8'))}`).toBe(`${rel(f)}: false`);
    }
  });

  test('the manifest points only at the add-in origin', () => {
    const xml = fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(3);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });
});
