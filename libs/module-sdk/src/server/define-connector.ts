import type { Connector } from './server-part.types';

/** Types a connector (identity function): its settings type flows from its schema into `read`. */
export function defineConnector<Settings>(connector: Connector<Settings>): Connector<Settings> {
  return connector;
}
