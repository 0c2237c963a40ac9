import { countJobs, JobInputError, listJobs, parseJobState, retryParkedJob, runMigrations } from '@pilote/core';
import type { Command } from './command';
import { withContext } from './with-context';

const USAGE = 'jobs [--state created|retry|active|completed|failed|parked] [--kind <kind>] [--limit <n>]  |  jobs retry <job id>';

const flag = (args: string[], name: string): string | undefined => {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].slice(args[index].indexOf('=') + 1) : args[index + 1];
};

const cell = (value: unknown, width: number) => String(value ?? '').slice(0, width).padEnd(width);

/**
 * `pilote jobs`: the instance's background jobs (e-mails, scheduled reminders and purges, modules'
 * jobs) by state, with attempts and last error; `pilote jobs retry <id>` gives a parked job one
 * more attempt. Reads the database only: works while the instance runs (PostgreSQL).
 */
export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'List background jobs (state, attempts, last error) and retry a parked one',
  usage: USAGE,
  async run(args) {
    const retry = args[0] === 'retry';
    let state: ReturnType<typeof parseJobState> = null;
    const limitText = flag(args, '--limit');
    const limit = limitText === undefined ? 50 : Number(limitText);
    try {
      state = parseJobState(flag(args, '--state'));
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new JobInputError(`--limit "${limitText}" must be a whole number from 1 to 500.`);
      if (retry && !args[1]) throw new JobInputError('Which job? Give its id, as listed by `npx pilote jobs --state parked`.');
    } catch (error) {
      console.error(`${(error as Error).message} Usage: npx pilote ${USAGE}`);
      return 2;
    }
    return withContext(args, async (context) => {
      await runMigrations(context.dataSource);
      const db = context.dataSource.manager;
      if (retry) {
        try {
          const job = await retryParkedJob(db, args[1]);
          console.log(`Job ${job.id} (${job.kind}) will be tried again now (attempt ${job.attempts + 1} of ${job.maxAttempts}).`);
          return 0;
        } catch (error) {
          if (error instanceof JobInputError) {
            console.error(error.message);
            return 1;
          }
          throw error;
        }
      }
      const counts = await countJobs(db);
      if (counts.length === 0) {
        console.log('No jobs yet.');
        return 0;
      }
      console.log(counts.map((c) => `${c.kind} ${c.state === 'failed' ? 'failed (parked)' : c.state}: ${c.count}`).join('\n'));
      const jobs = await listJobs(db, { state, kind: flag(args, '--kind') ?? null, limit });
      console.log('');
      if (jobs.length === 0) {
        console.log(`No ${state ?? ''} jobs${flag(args, '--kind') ? ` of kind ${flag(args, '--kind')}` : ''}.`.replace('  ', ' '));
        return 0;
      }
      console.log(`${cell('id', 36)}  ${cell('kind', 28)}  ${cell('state', 9)}  ${cell('attempts', 8)}  ${cell('created (UTC)', 19)}  last error`);
      for (const job of jobs) {
        console.log(`${cell(job.id, 36)}  ${cell(job.kind, 28)}  ${cell(job.state, 9)}  ${cell(`${job.attempts}/${job.maxAttempts}`, 8)}  ${cell(job.createdAt.toISOString().slice(0, 19).replace('T', ' '), 19)}  ${job.lastError ?? ''}`);
      }
      return 0;
    });
  },
};
