#!/usr/bin/env node
// Thin entry point: the CLI lives in src/cli (built to dist/ by `npm ci` through the prepare script).
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2));
