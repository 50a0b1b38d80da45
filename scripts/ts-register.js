// Lets plain node scripts (bench, start-demo helpers) require TypeScript sources: transpile only, no type check.
const fs = require('fs');
const ts = require('typescript');

for (const ext of ['.ts', '.tsx']) {
  require.extensions[ext] = function compile(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        jsx: ts.JsxEmit.ReactJSX,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
    });
    module._compile(outputText, filename);
  };
}
