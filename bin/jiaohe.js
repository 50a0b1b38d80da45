#!/usr/bin/env node
// The `jiaohe` command. The TypeScript sources are compiled to lib/ by `npm install` (prepare).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('jiaohe 尚未编译：请先在项目目录运行 npm install（或 npm run build:cli）。\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`jiaohe 内部错误：${err && err.message ? err.message : err}\n`);
    process.exit(2);
  },
);
