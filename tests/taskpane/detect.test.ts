import { createHost, detectEnvironment } from '../../src/hosts/detect';
import { DemoHost } from '../../src/hosts/demo/DemoHost';
import { DemoWorkbook } from '../../src/hosts/demo/workbook';
import { gridFromRows } from '../../src/core/grid';

/**
 * Detection with fake globals. Each fake records which of its properties were read, so the tests can
 * assert that the WPS path never looks at Office and the Office path never looks at WPS.
 */
type Touches = Set<string>;

function spy<T extends object>(name: string, target: T, touched: Touches): T {
  return new Proxy(target, {
    get(t, prop, recv) {
      if (typeof prop === 'string') touched.add(`${name}.${prop}`);
      return Reflect.get(t, prop, recv);
    },
    has(t, prop) {
      if (typeof prop === 'string') touched.add(`${name}.${prop}`);
      return Reflect.has(t, prop);
    },
  });
}

function fakeWindow(globals: Record<string, unknown>, touched: Touches): Record<string, unknown> {
  return new Proxy(globals, {
    get(t, prop, recv) {
      if (typeof prop === 'string') touched.add(`window.${prop}`);
      return Reflect.get(t, prop, recv);
    },
  });
}

function fakeOffice(host: string | null, touched: Touches, delayMs = 0) {
  return spy(
    'Office',
    {
      HostType: { Excel: 'Excel', Word: 'Word' },
      onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host, platform: host ? 'PC' : null }), delayMs)),
    },
    touched,
  );
}

function fakeEtApplication(touched: Touches) {
  return spy('Application', { ActiveWorkbook: {}, Worksheets: {}, ActiveSheet: {} }, touched);
}

const g = globalThis as unknown as { window?: unknown };
const originalWindow = g.window;

function install(globals: Record<string, unknown>): Touches {
  const touched: Touches = new Set();
  g.window = fakeWindow(globals, touched);
  return touched;
}

afterEach(() => {
  if (originalWindow === undefined) delete g.window;
  else g.window = originalWindow;
});

function demoFactory() {
  return () => new DemoHost(DemoWorkbook.fromGrids([gridFromRows('Sheet1', [['a']])]));
}

describe('detectEnvironment', () => {
  test('WPS: window.Application with the ET object model → wps, and Office is never read', async () => {
    // office.js present too: a WPS pane must still be WPS and must not touch Office at all.
    const touched: Touches = new Set();
    const officeTouches: Touches = new Set();
    g.window = fakeWindow({ Application: fakeEtApplication(touched), wps: {}, Office: fakeOffice('Excel', officeTouches) }, touched);
    const d = await detectEnvironment();
    expect(d.kind).toBe('wps');
    expect([...touched].filter((k) => k.startsWith('window.Office'))).toEqual([]);
    expect(officeTouches.size).toBe(0);
  });

  test('WPS without the wps global is still recognised by the ET members', async () => {
    const touched: Touches = new Set();
    g.window = fakeWindow({ Application: fakeEtApplication(touched) }, touched);
    expect((await detectEnvironment()).kind).toBe('wps');
  });

  test('a stray global called Application that is not ET is not WPS', async () => {
    install({ Application: { name: 'something else' } });
    expect((await detectEnvironment()).kind).toBe('none');
  });

  test('Excel: Office.onReady says Excel → excel, and WPS members are never read', async () => {
    const touched: Touches = new Set();
    g.window = fakeWindow({ Office: fakeOffice('Excel', touched) }, touched);
    const d = await detectEnvironment();
    expect(d.kind).toBe('excel');
    expect(touched.has('Office.onReady')).toBe(true);
    // WPS's globals were only looked up (absent here); nothing of theirs was called.
    expect([...touched].filter((k) => k.startsWith('Application.') || k.startsWith('wps.'))).toEqual([]);
  });

  test('office.js in a plain browser (host null) → none, with a reason', async () => {
    const touched: Touches = new Set();
    g.window = fakeWindow({ Office: fakeOffice(null, touched) }, touched);
    const d = await detectEnvironment();
    expect(d.kind).toBe('none');
    expect(d.reason).toMatch(/not running inside Office/);
  });

  test('office.js inside Word is not Excel', async () => {
    const touched: Touches = new Set();
    g.window = fakeWindow({ Office: fakeOffice('Word', touched) }, touched);
    const d = await detectEnvironment();
    expect(d.kind).toBe('none');
    expect(d.reason).toMatch(/Word/);
  });

  test('Office.onReady that never settles times out instead of hanging the pane', async () => {
    const touched: Touches = new Set();
    g.window = fakeWindow({ Office: { onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' } } }, touched);
    const started = Date.now();
    const d = await detectEnvironment({ officeReadyTimeoutMs: 50 });
    expect(d.kind).toBe('none');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('no Office, no WPS: demo when the page offers one, otherwise none', async () => {
    install({});
    expect((await detectEnvironment({ demoAvailable: true })).kind).toBe('demo');
    expect((await detectEnvironment()).kind).toBe('none');
  });

  test('outside a browser (no window at all) → none', async () => {
    delete g.window;
    expect((await detectEnvironment()).kind).toBe('none');
  });
});

describe('createHost', () => {
  test('demo page: returns the page DemoHost', async () => {
    install({});
    const created = await createHost({ demo: demoFactory() });
    expect(created.kind).toBe('demo');
    expect(created.host).toBeInstanceOf(DemoHost);
    expect(created.host!.kind).toBe('demo');
  });

  test('WPS: returns a WpsHost', async () => {
    const touched: Touches = new Set();
    g.window = fakeWindow({ Application: fakeEtApplication(touched), wps: {} }, touched);
    const created = await createHost({ demo: demoFactory() });
    expect(created.kind).toBe('wps');
    expect(created.host!.kind).toBe('wps');
  });

  test('Excel: returns an ExcelHost', async () => {
    const touched: Touches = new Set();
    g.window = fakeWindow({ Office: fakeOffice('Excel', touched) }, touched);
    const created = await createHost();
    expect(created.kind).toBe('excel');
    expect(created.host!.kind).toBe('excel');
  });

  test('nothing available: host is null', async () => {
    install({});
    const created = await createHost();
    expect(created).toMatchObject({ kind: 'none', host: null });
  });
});
