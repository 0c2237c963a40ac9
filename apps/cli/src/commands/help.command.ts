import { commands } from './index';

export function printHelp(): void {
  console.log('Usage: npx pilote <command> [options]\n');
  console.log('Commands:');
  for (const command of commands) console.log(`  ${command.usage.padEnd(46)} ${command.summary}`);
  console.log('\nCommon options: --instance <folder> (or PILOTE_INSTANCE), DATABASE_URL, PORT.');
}
