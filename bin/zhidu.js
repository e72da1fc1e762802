#!/usr/bin/env node
// Thin entry point: the CLI lives in src/cli (built to dist/ by `npm ci` through the prepare script).
import { applyV8Flags } from '../dist/cli/v8-flags.js';
import { run } from '../dist/cli/run.js';

applyV8Flags();

// `zhidu extract … | head`: a reader that stops early closes the pipe; that ends the run quietly, with status 0
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await run(process.argv.slice(2));
