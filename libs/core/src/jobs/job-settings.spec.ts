import { assertJobKind } from './job-kind';
import { DEFAULT_JOB_SETTINGS, readJobSettings } from './job-settings';

describe('job settings from the environment', () => {
  it('defaults when nothing is set, reads each PILOTE_JOBS_* variable', () => {
    expect(readJobSettings({})).toEqual(DEFAULT_JOB_SETTINGS);
    expect(
      readJobSettings({
        PILOTE_JOBS_WORKER: 'off', PILOTE_JOBS_CONCURRENCY: '4', PILOTE_JOBS_RETRY_LIMIT: '0', PILOTE_JOBS_RETRY_DELAY_SECONDS: '5',
        PILOTE_JOBS_POLL_SECONDS: '0.5', PILOTE_JOBS_EXPIRE_SECONDS: '30', PILOTE_JOBS_MAINTENANCE_SECONDS: '10',
      }),
    ).toEqual({ worker: false, concurrency: 4, retryLimit: 0, retryDelaySeconds: 5, pollSeconds: 0.5, expireSeconds: 30, maintenanceSeconds: 10 });
  });

  it.each([
    [{ PILOTE_JOBS_WORKER: 'maybe' }, /PILOTE_JOBS_WORKER must be on or off, got "maybe"/],
    [{ PILOTE_JOBS_CONCURRENCY: '0' }, /PILOTE_JOBS_CONCURRENCY must be a whole number from 1 to 50, got "0"/],
    [{ PILOTE_JOBS_RETRY_LIMIT: 'five' }, /PILOTE_JOBS_RETRY_LIMIT must be a whole number from 0 to 100, got "five"/],
    [{ PILOTE_JOBS_POLL_SECONDS: '0.1' }, /PILOTE_JOBS_POLL_SECONDS must be a number from 0.5 to 600, got "0.1"/],
  ])('refuses %p with the variable and what it accepts', (env, message) => {
    expect(() => readJobSettings(env)).toThrow(message);
  });
});

describe('job kinds', () => {
  const run = async () => undefined;
  it('accepts <module>.<what> names and 5-field schedules', () => {
    expect(() => assertJobKind({ name: 'csv-connector.sync', description: '', schedule: '30 2 * * *', run })).not.toThrow();
  });
  it('refuses a name without its module, a cron that is not 5 fields, a missing run', () => {
    expect(() => assertJobKind({ name: 'Sync', description: '', run })).toThrow(/must look like "<module>.<what>"/);
    expect(() => assertJobKind({ name: 'a.b', description: '', schedule: '*/5 * * * * *', run })).toThrow(/must be a 5-field cron expression/);
    expect(() => assertJobKind({ name: 'a.b', description: '' } as never)).toThrow(/has no run/);
  });
});
