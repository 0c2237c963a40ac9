import type { ReadReplica } from '../replica/read-replica';
import type { DataSource } from 'typeorm';
import type { LoadedInstanceConfig } from '../config/load-instance-config';
import type { LocalizedText } from '../config/localized-text';
import type { RuntimeSettings } from '../config/runtime-settings';
import type { DatabaseConnection } from '../database/database-connection';

/** Everything resolved at boot, shared by the API, the CLI and the tests. */
export interface KitContext {
  version: string;
  settings: RuntimeSettings;
  instance: LoadedInstanceConfig;
  database: DatabaseConnection;
  dataSource: DataSource;
  /** Dashboard reads on a streaming replica, when DATABASE_REPLICA_URL is set (ADR 034). */
  readReplica?: ReadReplica;
  /** The instance's modules, validated and ordered by the host (apps/api); empty when none. */
  modules?: KitModuleInfo[];
}

/** What the kit tells about an enabled module (GraphQL `instance.modules`). */
export interface KitModuleInfo {
  id: string;
  version: string;
  displayName: LocalizedText;
}

export const KIT_CONTEXT = Symbol('KIT_CONTEXT');
