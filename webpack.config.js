/**
 * Builds the add-in into dist/: the runtime page (taskpane.html) with its three entries, the custom
 * functions' metadata in English and Chinese, the icons, a local copy of office.js, and the manifest.
 *
 *   webpack --mode production                                  dist/ for https://localhost:3000/
 *   webpack --mode production --env url=https://kam.example.com   dist/ for that host
 *   webpack --mode production --env cdn                        office.js from Microsoft's CDN
 *   webpack serve --mode development                           dev server on https://localhost:3000/
 *
 * Load order on the runtime page matters: office.js, then `functions` (small, no React), then
 * `commands`, then the React task pane deferred. A formula can compute before React has loaded.
 * `commands` and `taskpane` declare `dependOn`, so the page has one webpack runtime and one
 * instance of every module the entries share (the functions' settings cache, the navigation
 * requests of the ribbon): a shared runtime shares globals, and this makes it share modules too.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { WebpackError, sources, NormalModule, Compilation } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** Every URL in manifest.xml starts with this; `--env url=…` replaces it in dist/manifest.xml. */
const DEV_ORIGIN = "https://localhost:3000/";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TARGET = "es2017";

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const ZH_DESCRIPTIONS = path.resolve(__dirname, "src/functions/descriptions.zh-CN.json");

/**
 * What office.js loads at run time from its own folder, for the hosts the manifest's requirement
 * sets allow (Excel on Windows, Mac and the web; not iPad, not Office 2013):
 * - `excel-<platform>-<version>.js`, the host's API (win32 reports 16.00 or 16.01, by build);
 * - `<locale>/office_strings.js`, the API's messages in Excel's UI language (en-us as fallback);
 * - the telemetry sinks the host files and office.js load once they are running.
 * Not copied: the `-core` host files (only the non-shared custom-functions runtime loads them),
 * o15apptofilemappingtable.js (Office 2013), webauth/ (SSO, unused) and the debug builds.
 */
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const OFFICE_JS_FILES = [
  "office.js",
  "excel-win32-16.00.js",
  "excel-win32-16.01.js",
  "excel-mac-16.00.js",
  "excel-web-16.00.js",
  "telemetry/oteljs_agave.js",
  "ariatelemetry/aria-web-telemetry.js",
  "*/office_strings.js",
];

/** The production host from `--env url=…`, as an origin-and-path prefix ending in "/". */
function hostPrefix(url) {
  if (url === undefined) return DEV_ORIGIN;
  if (url === true || url === "") {
    throw new Error("--env url needs the address, e.g. --env url=https://kam.example.com");
  }
  let parsed;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new Error(`--env url=${url}: not a URL. Give the HTTPS address dist/ will be served from, e.g. --env url=https://kam.example.com`);
  }
  if (parsed.protocol !== "https:") {
    throw new Error(`--env url=${url}: Office loads add-ins only over HTTPS.`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`--env url=${url}: give the folder dist/ is served from, without "?" or "#".`);
  }
  return parsed.origin + parsed.pathname.replace(/\/*$/, "/");
}

/** The manifest for `prefix`: every DEV_ORIGIN URL rewritten, nothing else touched. */
function manifestFor(xml, prefix) {
  return prefix === DEV_ORIGIN ? xml : xml.split(DEV_ORIGIN).join(prefix);
}

/**
 * custom-functions-metadata-plugin also adds a loader that appends
 * `CustomFunctions.associate("<ID>", <function>)` for every JSDoc-tagged function to the source.
 * functions.ts registers every id itself, in one place that its tests exercise, so the injected
 * calls would register each id twice (office.js warns "[DuplicatedName]"). Drop that loader and
 * keep only the metadata.
 */
class DropAssociateInjection {
  apply(compiler) {
    const injected = require.resolve("custom-functions-metadata-plugin/lib/loader.js");
    compiler.hooks.compilation.tap("DropAssociateInjection", (compilation) => {
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap("DropAssociateInjection", (loaders) => {
        for (let i = loaders.length - 1; i >= 0; i--) {
          if (loaders[i].loader === injected) loaders.splice(i, 1);
        }
      });
    });
  }
}

/**
 * functions.zh-CN.json: functions.json with the descriptions from
 * src/functions/descriptions.zh-CN.json (`{ "<ID>": { "description", "parameters": { "<name>": "…" } } }`).
 * Names and ids stay as they are, so a formula reads the same in every language. A function or
 * parameter without a Chinese description, or a description for one that does not exist, fails the
 * build: Excel in Chinese must never show English, and a stale entry means a rename was missed.
 */
class ChineseMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ChineseMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(ZH_DESCRIPTIONS);
      compilation.hooks.processAssets.tap(
        { name: "ChineseMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin has already reported why
          const fail = (message) => compilation.errors.push(new WebpackError(`functions.zh-CN.json: ${message}`));
          let zh;
          try {
            zh = JSON.parse(fs.readFileSync(ZH_DESCRIPTIONS, "utf8"));
          } catch (err) {
            fail(`cannot read ${path.relative(__dirname, ZH_DESCRIPTIONS)}: ${err.message}`);
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const problems = [];
          const ids = new Set(metadata.functions.map((f) => f.id));
          for (const id of Object.keys(zh)) {
            if (!ids.has(id)) problems.push(`${id} is not a function in functions.json`);
          }
          for (const fn of metadata.functions) {
            const entry = zh[fn.id];
            if (!entry || typeof entry.description !== "string" || entry.description.trim() === "") {
              problems.push(`${fn.id} has no Chinese description`);
              continue;
            }
            fn.description = entry.description;
            const params = entry.parameters || {};
            const names = new Set(fn.parameters.map((p) => p.name));
            for (const name of Object.keys(params)) {
              if (!names.has(name)) problems.push(`${fn.id} has no parameter "${name}"`);
            }
            for (const p of fn.parameters) {
              if (typeof params[p.name] !== "string" || params[p.name].trim() === "") {
                problems.push(`${fn.id}(${p.name}) has no Chinese description`);
              } else {
                p.description = params[p.name];
              }
            }
          }
          if (problems.length > 0) {
            fail(`${path.relative(__dirname, ZH_DESCRIPTIONS)} does not match functions.json:\n  ${problems.join("\n  ")}`);
            return;
          }
          compilation.emitAsset("functions.zh-CN.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
        },
      );
    });
  }
}

/** Prints the gzipped size of the functions chunk after a build: it is what a formula waits for. */
class ReportFunctionsSize {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ReportFunctionsSize", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ReportFunctionsSize", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entry = compilation.entrypoints.get("functions");
          if (!entry) return;
          for (const file of entry.getFiles().filter((f) => f.endsWith(".js"))) {
            const source = compilation.getAsset(file)?.source.buffer();
            if (!source) continue;
            const gz = zlib.gzipSync(source, { level: 9 }).length;
            compilation
              .getLogger("kam")
              .info(`${file}: ${(source.length / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzipped`);
          }
        },
      );
    });
  }
}

/**
 * The runtime page. Tags are written here rather than injected, because the entries load
 * differently: office.js and the functions block (they must run before Excel asks for a result),
 * the commands block (small, and a ribbon click must find its handler), the task pane is deferred.
 * Each script URL carries its content hash, so Office's cache never serves a stale chunk.
 */
function runtimePage({ officeJs, lang }) {
  return ({ compilation }) => {
    const publicPath = compilation.outputOptions.publicPath === "auto" ? "" : compilation.outputOptions.publicPath || "";
    const scripts = (name) => {
      const entry = compilation.entrypoints.get(name);
      return entry
        .getEntrypointChunk()
        .files.has(`${name}.js`)
        ? [`${publicPath}${name}.js?v=${entry.getEntrypointChunk().contentHash.javascript}`]
        : entry.getFiles().filter((f) => f.endsWith(".js")).map((f) => publicPath + f);
    };
    const tag = (src, defer) => `    <script src="${src}"${defer ? " defer" : ""}></script>`;
    return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>KAM for Excel · 大客户管理</title>
${tag(officeJs, false)}
${scripts("functions").map((s) => tag(s, false)).join("\n")}
${scripts("commands").map((s) => tag(s, false)).join("\n")}
${scripts("taskpane").map((s) => tag(s, true)).join("\n")}
  </head>
  <body>
    <div id="root"></div>
    <noscript>KAM for Excel needs JavaScript. · 大客户管理需要启用 JavaScript。</noscript>
  </body>
</html>
`;
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const prefix = hostPrefix(env.url);
  const officeJs = env.cdn ? CDN_OFFICE_JS : "office-js/office.js";

  const config = {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: ["web", TARGET],
    context: __dirname,
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: ["functions", "commands"] },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Stable names: the manifest names functions.js; the page adds ?v=<hash> for the cache.
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: TARGET } },
        // Libraries ship newer syntax than the oldest Office web views run; lower it too.
        { test: /\.m?js$/, include: /node_modules/, loader: "esbuild-loader", options: { target: TARGET } },
      ],
    },
    // webpack's own minimizer (terser): it drops unused code inside modules, which esbuild's
    // per-asset minifier does not; the functions chunk comes out a quarter smaller.
    // The filesystem cache makes a second build (another --env url, the tests) take seconds.
    cache: {
      type: "filesystem",
      name: `${dev ? "development" : "production"}${serving ? "-serve" : ""}`,
      buildDependencies: { config: [__filename] },
    },
    performance: {
      // Only the functions chunk has a budget: formulas wait for it; the task pane may be larger.
      assetFilter: (file) => file === "functions.js",
      maxAssetSize: 150 * 1024,
      hints: dev ? false : "warning",
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new DropAssociateInjection(),
      new ChineseMetadataPlugin(),
      new ReportFunctionsSize(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        inject: false,
        minify: false,
        templateContent: runtimePage({ officeJs, lang: "en" }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString("utf8"), prefix),
          },
          ...(env.cdn
            ? []
            : OFFICE_JS_FILES.map((file) => ({
                from: file,
                context: OFFICE_JS_DIR,
                // office.js finds its files relative to itself, so the folders stay as they are.
                to: file.includes("*") ? "office-js/[path][name][ext]" : `office-js/${file}`,
                info: { minimized: true },
              }))),
        ],
      }),
    ],
    stats: { preset: "errors-warnings", logging: "info" },
    infrastructureLogging: { level: "warn" },
  };

  if (serving) {
    // Certificates only when serving: a build must work on a machine that has none.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
    };
  }
  return config;
};

module.exports.hostPrefix = hostPrefix;
module.exports.manifestFor = manifestFor;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
