#!/usr/bin/env node
// The bundle of dist/cli (npm run build makes it: scripts/bundle.mjs).
import { exitWhenDrained } from '../dist/bundle/linger-guard.js';
import { main } from '../dist/bundle/main.js';
await main(process.argv.slice(2));
exitWhenDrained();
