import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

// The server behind `npm start` and the browser tests.
const { serveStatic, resolveUnder } = require('../../scripts/static-server.js') as {
  serveStatic: (root: string, opts: { port: number }) => Promise<{ url: string; close: () => Promise<void> }>;
  resolveUnder: (root: string, urlPath: string) => string | null;
};

function get(url: string, rawPath?: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath ?? u.pathname, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-static-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<p>首页</p>');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'assets', '表 1.xlsx'), 'xlsx');
  fs.writeFileSync(path.join(os.tmpdir(), 'jiaohe-secret.txt'), 'secret');
  let served: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    served = await serveStatic(root, { port: 0 });
  });
  afterAll(async () => {
    await served.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('serves files with their type, index.html for /, and 404 for missing files', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(get(served.url)).resolves.toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<p>首页</p>' });
    const xlsx = await get(`${served.url}assets/${encodeURIComponent('表 1.xlsx')}`);
    expect(xlsx).toMatchObject({ status: 200, body: 'xlsx' });
    expect(xlsx.type).toContain('spreadsheetml');
    await expect(get(`${served.url}nope.js`)).resolves.toMatchObject({ status: 404 });
  });

  test('never serves anything outside its root', async () => {
    for (const p of ['/../jiaohe-secret.txt', '/%2e%2e/jiaohe-secret.txt', '/assets/..%2f..%2fjiaohe-secret.txt']) {
      const res = await get(served.url, p);
      expect(res.body).not.toBe('secret');
    }
    expect(resolveUnder(root, '/../x')).toBe(path.join(root, 'x'));
    expect(resolveUnder(root, '/%E0%A4%A')).toBeNull();
  });
});
