/* eslint-disable @typescript-eslint/no-var-requires -- vue-cli loads this file as CommonJS */
const { BundleAnalyzerPlugin } = require('webpack-bundle-analyzer');

const shellConfig = require('./.shell/pkg/vue.config')(__dirname);

/**
 * The shell's package build, plus a machine-readable copy of its bundle analysis: the shell only writes
 * `report.html`, and `npm run bench` needs the per-module parsed and gzipped sizes of every chunk to
 * check the size budget. `report.json` holds the same data the HTML report draws.
 */
module.exports = {
  ...shellConfig,
  chainWebpack: (context) => {
    shellConfig.chainWebpack(context);
    context
      .plugin('bundle-sizes-json')
      .use(BundleAnalyzerPlugin, [{
        analyzerMode: 'json', reportFilename: 'report.json', openAnalyzer: false, logLevel: 'warn'
      }]);
  },
};
