import type { InstanceConfigInput } from '@pilote/core';

export type { InstanceConfigInput };

/**
 * Types a `pilote.config.ts`. Identity function; the kit validates the file at boot.
 * Inside this repository, example instances write `export default { … } satisfies InstanceConfigInput`
 * with a type-only import, so the file loads without any build.
 */
export function defineInstance(config: InstanceConfigInput): InstanceConfigInput {
  return config;
}
