import type { Command } from './command';
import { doctorCommand } from './doctor.command';
import { migrateCommand } from './migrate.command';
import { seedCommand } from './seed.command';
import { startCommand } from './start.command';
import { referentialCommand } from './referential.command';

export const commands: Command[] = [startCommand, migrateCommand, seedCommand, doctorCommand, referentialCommand];
