#!/usr/bin/env node
// `pilote-module build` / `pilote-module watch [--into <instance folder>]`, run in a module's folder
// (its npm scripts call it).
const path = require('node:path');

async function main() {
  const args = process.argv.slice(2);
  const [command = 'build'] = args;
  const { buildModule, installedWebPartFile, watchModuleWebPart } = require('../dist/build/index.js');
  const dir = process.cwd();
  if (command === 'build') {
    for (const { file, bytes } of await buildModule(dir)) console.log(`${file.padEnd(22)} ${(bytes / 1024).toFixed(1)} kB`);
    return;
  }
  if (command === 'watch') {
    // --into <instance folder>: write into the copy installed there (what that instance serves).
    const into = args.indexOf('--into') >= 0 ? args[args.indexOf('--into') + 1] : undefined;
    const outFile = into ? installedWebPartFile(dir, path.resolve(into)) : undefined;
    await buildModule(dir);
    await watchModuleWebPart(dir, ({ file, bytes }) => console.log(`${new Date().toISOString().slice(11, 19)} ${path.relative(dir, file)} rebuilt (${(bytes / 1024).toFixed(1)} kB): reload the page`), { outFile });
    console.log(`Watching ${path.join(dir, 'src')} (Ctrl+C to stop).`);
    return;
  }
  console.error(`Unknown command "${command}". Usage: pilote-module build | pilote-module watch [--into <instance folder>]`);
  process.exitCode = 2;
}

main().catch((error) => {
  console.error(typeof error?.format === 'function' ? error.format() : `pilote-module: ${error?.message ?? error}`);
  process.exitCode = 1;
});
