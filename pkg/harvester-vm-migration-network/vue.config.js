/* eslint-disable @typescript-eslint/no-var-requires -- vue-cli loads this file as CommonJS */
const path = require('path');
const webpack = require('webpack');
const { BundleAnalyzerPlugin } = require('webpack-bundle-analyzer');

const shellConfig = require('./.shell/pkg/vue.config')(__dirname);

/**
 * The shell's package build, with vuex left to the host (see build/vuex.lib.js), plus a machine-readable copy of its bundle analysis: the shell only writes
 * `report.html`, and `npm run bench` needs the per-module parsed and gzipped sizes of every chunk to
 * check the size budget. `report.json` holds the same data the HTML report draws.
 */
module.exports = {
  ...shellConfig,
  chainWebpack: (context) => {
    shellConfig.chainWebpack(context);
    // The host provides vuex: the package gets a few lines that reach the host's store instead of its own copy.
    context
      .plugin('host-vuex')
      .use(webpack.NormalModuleReplacementPlugin, [/^vuex$/, (resource) => {
        resource.request = path.join(__dirname, 'build', 'vuex.lib.js');
      }]);
    context
      .plugin('bundle-sizes-json')
      .use(BundleAnalyzerPlugin, [{
        analyzerMode: 'json', reportFilename: 'report.json', openAnalyzer: false, logLevel: 'warn'
      }]);
  },
};
