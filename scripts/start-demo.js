#!/usr/bin/env node
// `npm start`: build the add-in and the demo with webpack (production), serve dist/ on http://127.0.0.1:<PORT>
// (default 3001; the https dev server keeps 3000) and open the demo in the browser. No certificates needed.
//   PORT=8080 npm start        another port
//   NO_BUILD=1 npm start       serve the existing dist/ as it is
//   NO_OPEN=1 npm start        do not open a browser
const path = require('path');
const { spawn } = require('child_process');
const { serveStatic } = require('./static-server');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');

async function build() {
  const webpack = require('webpack');
  const config = await require(path.join(root, 'webpack.config.js'))({ progress: true }, { mode: 'production' });
  const started = Date.now();
  console.log('正在构建（webpack, production，swc 压缩）…');
  const stats = await new Promise((resolve, reject) => {
    webpack(config, (err, s) => (err ? reject(err) : resolve(s)));
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  for (const w of info.warnings || []) console.warn(w.message || w);
  if (stats.hasErrors()) {
    for (const e of info.errors || []) console.error(e.message || e);
    throw new Error('构建失败，见上方错误。');
  }
  console.log(`构建完成，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒。`);
}

function openBrowser(url) {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no opener (server, container): the printed URL is enough
    child.unref();
  } catch {
    // same: ignore
  }
}

async function main() {
  if (!process.env.NO_BUILD) await build();
  const port = process.env.PORT ? Number(process.env.PORT) : 3001;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  let served;
  try {
    served = await serveStatic(dist, { port });
  } catch (err) {
    if (err && err.code === 'EADDRINUSE') throw new Error(`端口 ${port} 已被占用；请用 PORT=其他端口 npm start。`);
    throw err;
  }
  const url = `${served.url}demo.html`;
  console.log(`\n校核演示已启动：${url}\n（按 Ctrl+C 停止）`);
  if (!process.env.NO_OPEN) openBrowser(url);
  const stop = () => served.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
