/**
 * `npm run build:wps` output: a ribbon.xml WPS accepts, callbacks that exist, registration files that
 * point at the built add-in and its task pane, an offline package, and a ribbon runtime that really runs
 * the check → mark flow (the built jiaohe-wps.js + main.js, driven by the fake ET).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { DOMParser } from '@xmldom/xmldom';
import { checkSheet } from '../../src/core/engine';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { FakeApplication } from './fakeEt';
import { sharedFixture } from '../sharedFixtures';

const ROOT = path.resolve(__dirname, '../..');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const URL_BASE = 'http://intranet.example/jiaohe/';
const FOLDER = `jiaohe_${VERSION}`;

let out: string;
let buildLog = '';

function parseXml(file: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');
  if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
  return doc as unknown as Document;
}

function allElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('*')) as Element[];
}

beforeAll(() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-wps-'));
  // A stand-in for the webpack task pane (the pane has its own build and tests): an HTML page that loads
  // office.js like the real one, its script, and a lazily loaded chunk in a subfolder.
  const pane = path.join(tmp, 'pane');
  fs.mkdirSync(path.join(pane, 'office-js'), { recursive: true });
  fs.mkdirSync(path.join(pane, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(pane, 'taskpane.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script src="office-js/office.js"></script>' +
      // A loader that only writes the office.js tag outside WPS stays (its string is not a file reference).
      '<script>window.Application||document.write(\'<script src="office-js/office.js"><\\/script>\')</script>' +
      '<script defer src=taskpane.js></script><link href="assets/icon-32.png" rel="icon"></head><body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(pane, 'taskpane.js'), 'window.paneLoaded = true;');
  fs.writeFileSync(path.join(pane, 'host-wps.12345678.js'), '/* chunk */');
  fs.writeFileSync(path.join(pane, 'office-js', 'office.js'), '/* office */');
  fs.copyFileSync(path.join(ROOT, 'assets', 'icon-32.png'), path.join(pane, 'assets', 'icon-32.png'));
  fs.writeFileSync(path.join(pane, 'manifest.xml'), '<OfficeApp/>');
  out = path.join(tmp, 'dist-wps');
  const r = spawnSync(process.execPath, ['scripts/build-wps.js', '--url', URL_BASE, '--pane-dir', pane, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280000,
  });
  buildLog = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`build:wps failed (${r.status}):\n${buildLog}`);
}, 300000);

describe('build:wps', () => {
  const addinDirs = () => [path.join(out, 'online'), path.join(out, 'offline', FOLDER)];

  it('writes a ribbon.xml that starts with <customUI, parses, has unique ids and the two buttons', () => {
    for (const dir of addinDirs()) {
      const file = path.join(dir, 'ribbon.xml');
      const text = fs.readFileSync(file, 'utf8');
      expect(text.startsWith('<customUI')).toBe(true);
      expect(text).not.toContain('<?xml');
      const doc = parseXml(file);
      expect(doc.documentElement.tagName).toBe('customUI');
      const ids = allElements(doc)
        .map((e) => e.getAttribute('id'))
        .filter((id): id is string => !!id);
      expect(new Set(ids).size).toBe(ids.length);
      const tab = allElements(doc).find((e) => e.tagName === 'tab');
      expect(tab?.getAttribute('label')).toBe('校核');
      const labels = allElements(doc)
        .filter((e) => e.tagName === 'button')
        .map((e) => e.getAttribute('label'));
      expect(labels).toEqual(expect.arrayContaining(['一键校验', '打开助手']));
    }
  });

  it('defines every ribbon callback in main.js, and every image exists', () => {
    for (const dir of addinDirs()) {
      const doc = parseXml(path.join(dir, 'ribbon.xml'));
      const callbacks = new Set<string>();
      for (const e of allElements(doc)) {
        for (const attr of Array.from(e.attributes)) {
          if (/^(on[A-Z]|get[A-Z])/.test(attr.name)) callbacks.add(attr.value);
        }
      }
      expect(callbacks.size).toBeGreaterThanOrEqual(3);
      const sandbox: Record<string, unknown> = {};
      sandbox.window = sandbox;
      vm.runInNewContext(fs.readFileSync(path.join(dir, 'main.js'), 'utf8'), sandbox);
      for (const cb of callbacks) {
        const [obj, fn] = cb.split('.');
        expect(typeof (sandbox[obj] as Record<string, unknown>)?.[fn]).toBe('function');
      }
      const ribbon = sandbox.ribbon as { GetImage(c: { Id: string }): string };
      for (const e of allElements(doc).filter((x) => x.tagName === 'button')) {
        expect(fs.existsSync(path.join(dir, ribbon.GetImage({ Id: e.getAttribute('id') as string })))).toBe(true);
      }
      // index.html loads the engine before the callbacks.
      const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      expect(html.indexOf('src="jiaohe-wps.js"')).toBeGreaterThan(-1);
      expect(html.indexOf('src="jiaohe-wps.js"')).toBeLessThan(html.indexOf('src="main.js"'));
    }
  });

  it('points publish.xml and the online jsplugins.xml at the served add-in and its task pane', () => {
    const online = path.join(out, 'online');
    for (const name of ['publish.xml', 'jsplugins.xml']) {
      const doc = parseXml(path.join(online, name));
      expect(doc.documentElement.tagName).toBe('jsplugins');
      const entries = Array.from(doc.getElementsByTagName('jspluginonline')) as Element[];
      expect(entries).toHaveLength(1);
      expect(entries[0].getAttribute('name')).toBe('jiaohe');
      expect(entries[0].getAttribute('type')).toBe('et');
      const url = entries[0].getAttribute('url') as string;
      expect(url).toBe(URL_BASE);
      // The URL is the online folder: WPS fetches ribbon.xml and index.html from it, and the pane below it.
      const local = (u: string) => path.join(online, u.slice(URL_BASE.length));
      expect(fs.existsSync(local(`${url}ribbon.xml`))).toBe(true);
      expect(fs.existsSync(local(`${url}index.html`))).toBe(true);
      expect(fs.existsSync(local(`${url}ui/taskpane.html`))).toBe(true);
    }
    const pane = fs.readFileSync(path.join(online, 'ui', 'taskpane.html'), 'utf8');
    expect(pane).not.toContain('<script src="office-js/office.js"></script><script>');
    expect(pane).toContain('window.Application||document.write');
    expect(pane).toContain('taskpane.js');
    expect(fs.existsSync(path.join(online, 'ui', 'taskpane.js'))).toBe(true);
    expect(fs.existsSync(path.join(online, 'ui', 'host-wps.12345678.js'))).toBe(true);
    expect(fs.existsSync(path.join(online, 'ui', 'office-js'))).toBe(false);
    expect(fs.existsSync(path.join(online, 'ui', 'manifest.xml'))).toBe(false);
  });

  it('builds an offline package: the jiaohe_<version> folder, its zip, and a jsplugins.xml for it', async () => {
    const offline = path.join(out, 'offline');
    const doc = parseXml(path.join(offline, 'jsplugins.xml'));
    const entry = doc.getElementsByTagName('jsplugin')[0] as Element;
    expect(entry.getAttribute('name')).toBe('jiaohe');
    expect(entry.getAttribute('type')).toBe('et');
    expect(entry.getAttribute('version')).toBe(VERSION);
    expect(entry.getAttribute('url')).toBe(`${URL_BASE}${FOLDER}.zip`);
    expect(fs.existsSync(path.join(out, 'online', `${FOLDER}.zip`))).toBe(true);
    // The zip holds exactly the folder's files, byte for byte.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(offline, `${FOLDER}.zip`)));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    const walk = (dir: string, prefix = ''): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    expect(names).toEqual(walk(path.join(offline, FOLDER)).sort());
    for (const n of names) {
      const bytes = await zip.file(n)!.async('nodebuffer');
      expect(bytes.equals(fs.readFileSync(path.join(offline, FOLDER, n)))).toBe(true);
    }
    const sh = fs.readFileSync(path.join(offline, 'install-linux.sh'), 'utf8');
    expect(sh).toContain('.local/share/Kingsoft/wps/jsaddons');
    expect(sh).toContain(FOLDER);
    expect(fs.readFileSync(path.join(offline, 'install-windows.cmd'), 'utf8')).toContain('kingsoft\\wps\\jsaddons');
  });

  it('runs 一键校验 and 打开助手 from the built main.js + jiaohe-wps.js against a WPS workbook', async () => {
    const dir = path.join(out, 'online');
    const book = await readXlsxFile(sharedFixture('seed004-department-budget.xlsx'));
    const sheetIndex = book.sheets.findIndex((g) => g.name.startsWith('表2'));
    const app = FakeApplication.fromGrids(book.sheets, sheetIndex);
    const alerts: string[] = [];
    const sandbox: Record<string, unknown> = {
      Application: app,
      location: { href: `${URL_BASE}index.html` },
      alert: (m: string) => alerts.push(m),
      setTimeout,
      clearTimeout,
      console,
    };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(fs.readFileSync(path.join(dir, 'jiaohe-wps.js'), 'utf8'), context);
    vm.runInContext(fs.readFileSync(path.join(dir, 'main.js'), 'utf8'), context);
    const ribbon = sandbox.ribbon as {
      OnAddinLoad(ui: unknown): boolean;
      OnAction(c: { Id: string }): unknown;
    };
    expect(ribbon.OnAddinLoad({ name: 'ribbonUI' })).toBe(true);

    const expected = checkSheet(book.sheets[sheetIndex]).findings;
    await ribbon.OnAction({ Id: 'jiaoheOneClickCheck' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^校核/);
    expect(alerts[0]).toContain(book.sheets[sheetIndex].name);
    expect(String(app.StatusBar)).toBe(alerts[0]);
    if (expected.length > 0) expect(alerts[0]).toContain(`发现 ${expected.length} 处问题`);
    expect(app.ScreenUpdating).toBe(true);

    ribbon.OnAction({ Id: 'jiaoheOpenPane' });
    expect(app.taskPanes).toHaveLength(1);
    expect(app.taskPanes[0].url).toBe(`${URL_BASE}ui/taskpane.html`);
    expect(app.taskPanes[0].Visible).toBe(true);
    expect(app.PluginStorage.getItem('jiaohe.taskpane.id')).toBe(String(app.taskPanes[0].ID));
    ribbon.OnAction({ Id: 'jiaoheOpenPane' });
    expect(app.taskPanes).toHaveLength(1);
    expect(app.taskPanes[0].Visible).toBe(false);
    ribbon.OnAction({ Id: 'jiaoheOpenPane' });
    expect(app.taskPanes[0].Visible).toBe(true);

    await ribbon.OnAction({ Id: 'jiaoheClearMarks' });
    expect(alerts[1]).toMatch(/^校核：(已清除|没有需要清除)/);
  });

  it('install-linux.sh copies the add-in into jsaddons and registers it, keeping other add-ins', () => {
    const jsaddons = fs.mkdtempSync(path.join(os.tmpdir(), 'jsaddons-'));
    fs.writeFileSync(
      path.join(jsaddons, 'jsplugins.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="other" type="wps" url="file:///x/other.7z" version="1.0"/>\n' +
        '  <jsplugin name="jiaohe" type="et" url="file:///old.zip" version="0.0.1"/>\n</jsplugins>\n',
    );
    const r = spawnSync('sh', [path.join(out, 'offline', 'install-linux.sh')], { env: { ...process.env, WPS_JSADDONS: jsaddons }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已安装到');
    expect(fs.existsSync(path.join(jsaddons, FOLDER, 'ribbon.xml'))).toBe(true);
    expect(fs.existsSync(path.join(jsaddons, FOLDER, 'ui', 'taskpane.html'))).toBe(true);
    const doc = parseXml(path.join(jsaddons, 'jsplugins.xml'));
    const entries = (Array.from(doc.getElementsByTagName('jsplugin')) as Element[]).map((e) => `${e.getAttribute('name')} ${e.getAttribute('version')} ${e.getAttribute('url')}`);
    expect(entries).toEqual(['other 1.0 file:///x/other.7z', `jiaohe ${VERSION} file://${jsaddons}/${FOLDER}.zip`]);
  });

  it('refuses a bad --url with a Chinese message', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wps.js', '--url', 'intranet/jiaohe'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('不是有效的网址');
  });
});
