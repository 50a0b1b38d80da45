/* eslint-disable @typescript-eslint/no-require-imports */
// Build of the Office add-in (task pane + ribbon commands) and the in-browser demo, in the conventions of the
// official Office add-in React template (webpack + ts-loader + HtmlWebpackPlugin + CopyWebpackPlugin).
//
// Options (env vars, or `webpack --env name=value`):
//   OFFICE_JS_CDN=1 / --env cdn        load office.js from Microsoft's CDN instead of the add-in's own origin
//   ADDIN_PROD_URL=https://host/path / --env url=...   rewrite https://localhost:3000 in manifest.xml (production)
//   JIAOHE_MINIFIER=swc|terser / --env minifier=...   the JavaScript minifier of a production build (default swc:
//                                      bundles 0.5 % smaller than terser's, minified in under half the CPU time)
//   --env progress                     print what webpack is doing and how far along it is (npm start does)
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
const OFFICE_JS_LOCAL = 'office-js/office.js';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function truthy(v) {
  return v !== undefined && v !== '' && v !== '0' && v !== 'false' && v !== false;
}

/** Points every <script src="office-js/office.js"> at the CDN, whichever template wrote it (ours or commands.html). */
class OfficeJsSourcePlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsSourcePlugin', (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap('OfficeJsSourcePlugin', (data) => {
        data.html = data.html.split(OFFICE_JS_LOCAL).join(this.url);
        return data;
      });
    });
  }
}

/**
 * exceljs.min.js is already minified (~1 MB): running terser over it again costs most of the build's time and
 * gains nothing, so its chunk is flagged as minimized before the minimizer runs.
 */
class PreMinifiedChunkPlugin {
  constructor(chunkName) {
    this.chunkName = chunkName;
  }
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PreMinifiedChunkPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PreMinifiedChunkPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.name !== this.chunkName) continue;
            for (const file of chunk.files) {
              if (file.endsWith('.js')) compilation.updateAsset(file, (source) => source, { minimized: true });
            }
          }
        },
      );
    });
  }
}

/**
 * The minimizer of a production build. webpack's own minimizer plugin runs terser by default; swc writes bundles as
 * small in less than half the CPU time (esbuild, faster still, leaves them 16 % larger: it keeps the unused code
 * webpack leaves for the minifier to drop).
 */
function javascriptMinimizer(name) {
  // The plugin webpack itself uses (a dependency of webpack), resolved from webpack so the versions match.
  const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [require.resolve('webpack')] }));
  const byName = {
    swc: { minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: true, mangle: true } },
    terser: { minify: MinimizerPlugin.terserMinify, minimizerOptions: { compress: { passes: 1 } } },
  };
  const chosen = byName[name];
  if (!chosen) throw new Error(`unknown minifier ${name}: one of ${Object.keys(byName).join(', ')}`);
  return new MinimizerPlugin({ test: /\.[cm]?js(\?.*)?$/i, ...chosen });
}

/** Prints webpack's phase and percentage, at most once per step of 5 %, so a long build shows it is moving. */
function progressPlugin(webpack) {
  let shown = -1;
  const started = Date.now();
  return new webpack.ProgressPlugin((fraction, message, ...details) => {
    const percent = Math.floor(fraction * 100);
    if (percent === shown || (percent < 100 && percent - shown < 5)) return;
    shown = percent;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const what = [message, details[0]].filter(Boolean).join(' ');
    console.log(`  构建 ${String(percent).padStart(3)} %  ${seconds} s  ${what}`.trimEnd());
  });
}

/** dist/build-info.json: how dist/ was built, so tests (and people) can tell a default build from a CDN one. */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('BuildInfoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BuildInfoPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        compilation.emitAsset('build-info.json', new sources.RawSource(JSON.stringify(this.info, null, 2) + '\n'));
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || process.env.NODE_ENV || 'production';
  const dev = mode === 'development';
  const useCdn = truthy(env.cdn) || truthy(process.env.OFFICE_JS_CDN);
  const prodUrl = (env.url || process.env.ADDIN_PROD_URL || '').replace(/\/+$/, '');
  const officeJs = useCdn ? OFFICE_JS_CDN : OFFICE_JS_LOCAL;
  const minifier = env.minifier || process.env.JIAOHE_MINIFIER || 'swc';
  const root = __dirname;

  const copyPatterns = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'assets/sample/*.xlsx', to: 'assets/sample/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform(content) {
        if (dev || !prodUrl) return content;
        return content.toString().split(DEV_URL).join(prodUrl);
      },
    },
  ];
  if (!useCdn) {
    copyPatterns.push({
      from: 'node_modules/@microsoft/office-js/dist',
      to: 'office-js',
      // Source maps and the TypeScript definitions are not needed at run time; the debug scripts are kept
      // because office.debug.js loads them.
      globOptions: { ignore: ['**/*.map', '**/*.d.ts'] },
      // Served as Microsoft ships it: the *.js are minified already and the *.debug.js are meant to be read, so
      // no minifier runs over these 130 files (minifying them was most of a production build's time).
      info: { minimized: true },
    });
  }

  const config = {
    mode,
    context: root,
    // Source maps in both modes, as separate .map files next to the bundles (build:wps leaves them out).
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      demo: './src/demo/index.tsx',
      // The engine in a Web Worker (src/taskpane/check/engineWorker.ts starts it): self-contained, no page.
      'check-worker': './src/taskpane/check/checkWorker.ts',
    },
    output: {
      path: path.resolve(root, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: {
        // The self-contained browser build of exceljs (no Node built-ins), for the demo's .xlsx reader.
        exceljs$: path.resolve(root, 'node_modules/exceljs/dist/exceljs.min.js'),
      },
    },
    module: {
      rules: [
        {
          test: /\.(m?js|tsx?)$/,
          include: [/[\\/]node_modules[\\/]@fluentui[\\/]/, path.resolve(root, 'src')],
          enforce: 'pre',
          use: path.resolve(root, 'scripts/webpack/fluent-icon-atoms-loader.js'),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules so that webpack can split the dynamic import() of the Excel/WPS hosts into chunks.
              compilerOptions: { module: 'esnext', sourceMap: true },
            },
          },
        },
      ],
      // exceljs.min.js is a prebuilt UMD bundle: parsing it for requires only slows the build down.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: 'demo.html',
        template: './src/demo/demo.html',
        chunks: ['demo'],
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/demo/demo.html',
        chunks: ['demo'],
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new PreMinifiedChunkPlugin('exceljs'),
      new BuildInfoPlugin({ mode, officeJs, prodUrl: prodUrl || null }),
      ...(useCdn ? [new OfficeJsSourcePlugin(OFFICE_JS_CDN)] : []),
      ...(truthy(env.progress) ? [progressPlugin(require('webpack'))] : []),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Only the demo reads .xlsx in the browser; exceljs gets its own, pre-minified chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'all',
            enforce: true,
            priority: 20,
          },
          // React + Fluent UI, shared by the task pane and the demo page (minified once, cached once).
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            chunks: (chunk) => chunk.name === 'taskpane' || chunk.name === 'demo',
            enforce: true,
            priority: 10,
          },
          // The engine and its catalogs, shared by the task pane and the demo page in the same way.
          engine: {
            test: /[\\/]src[\\/]core[\\/]/,
            name: 'engine',
            chunks: (chunk) => chunk.name === 'taskpane' || chunk.name === 'demo',
            enforce: true,
            priority: 5,
          },
          default: false,
          defaultVendors: false,
        },
      },
      minimizer: [javascriptMinimizer(minifier)],
    },
    performance: {
      // The demo carries exceljs (~1 MB) and the pane carries React + Fluent UI; both load from disk or intranet.
      hints: false,
    },
    stats: 'errors-warnings',
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(root, 'dist') },
    },
  };

  // Certificates only for `webpack serve` (the dev server): plain builds and `npm start` need none.
  if (env.WEBPACK_SERVE || process.env.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
