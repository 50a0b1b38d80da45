#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the WPS 表格 add-in (WPS 加载项) from wps/ (ribbon.xml, index.html, main.js), the engine bundle
// (src/hosts/wps/ribbonMain.ts → jiaohe-wps.js, webpack Node API) and the task pane built by webpack (dist/).
//
//   npm run build:wps -- --url http://intranet.example/jiaohe/
//
// Output (dist-wps/ by default):
//   online/                 serve this folder at --url; it holds the add-in itself, plus
//     publish.xml           per-PC registration for jsaddons/ (online mode)
//     jsplugins.xml         list for oem.ini JSPluginsServer (online mode)
//     jiaohe_<v>.zip        the offline package, so the same server can also hand it out
//   offline/
//     jiaohe_<v>/           the add-in folder to copy into jsaddons/
//     jiaohe_<v>.zip        the same, zipped (for the jsplugins.xml offline route)
//     jsplugins.xml         offline-mode list (<jsplugin … version=…>)
//     install-linux.sh, install-windows.cmd   copy + register for the current user
//
// Options:
//   --url URL           where online/ will be served (default http://127.0.0.1:8080/jiaohe/)
//   --package-url URL   where jiaohe_<v>.zip is downloaded from in offline jsplugins.xml (default: next to --url)
//   --out DIR           output folder (default dist-wps)
//   --pane-dir DIR      an already built task pane (default dist/; built with webpack when missing)
//   --rebuild-pane      build the task pane (webpack --mode production) even if dist/taskpane.html exists
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const PKG = require(path.join(ROOT, 'package.json'));
const ADDIN_NAME = 'jiaohe';
const DEFAULT_URL = 'http://127.0.0.1:8080/jiaohe/';

class BuildError extends Error {}

/** Stop the build with a message for the person running it (thrown, so locks are released on the way out). */
function fail(message) {
  throw new BuildError(message);
}

function parseArgs(argv) {
  const opts = { url: DEFAULT_URL, urlGiven: false, packageUrl: '', out: path.join(ROOT, 'dist-wps'), paneDir: '', rebuildPane: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${flag} 需要一个值`);
      return v;
    };
    if (flag === '--url') {
      opts.url = value();
      opts.urlGiven = true;
    } else if (flag === '--package-url') opts.packageUrl = value();
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--pane-dir') opts.paneDir = path.resolve(value());
    else if (flag === '--rebuild-pane') opts.rebuildPane = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 27).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else fail(`不认识的参数 ${a}（可用：--url、--package-url、--out、--pane-dir、--rebuild-pane）`);
  }
  opts.url = normaliseUrl(opts.url, '--url');
  if (opts.packageUrl) opts.packageUrl = checkUrl(opts.packageUrl, '--package-url');
  return opts;
}

function checkUrl(u, flag) {
  let parsed;
  try {
    parsed = new URL(u);
  } catch {
    fail(`${flag} 不是有效的网址：${u}（例：http://intranet.example/jiaohe/）`);
  }
  if (!/^(https?|file):$/.test(parsed.protocol)) fail(`${flag} 只能是 http://、https:// 或 file:/// 网址：${u}`);
  return parsed.href;
}

/** The add-in URL is a folder: always with a trailing slash. */
function normaliseUrl(u, flag) {
  const href = checkUrl(u, flag);
  return href.endsWith('/') ? href : `${href}/`;
}

function xmlAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ------------------------------------------------------------------------------------------------
// Task pane (owned by the webpack build of the Office add-in)

const distLock = require('./dist-lock');

/** The same lock the test helpers take around builds into dist/, with its timeout said in Chinese. */
async function withDistLock(fn) {
  try {
    return await distLock.withDistLock(fn);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('timed out waiting for the build lock')) {
      fail(`等待构建锁 ${distLock.DIST_LOCK} 超时（另一个构建仍在运行？）。`);
    }
    throw err;
  }
}

/** `webpack --mode production` of the Office add-in (task pane) through the Node API, into dist/. */
async function buildPane() {
  const webpack = require('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = await makeConfig({}, { mode: 'production' });
  const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err || new Error('webpack 没有返回结果')) : resolve(s))));
  if (stats.hasErrors()) {
    const errors = (stats.toJson({ all: false, errors: true }).errors || []).map((e) => e.message).join('\n');
    fail(`任务窗格构建失败（npm run build）：\n${errors}\n请先修复上面的错误，或用 --pane-dir 指定已构建的任务窗格目录。`);
  }
}

async function ensurePane(opts) {
  if (opts.paneDir) {
    if (!fs.existsSync(path.join(opts.paneDir, 'taskpane.html'))) fail(`${opts.paneDir} 中没有 taskpane.html。`);
    return opts.paneDir;
  }
  const dist = path.join(ROOT, 'dist');
  const html = path.join(dist, 'taskpane.html');
  if (opts.rebuildPane || !fs.existsSync(html)) {
    await withDistLock(async () => {
      if (!opts.rebuildPane && fs.existsSync(html)) return; // built by someone else while we waited
      console.log('build:wps: 构建任务窗格（webpack --mode production，输出到 dist/）…');
      await buildPane();
    });
    if (!fs.existsSync(html)) fail('任务窗格构建后仍没有 dist/taskpane.html，请检查 webpack.config.js。');
  }
  return dist;
}

// Not needed inside WPS: the Office.js runtime, the Excel manifest, the demo page and the Office ribbon
// commands page, the Node CLI output, source maps.
const PANE_SKIP = new Set(['node', 'office-js', 'manifest.xml', 'demo.html', 'index.html', 'commands.html', 'commands.js', 'demo.js', 'sample']);

function copyPane(paneDir, dest) {
  fs.mkdirSync(dest, { recursive: true });
  const walk = (from, to, top) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (top && PANE_SKIP.has(entry.name)) continue;
      if (!top && entry.name === 'sample') continue;
      if (entry.name.endsWith('.map') || entry.name.endsWith('.LICENSE.txt')) continue;
      const src = path.join(from, entry.name);
      const dst = path.join(to, entry.name);
      if (entry.isDirectory()) {
        fs.mkdirSync(dst, { recursive: true });
        walk(src, dst, false);
      } else fs.copyFileSync(src, dst);
    }
  };
  walk(paneDir, dest, true);
  // WPS does not run Office.js: drop a plain <script src=…office.js> tag, so the pane never loads (or waits for)
  // it. A loader that already skips office.js inside WPS (an inline script) is left as it is.
  const htmlFile = path.join(dest, 'taskpane.html');
  let html = fs.readFileSync(htmlFile, 'utf8');
  html = html.replace(/<script\b[^>]*\bsrc=(?:"[^"]*office(?:\.debug)?\.js"|'[^']*office(?:\.debug)?\.js'|[^\s>]*office(?:\.debug)?\.js)[^>]*>\s*<\/script>\s*/gi, '');
  fs.writeFileSync(htmlFile, html);
  // Every file the page itself references (tags, not strings inside inline scripts) must be in the package.
  const tagsOnly = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (tag) => tag.slice(0, tag.indexOf('>') + 1));
  const refs = [...tagsOnly.matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)]
    .map((m) => (m[1] ?? m[2] ?? m[3]).split(/[?#]/)[0])
    .filter((r) => r && !/^(https?:|data:|mailto:|\/\/)/i.test(r));
  for (const ref of refs) {
    if (ref.startsWith('/')) fail(`任务窗格 taskpane.html 使用了绝对路径 ${ref}；在 WPS 中需要相对路径（webpack publicPath 应为 'auto' 或相对路径）。`);
    if (!fs.existsSync(path.join(dest, ref))) fail(`任务窗格引用的文件 ${ref} 不存在（在 ${paneDir} 中）。`);
  }
}

// ------------------------------------------------------------------------------------------------
// Engine bundle for the ribbon runtime

function bundleEngine(outDir) {
  const webpack = require('webpack');
  const config = {
    mode: 'production',
    context: ROOT,
    target: ['web', 'es2015'],
    devtool: false,
    entry: { 'jiaohe-wps': './src/hosts/wps/ribbonMain.ts' },
    output: { path: outDir, filename: '[name].js', library: { name: 'JiaoheWps', type: 'window' }, clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES2015 output: the Chromium inside older WPS builds (UOS/Kylin) lacks later syntax.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', target: 'es2015', sourceMap: false } },
          },
        },
      ],
    },
    optimization: { splitChunks: false },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
  return new Promise((resolve) => {
    webpack(config, (err, stats) => {
      if (err) fail(`打包 jiaohe-wps.js 出错：${err.message}`);
      if (stats.hasErrors()) fail(`打包 jiaohe-wps.js 出错：\n${stats.toString({ all: false, errors: true })}`);
      resolve(path.join(outDir, 'jiaohe-wps.js'));
    });
  });
}

// ------------------------------------------------------------------------------------------------
// Ribbon icons (drawn, 32×32): check mark (the add-in icon), task pane, eraser-style clear

function drawButtonIcon(kind) {
  const { encodePng } = require('./make-icons');
  const size = 32;
  const rgba = Buffer.alloc(size * size * 4);
  const put = (x, y, [r, g, b]) => {
    const i = (y * size + x) * 4;
    rgba[i] = r;
    rgba[i + 1] = g;
    rgba[i + 2] = b;
    rgba[i + 3] = 255;
  };
  const blue = [0x0f, 0x6c, 0xbd];
  const white = [0xff, 0xff, 0xff];
  for (let y = 2; y < 30; y++) for (let x = 2; x < 30; x++) put(x, y, blue);
  if (kind === 'pane') {
    for (let y = 7; y < 25; y++) for (let x = 7; x < 25; x++) if (x === 7 || x === 24 || y === 7 || y === 24 || x === 17) put(x, y, white);
    for (let y = 10; y < 22; y += 3) for (let x = 19; x < 23; x++) put(x, y, white);
  } else {
    for (let d = -1; d <= 1; d++) {
      for (let t = 8; t < 24; t++) {
        put(t, Math.min(29, Math.max(2, t + d)), white);
        put(t, Math.min(29, Math.max(2, 31 - t + d)), white);
      }
    }
  }
  return encodePng(size, rgba);
}

function writeIcons(dest) {
  const dir = path.join(dest, 'images');
  fs.mkdirSync(dir, { recursive: true });
  const icon = path.join(ROOT, 'assets', 'icon-32.png');
  if (fs.existsSync(icon)) fs.copyFileSync(icon, path.join(dir, 'check.png'));
  else fs.writeFileSync(path.join(dir, 'check.png'), require('./make-icons').drawIcon(32));
  fs.writeFileSync(path.join(dir, 'pane.png'), drawButtonIcon('pane'));
  fs.writeFileSync(path.join(dir, 'clear.png'), drawButtonIcon('clear'));
}

// ------------------------------------------------------------------------------------------------
// Zip writer (deflate, no dependency)

const { crc32 } = require('./crc32');

function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel));
    else out.push(rel);
  }
  return out;
}

/** Zip every file under dir (paths relative to dir, UTF-8 names). */
function writeZip(dir, zipFile) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // 1980-01-01 00:00: a fixed timestamp keeps the package byte-identical between builds.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const rel of listFiles(dir)) {
    const data = fs.readFileSync(path.join(dir, rel));
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const name = Buffer.from(rel, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(zipFile, Buffer.concat([...locals, ...centrals, end]));
}

// ------------------------------------------------------------------------------------------------
// Registration files

function publishXml(url) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlAttr(url)}" debug="" enable="enable" install="null" customDomain=""/>
</jsplugins>
`;
}

function onlineListXml(url) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlAttr(url)}"/>
</jsplugins>
`;
}

function offlineListXml(packageUrl, version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${xmlAttr(packageUrl)}" version="${xmlAttr(version)}"/>
</jsplugins>
`;
}

function installLinux(folder, version) {
  return `#!/bin/sh
# 校核 Jiaohe：为当前用户安装 WPS 表格加载项（离线模式）。用法：sh install-linux.sh
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
DIR="\${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
mkdir -p "$DIR"
rm -rf "$DIR/${folder}"
cp -R "$HERE/${folder}" "$DIR/${folder}"
ENTRY='  <jsplugin name="${ADDIN_NAME}" type="et" url="file://'"$DIR"'/${folder}.zip" version="${version}"/>'
cp "$HERE/${folder}.zip" "$DIR/${folder}.zip"
LIST="$DIR/jsplugins.xml"
if [ -f "$LIST" ] && grep -q '<jsplugins' "$LIST"; then
  # Keep other add-ins; replace an older Jiaohe entry.
  grep -v 'name="${ADDIN_NAME}"' "$LIST" | grep -v '</jsplugins>' > "$LIST.tmp" || true
  printf '%s\\n</jsplugins>\\n' "$ENTRY" >> "$LIST.tmp"
  mv "$LIST.tmp" "$LIST"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\\n<jsplugins>\\n%s\\n</jsplugins>\\n' "$ENTRY" > "$LIST"
fi
echo "已安装到 $DIR/${folder}。请完全退出 WPS（包括托盘里的 WPS 进程）后重新打开 WPS 表格，功能区会出现“校核”选项卡。"
`;
}

function installWindows(folder, version) {
  const ps = [
    `$d = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons'`,
    `New-Item -ItemType Directory -Force -Path $d | Out-Null`,
    `$t = Join-Path $d '${folder}'`,
    `if (Test-Path $t) { Remove-Item -Recurse -Force $t }`,
    `Copy-Item -Recurse -Force (Join-Path $env:JIAOHE_HERE '${folder}') $t`,
    `Copy-Item -Force (Join-Path $env:JIAOHE_HERE '${folder}.zip') (Join-Path $d '${folder}.zip')`,
    `$u = 'file:///' + ((Join-Path $d '${folder}.zip') -replace '\\\\','/')`,
    `$e = '  <jsplugin name=\\"${ADDIN_NAME}\\" type=\\"et\\" url=\\"' + $u + '\\" version=\\"${version}\\"/>'`,
    `$f = Join-Path $d 'jsplugins.xml'`,
    `$lines = @(); if (Test-Path $f) { $lines = @(Get-Content -Encoding UTF8 $f | Where-Object { $_ -notmatch 'name=\\"${ADDIN_NAME}\\"' -and $_ -notmatch '</jsplugins>' }) }`,
    `if (-not ($lines -match '<jsplugins')) { $lines = @('<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>', '<jsplugins>') }`,
    `$lines += $e; $lines += '</jsplugins>'`,
    `[IO.File]::WriteAllLines($f, $lines, (New-Object Text.UTF8Encoding $false))`,
  ].join('; ');
  return [
    '@echo off',
    'rem 校核 Jiaohe：为当前用户安装 WPS 表格加载项（离线模式）。双击运行即可。',
    'chcp 65001 >nul',
    'set "JIAOHE_HERE=%~dp0"',
    `powershell -NoProfile -ExecutionPolicy Bypass -Command "${ps}"`,
    'if errorlevel 1 (echo 安装失败，请把本窗口截图发给信息中心。 & pause & exit /b 1)',
    'echo 已安装到 %APPDATA%\\kingsoft\\wps\\jsaddons\\' + folder + '。请完全退出 WPS 后重新打开 WPS 表格，功能区会出现“校核”选项卡。',
    'pause',
    '',
  ].join('\r\n');
}

// ------------------------------------------------------------------------------------------------

function assembleAddin(dest, { stagedPane, engineFile }) {
  fs.mkdirSync(dest, { recursive: true });
  for (const f of ['ribbon.xml', 'index.html', 'main.js']) {
    const src = path.join(ROOT, 'wps', f);
    if (!fs.existsSync(src)) fail(`缺少 wps/${f}`);
    fs.copyFileSync(src, path.join(dest, f));
  }
  const ribbon = fs.readFileSync(path.join(dest, 'ribbon.xml'), 'utf8');
  if (!ribbon.startsWith('<customUI')) fail('wps/ribbon.xml 必须以 <customUI 开头（WPS 不接受 XML 声明或 BOM）。');
  fs.copyFileSync(engineFile, path.join(dest, 'jiaohe-wps.js'));
  // Third-party licence notices webpack extracted from the bundle (decimal.js, pinyin-pro…).
  if (fs.existsSync(`${engineFile}.LICENSE.txt`)) fs.copyFileSync(`${engineFile}.LICENSE.txt`, path.join(dest, 'jiaohe-wps.js.LICENSE.txt'));
  writeIcons(dest);
  fs.cpSync(stagedPane, path.join(dest, 'ui'), { recursive: true });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const version = PKG.version;
  const folder = `${ADDIN_NAME}_${version}`;
  const packageUrl = opts.packageUrl || new URL(`${folder}.zip`, opts.url).href;
  if (!opts.urlGiven) console.log(`build:wps: 未指定 --url，在线模式按 ${DEFAULT_URL} 生成（部署前请用 --url 指定实际地址）。`);

  const paneDir = await ensurePane(opts);
  fs.rmSync(opts.out, { recursive: true, force: true });
  const work = path.join(opts.out, '.engine');
  const stagedPane = path.join(opts.out, '.pane');
  // dist/ is shared with other builds: copy it out under the build lock, so it cannot change half way.
  if (opts.paneDir) copyPane(paneDir, stagedPane);
  else await withDistLock(async () => copyPane(paneDir, stagedPane));
  console.log('build:wps: 打包校核引擎（src/hosts/wps/ribbonMain.ts → jiaohe-wps.js）…');
  const engineFile = await bundleEngine(work);

  const offline = path.join(opts.out, 'offline');
  const addin = path.join(offline, folder);
  assembleAddin(addin, { stagedPane, engineFile });
  writeZip(addin, path.join(offline, `${folder}.zip`));
  fs.writeFileSync(path.join(offline, 'jsplugins.xml'), offlineListXml(packageUrl, version));
  fs.writeFileSync(path.join(offline, 'install-linux.sh'), installLinux(folder, version), { mode: 0o755 });
  fs.writeFileSync(path.join(offline, 'install-windows.cmd'), installWindows(folder, version));

  const online = path.join(opts.out, 'online');
  assembleAddin(online, { stagedPane, engineFile });
  fs.copyFileSync(path.join(offline, `${folder}.zip`), path.join(online, `${folder}.zip`));
  fs.writeFileSync(path.join(online, 'publish.xml'), publishXml(opts.url));
  fs.writeFileSync(path.join(online, 'jsplugins.xml'), onlineListXml(opts.url));
  fs.writeFileSync(path.join(online, 'jsplugins-offline.xml'), offlineListXml(packageUrl, version));
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(stagedPane, { recursive: true, force: true });

  const size = (f) => `${(fs.statSync(f).size / 1024).toFixed(0)} KB`;
  console.log(`build:wps: 完成（版本 ${version}）
  在线模式：把 ${path.relative(ROOT, online)}/ 发布到 ${opts.url}
            各电脑的 jsaddons/publish.xml 用 ${path.relative(ROOT, online)}/publish.xml；或 oem.ini 的 JSPluginsServer=${opts.url}jsplugins.xml
  离线模式：${path.relative(ROOT, addin)}/（${size(path.join(offline, `${folder}.zip`))} 压缩包），安装脚本 install-linux.sh / install-windows.cmd`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`build:wps 失败：${err instanceof BuildError ? err.message : err && err.stack ? err.stack : String(err)}`);
    process.exit(1);
  });
}

module.exports = { writeZip, publishXml, onlineListXml, offlineListXml, normaliseUrl };
