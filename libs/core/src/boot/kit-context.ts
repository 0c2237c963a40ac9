import type { DataSource } from 'typeorm';
import type { LoadedInstanceConfig } from '../config/load-instance-config';
import type { RuntimeSettings } from '../config/runtime-settings';
import type { DatabaseConnection } from '../database/database-connection';

/** Everything resolved at boot, shared by the API, the CLI and the tests. */
export interface KitContext {
  version: string;
  settings: RuntimeSettings;
  instance: LoadedInstanceConfig;
  database: DatabaseConnection;
  dataSource: DataSource;
}

export const KIT_CONTEXT = Symbol('KIT_CONTEXT');
