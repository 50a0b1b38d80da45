/**
 * Offline checks of manifest.xml (the online `npm run validate` needs Microsoft's service, which 政务内网
 * machines cannot reach): well-formed XML, required elements, every resource id defined once, icons that exist
 * with the declared pixel size, unique control ids, and a FunctionName that commands.ts really registers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { DOMParser } from '@xmldom/xmldom';

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const NS_OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';

type El = Element;

function parseManifest(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(`${level}: ${msg}`);
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  if (errors.length) throw new Error(`manifest.xml is not well-formed:\n${errors.join('\n')}`);
  return doc;
}

function children(el: El, localName: string): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as El).localName === localName) out.push(n as El);
  }
  return out;
}

function all(doc: Document | El, ns: string, localName: string): El[] {
  return Array.from(doc.getElementsByTagNameNS(ns, localName) as unknown as ArrayLike<El>);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (buf.subarray(0, 8).toString('hex') !== signature || buf.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icon-32.png → <repo>/assets/icon-32.png (the build copies assets/ as is). */
function localFileOf(url: string): string {
  const u = new URL(url);
  return path.join(ROOT, decodeURIComponent(u.pathname).replace(/^\//, ''));
}

const xml = fs.readFileSync(MANIFEST, 'utf8');
const doc = parseManifest(xml);
const root = doc.documentElement as El;

describe('manifest.xml (offline)', () => {
  it('is a TaskPaneApp for Excel workbooks with the required top-level elements, in schema order', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(NS_APP);
    expect(root.getAttributeNS(NS_XSI, 'type')).toBe('TaskPaneApp');
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'Hosts',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const names: string[] = [];
    for (let n = root.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) names.push((n as El).localName!);
    for (const name of order) expect(names).toContain(name);
    const positions = order.map((n) => names.indexOf(n));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has a GUID id, a 4-part version, zh-CN default with en-US overrides, ReadWriteDocument', () => {
    const text = (name: string) => children(root, name)[0]?.textContent?.trim() ?? '';
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text('ProviderName')).not.toBe('');
    expect(text('DefaultLocale')).toBe('zh-CN');
    expect(text('Permissions')).toBe('ReadWriteDocument');
    const displayName = children(root, 'DisplayName')[0];
    expect(displayName.getAttribute('DefaultValue')).toBe('校核 Jiaohe');
    for (const name of ['DisplayName', 'Description']) {
      const el = children(root, name)[0];
      expect(el.getAttribute('DefaultValue')).toBeTruthy();
      const override = children(el, 'Override').find((o) => o.getAttribute('Locale') === 'en-US');
      expect(override?.getAttribute('Value')).toBeTruthy();
    }
    const hosts = children(children(root, 'Hosts')[0], 'Host').map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
    const source = children(children(root, 'DefaultSettings')[0], 'SourceLocation')[0];
    expect(source.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('asks only for ExcelApi 1.1 (newer sets are feature-detected at run time)', () => {
    const sets = all(doc, NS_APP, 'Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toEqual(['ExcelApi 1.1']);
  });

  it('references no origin other than the add-in’s own', () => {
    const origins = new Set((xml.match(/https?:\/\/[^"'\s<]+/g) ?? []).map((u) => new URL(u).origin));
    origins.delete('http://schemas.microsoft.com');
    origins.delete('http://www.w3.org');
    expect([...origins]).toEqual(['https://localhost:3000']);
    expect(children(root, 'AppDomains')[0] && children(children(root, 'AppDomains')[0], 'AppDomain')).toEqual([]);
  });

  it('uses VersionOverrides 1.0 with a 校核 group on the Home tab and two buttons', () => {
    const vo = children(root, 'VersionOverrides')[0];
    expect(vo.namespaceURI).toBe(NS_OV);
    expect(vo.getAttributeNS(NS_XSI, 'type')).toBe('VersionOverridesV1_0');
    const tabs = all(vo, NS_OV, 'OfficeTab');
    expect(tabs.map((t) => t.getAttribute('id'))).toEqual(['TabHome']);
    const controls = all(vo, NS_OV, 'Control');
    expect(controls).toHaveLength(2);
    const actions = controls.map((c) => children(c, 'Action')[0].getAttributeNS(NS_XSI, 'type'));
    expect(actions).toEqual(['ExecuteFunction', 'ShowTaskpane']);
    const functionNames = all(vo, NS_OV, 'FunctionName').map((f) => f.textContent?.trim());
    expect(functionNames).toEqual(['checkActiveSheet']);
    expect(all(vo, NS_OV, 'FunctionFile')).toHaveLength(1);
  });

  it('defines every referenced resid exactly once, and labels the buttons 一键校验 / 打开助手', () => {
    const defined = new Map<string, El[]>();
    for (const kind of ['Image', 'Url', 'String']) {
      for (const el of all(doc, NS_BT, kind)) {
        const id = el.getAttribute('id');
        if (!id) continue; // <bt:Image size=… resid=…> inside <Icon> is a reference, not a definition
        defined.set(id, [...(defined.get(id) ?? []), el]);
      }
    }
    for (const [id, els] of defined) expect({ id, count: els.length }).toEqual({ id, count: 1 });

    const referenced: El[] = [];
    const walk = (el: El) => {
      if (el.hasAttribute('resid')) referenced.push(el);
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) walk(n as El);
    };
    walk(root);
    expect(referenced.length).toBeGreaterThan(10);
    for (const ref of referenced) {
      const id = ref.getAttribute('resid')!;
      expect({ id, defined: defined.has(id) }).toEqual({ id, defined: true });
      // Icons must point at images, URLs at urls, labels at strings.
      const def = defined.get(id)![0];
      const expectedKind =
        ref.localName === 'Image' ? 'Image' : ['FunctionFile', 'SourceLocation', 'LearnMoreUrl'].includes(ref.localName!) ? 'Url' : 'String';
      expect({ id, kind: def.localName }).toEqual({ id, kind: expectedKind });
      if (['Label', 'Title'].includes(ref.localName!)) {
        expect({ id, in: (def.parentNode as El | null)?.localName }).toEqual({ id, in: 'ShortStrings' });
      }
    }

    const labelOf = (controlId: string) => {
      const control = all(doc, NS_OV, 'Control').find((c) => c.getAttribute('id') === controlId)!;
      const resid = children(control, 'Label')[0].getAttribute('resid')!;
      return defined.get(resid)![0].getAttribute('DefaultValue');
    };
    expect(labelOf('Jiaohe.CheckButton')).toBe('一键校验');
    expect(labelOf('Jiaohe.TaskpaneButton')).toBe('打开助手');
    const group = all(doc, NS_OV, 'Group')[0];
    expect(defined.get(children(group, 'Label')[0].getAttribute('resid')!)![0].getAttribute('DefaultValue')).toBe('校核');
    const taskpaneUrl = defined.get('Jiaohe.Taskpane.Url')![0].getAttribute('DefaultValue');
    const commandsUrl = defined.get('Jiaohe.Commands.Url')![0].getAttribute('DefaultValue');
    expect(taskpaneUrl).toBe('https://localhost:3000/taskpane.html');
    expect(commandsUrl).toBe('https://localhost:3000/commands.html');
  });

  it('points every icon at a PNG in assets/ with the declared pixel size', () => {
    const checked: string[] = [];
    const images = all(doc, NS_BT, 'Image').filter((el) => el.getAttribute('id'));
    const sizeByResid = new Map<string, number>();
    for (const ref of all(doc, NS_BT, 'Image').filter((el) => el.getAttribute('resid'))) {
      const size = Number(ref.getAttribute('size'));
      const prior = sizeByResid.get(ref.getAttribute('resid')!);
      if (prior !== undefined) expect(prior).toBe(size);
      sizeByResid.set(ref.getAttribute('resid')!, size);
    }
    for (const img of images) {
      const file = localFileOf(img.getAttribute('DefaultValue')!);
      expect(path.dirname(file)).toBe(path.join(ROOT, 'assets'));
      expect(fs.existsSync(file)).toBe(true);
      const want = sizeByResid.get(img.getAttribute('id')!);
      expect(want).toBeDefined();
      expect(pngSize(file)).toEqual({ width: want, height: want });
      checked.push(path.basename(file));
    }
    for (const [name, want] of [
      ['IconUrl', 32],
      ['HighResolutionIconUrl', 64],
    ] as const) {
      const file = localFileOf(children(root, name)[0].getAttribute('DefaultValue')!);
      expect(pngSize(file)).toEqual({ width: want, height: want });
      checked.push(path.basename(file));
    }
    expect(new Set(checked)).toEqual(new Set(['icon-16.png', 'icon-32.png', 'icon-80.png', 'icon-64.png']));
  });

  it('gives every ribbon element a unique id', () => {
    const ids: string[] = [];
    for (const kind of ['Group', 'Control', 'OfficeTab', 'CustomTab']) {
      for (const el of all(doc, NS_OV, kind)) ids.push(el.getAttribute('id') ?? '');
    }
    expect(ids.every((id) => id.length > 0 && id.length <= 125)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names a FunctionName that src/commands/commands.ts associates', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
    for (const f of all(doc, NS_OV, 'FunctionName')) {
      const name = f.textContent!.trim();
      expect(source).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*['"]${name}['"]`));
      expect(source).toMatch(new RegExp(`export async function ${name}\\b`));
    }
  });

  it('can be read by office-addin-manifest offline', () => {
    // In a child Node: the package pulls in ESM-only modules that jest's CommonJS runtime cannot load.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
      .then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(String(e)); process.exit(1); })`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script, MANIFEST], { cwd: ROOT, encoding: 'utf8' }));
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.permissions).toBe('ReadWriteDocument');
  });
});
