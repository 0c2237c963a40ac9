#!/usr/bin/env node
// The `pilote` command. A committed file, so npm links it at install time even on a fresh clone,
// before `prepare` has built dist/ (a bin pointing into dist/ would not be linked, and `npx pilote`
// would fall through to the registry).
const { existsSync } = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  console.error(`pilote: the command is not built (${main} is missing).`);
  console.error('  → In the kit\'s repository: run `npm run build` (or `npx nx run cli:build`).');
  console.error('  → From a registry: reinstall @pilote/cli (`npm install`), its package ships dist/.');
  process.exit(1);
}
require(main);
