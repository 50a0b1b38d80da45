#!/usr/bin/env node
// The `jiaohe` command. The TypeScript sources are compiled to lib/ by `npm install` (prepare).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');

/**
 * Exit once stdout and stderr have handed everything to the OS: through a pipe they are written
 * asynchronously, and process.exit() right away would cut a long report at 64 KB.
 */
function exitAfterFlush(code) {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

// A reader that closes the pipe early (`jiaohe check … | head`) is not an error of ours.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

if (!fs.existsSync(entry)) {
  process.stderr.write('jiaohe 尚未编译：请先在项目目录运行 npm install（或 npm run build:cli）。\n');
  exitAfterFlush(2);
} else {
  require(entry).main(process.argv.slice(2)).then(exitAfterFlush, (err) => {
    process.stderr.write(`jiaohe 内部错误：${err && err.message ? err.message : err}\n`);
    exitAfterFlush(2);
  });
}
