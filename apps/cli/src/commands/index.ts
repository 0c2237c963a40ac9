import type { Command } from './command';
import { doctorCommand } from './doctor.command';
import { migrateCommand } from './migrate.command';
import { seedCommand } from './seed.command';
import { startCommand } from './start.command';
import { referentialCommand } from './referential.command';
import { tokenCommand } from './token.command';
import { importCommand } from './import.command';
import { exportCommand } from './export.command';
import { createModuleCommand } from './create-module.command';
import { notifyDeadlinesCommand } from './notify-deadlines.command';
import { jobsCommand } from './jobs.command';
import { barometreCommand } from './barometre.command';
import { upgradeCommand } from './upgrade.command';
import { syncCommand } from './sync.command';

export const commands: Command[] = [startCommand, migrateCommand, upgradeCommand, seedCommand, doctorCommand, referentialCommand, tokenCommand, importCommand, exportCommand, syncCommand, createModuleCommand, notifyDeadlinesCommand, jobsCommand, barometreCommand];
