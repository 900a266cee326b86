/** webpack 5: one page per surface, TypeScript through swc-loader, build-time configuration through DefinePlugin. */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { renderIcon } = require('./scripts/icons');

// Tenant configuration may live in .env (see .env.example); the real environment wins.
if (require('node:fs').existsSync(path.join(__dirname, '.env')))
  process.loadEnvFile(path.join(__dirname, '.env'));

/** The Outlook add-in's icons, drawn by scripts/icons.js and served at /assets/icon-N.png. */
class IconAssetsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('IconAssets', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'IconAssets', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const size of [16, 32, 64, 80, 128]) {
            compilation.emitAsset(`assets/icon-${size}.png`, new webpack.sources.RawSource(renderIcon(size)));
          }
        },
      );
    });
  }
}

const PAGES = {
  meeting: 'Mødeassistent',
  taskpane: 'Mødeassistent – dagsorden',
  config: 'Mødeassistent – opsætning',
  archive: 'Mødeassistent – beslutningsarkiv',
  followups: 'Mødeassistent – opfølgninger',
};
const ENV = [
  'GRAPH_MODE',
  'GRAPH_PORT',
  'GRAPH_BASE_URL',
  'AAD_APP_CLIENT_ID',
  'AAD_TENANT_ID',
  'SHAREPOINT_SITE',
  'SHAREPOINT_URL',
  'APP_URL',
  'LIVE_SHARE_PORT',
];

/** Office.js must come from Microsoft's CDN (the add-in store checks it); only the Outlook task pane loads it. */
const OFFICE_JS =
  '<script async data-office-js src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';

/**
 * Office's development certificates: generated once and their CA trusted (what Teams and Outlook need
 * for sideloading). Where the CA cannot be installed automatically (no sudo), the generated certificate
 * is used anyway and the CA file is named, to be trusted by hand.
 */
async function httpsOptions() {
  const certs = require('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
    const fs = require('node:fs');
    console.warn(
      `Kunne ikke installere udviklings-CA'en (${e.message}). Stol selv på ${path.join(dir, 'ca.crt')}.`,
    );
    return {
      cert: fs.readFileSync(path.join(dir, 'localhost.crt')),
      key: fs.readFileSync(path.join(dir, 'localhost.key')),
      ca: fs.readFileSync(path.join(dir, 'ca.crt')),
    };
  }
}

module.exports = async (_env, argv) => {
  const production = argv.mode === 'production';
  // SharePoint REST (permissions, folders) goes to the site's own host; locally to the same local server.
  const sharePointOrigin = `https://${(process.env.SHAREPOINT_SITE || 'kommune.sharepoint.com:/').split(':')[0]}`;
  const graphOrigin =
    process.env.GRAPH_MODE === 'tenant'
      ? `https://graph.microsoft.com ${sharePointOrigin}`
      : 'http://localhost:*';
  const csp = [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com https://res.cdn.office.net",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${graphOrigin} https://login.microsoftonline.com ws://localhost:*`,
    "img-src 'self' data:",
  ].join('; ');
  // frame-ancestors only works as an HTTP header; the hosting web server sends it (docs/security.md).
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: Object.fromEntries(Object.keys(PAGES).map((name) => [name, `./src/entries/${name}.tsx`])),
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin(
        Object.fromEntries(ENV.map((k) => [`process.env.${k}`, JSON.stringify(process.env[k] ?? '')])),
      ),
      ...Object.entries(PAGES).map(
        ([name, title]) =>
          new HtmlWebpackPlugin({
            filename: `${name}.html`,
            chunks: [name],
            title,
            templateContent: ({ htmlWebpackPlugin }) => `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <title>${htmlWebpackPlugin.options.title}</title>
    ${name === 'taskpane' ? OFFICE_JS : ''}
  </head>
  <body style="margin:0">
    <div id="root"></div>
  </body>
</html>`,
          }),
      ),
      new IconAssetsPlugin(),
      // MSAL's popup returns to a page of the app that does nothing (the opener reads the result).
      new HtmlWebpackPlugin({
        filename: 'auth-redirect.html',
        chunks: [],
        templateContent:
          '<!doctype html><html lang="da"><head><meta charset="utf-8" /><title>Log ind</title></head><body></body></html>',
      }),
    ],
    optimization: { splitChunks: { chunks: 'all' } },
    performance: { hints: false },
    devServer: {
      port: Number(process.env.PORT || 3000),
      host: 'localhost',
      historyApiFallback: false,
      hot: false,
      client: { overlay: false },
      static: false,
      // `npm run start:https`: Office's dev certificates (trusted once, as Teams and Outlook sideloading need).
      ...(process.env.HTTPS === '1' ? { server: { type: 'https', options: await httpsOptions() } } : {}),
    },
  };
};
