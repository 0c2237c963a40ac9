import path from 'node:path';
import type { LoadedInstanceConfig } from '../config/load-instance-config';
import { type InstanceConfigInput, instanceConfigSchema } from '../config/instance-config.schema';

/** A minimal instance configuration for tests; pass overrides for what the test is about. */
export function testInstance(overrides: Partial<InstanceConfigInput> = {}, directory = path.resolve('.')): LoadedInstanceConfig {
  const config = instanceConfigSchema.parse({
    id: 'test',
    name: { fr: 'Instance de test', en: 'Test instance' },
    territoryLevels: [
      { id: 'NAT', label: 'National' },
      { id: 'REG', label: 'Région', hasMap: true },
      { id: 'DEPT', label: 'Département', hasMap: true },
      { id: 'EPCI', label: 'EPCI' },
      { id: 'COM', label: 'Commune' },
    ],
    ...overrides,
  });
  return { config, directory, file: path.join(directory, 'pilote.config.ts') };
}
