// Bundles the built CLI (dist/cli) into dist/bundle/, what bin/camfleet.js runs: one file per entry and one
// chunk per lazily loaded command instead of some sixty modules to find and read at each start (measured:
// `camfleet info` 170 → 137 ms median). Native and development-only packages stay outside.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js', 'dist/cli/linger-guard.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  external: ['sharp', 'puppeteer-core', 'onvif'],
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __camfleetRequire } from 'node:module'; const require = __camfleetRequire(import.meta.url);" },
  // The ES builds where packages have them: jsonc-parser's CommonJS one is UMD, whose own require()s of
  // its parts esbuild cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
