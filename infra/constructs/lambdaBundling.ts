import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * How every Lambda bundle is built, declared once: the CDK deploys with these options and
 * `npm run bench` (cold start) bundles with the very same ones, so what is measured is what ships.
 */

/**
 * The one Node.js runtime every function runs on, and the only place it is named: the bundle's
 * esbuild target is derived from it, and the tests read it from here.
 */
export const lambdaRuntime = lambda.Runtime.NODEJS_24_X;

/** What esbuild is asked for, in its own words. */
export const lambdaBundle = {
  format: 'esm',
  platform: 'node',
  target: `node${/^nodejs(\d+)\.x$/.exec(lambdaRuntime.name)![1]}`,
  // Prefer packages' ES module builds: they tree-shake, the CommonJS ones do not.
  mainFields: ['module', 'main'],
  // CommonJS dependencies inside an ES module bundle still call require() for Node builtins.
  banner: "import { createRequire as __handshakeRequire } from 'node:module'; const require = __handshakeRequire(import.meta.url);",
  minify: true,
  // The map ships beside the bundle (never inline: an inline map is read with the code at every cold
  // start). Without the sources' text it is a third of the size; stack traces need only its mappings.
  sourceMap: true,
  sourcesContent: false,
  // A function on Lambda finds its role's credentials in the environment: only that link of the SDK's
  // credential chain ships (functions/aws/lambdaCredentials.ts says why).
  alias: { '@aws-sdk/credential-provider-node': './functions/aws/lambdaCredentials.ts' },
} as const;

/*
 * No function runs with `--enable-source-maps`: it makes Node read and parse the whole map when the
 * bundle loads, a fifth to a third of a cold start (`BENCH=cold npm run bench` prints both), and the
 * projector's and publisher's cold starts are the projection lag's. A stack trace names the minified
 * bundle; the map in the function's asset turns it back into TypeScript lines.
 */

/** The CDK's NodejsFunction bundling options for `lambdaBundle`. */
export const nodejsFunctionBundling: BundlingOptions = {
  // Bundle with the esbuild in node_modules: synth must work on machines without Docker.
  forceDockerBundling: false,
  // Warnings and errors only: the bundle-size summary would make `cdk synth -q` chatty.
  logLevel: LogLevel.WARNING,
  format: OutputFormat.ESM,
  target: lambdaBundle.target,
  mainFields: [...lambdaBundle.mainFields],
  banner: lambdaBundle.banner,
  minify: lambdaBundle.minify,
  sourceMap: lambdaBundle.sourceMap,
  sourcesContent: lambdaBundle.sourcesContent,
  // esbuild runs in the project root, where the alias's relative path starts.
  esbuildArgs: { '--alias': Object.entries(lambdaBundle.alias).map(([from, to]) => `${from}=${to}`) },
  // Ship the SDK version the tests ran against, not whatever the runtime happens to carry.
  bundleAwsSDK: true,
};

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** esbuild's build options for `lambdaBundle`, as the NodejsFunction passes them to the esbuild CLI. */
export const esbuildBuildOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  bundle: true,
  outfile,
  platform: lambdaBundle.platform,
  format: lambdaBundle.format,
  target: lambdaBundle.target,
  mainFields: [...lambdaBundle.mainFields],
  banner: { js: lambdaBundle.banner },
  minify: lambdaBundle.minify,
  sourcemap: lambdaBundle.sourceMap,
  sourcesContent: lambdaBundle.sourcesContent,
  alias: { ...lambdaBundle.alias },
  absWorkingDir: projectRoot,
  logLevel: 'warning',
  metafile: true,
});
