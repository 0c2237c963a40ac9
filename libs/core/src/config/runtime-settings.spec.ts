import { readRuntimeSettings } from './runtime-settings';

const primary = 'postgres://pilote@db:5432/pilote';

describe('read replica settings', () => {
  it('reads DATABASE_REPLICA_URL and the lag allowed', () => {
    expect(readRuntimeSettings({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'postgres://pilote@standby:5432/pilote', PILOTE_REPLICA_MAX_LAG_SECONDS: '5' })).toMatchObject({
      replicaUrl: 'postgres://pilote@standby:5432/pilote',
      replicaMaxLagSeconds: 5,
    });
    expect(readRuntimeSettings({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'postgres://standby/pilote' }).replicaMaxLagSeconds).toBe(30);
    expect(readRuntimeSettings({ DATABASE_URL: primary }).replicaUrl).toBeUndefined();
  });

  it('refuses a replica without a primary server, a wrong address or a lag that is not a duration, saying what to do', () => {
    expect(() => readRuntimeSettings({ DATABASE_REPLICA_URL: 'postgres://standby/pilote' })).toThrow(/DATABASE_REPLICA_URL is set but DATABASE_URL is not/);
    expect(() => readRuntimeSettings({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'mysql://user:secret@standby/pilote' })).toThrow(/must start with postgres:\/\/.*user:\*\*\*@/);
    expect(() => readRuntimeSettings({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'postgres://standby/pilote', PILOTE_REPLICA_MAX_LAG_SECONDS: 'soon' })).toThrow(/PILOTE_REPLICA_MAX_LAG_SECONDS must be a number of seconds/);
  });
});
