#!/usr/bin/env node
// `npx create-pilote-instance <dir>`. A committed file, so npm links it at install time even on a
// fresh clone, before `prepare` has built dist/ (see apps/cli/bin/pilote.cjs).
const { existsSync } = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  console.error(`create-pilote-instance: the command is not built (${main} is missing).`);
  console.error('  → In the kit\'s repository: run `npx nx run create-pilote-instance:build` (`npm install` does it).');
  console.error('  → From a registry: the published package ships dist/; clear the npx cache (`npx clear-npx-cache`) and retry.');
  process.exit(1);
}
require(main);
