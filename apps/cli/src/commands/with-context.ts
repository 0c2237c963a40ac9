import { closeKitContext, type KitContext, openKitContext, readRuntimeSettings } from '@pilote/core';

/** Opens configuration + database for a one-shot command and always closes them. */
export async function withContext<T>(args: string[], work: (context: KitContext) => Promise<T>): Promise<T> {
  const context = await openKitContext(readRuntimeSettings(process.env, args));
  try {
    return await work(context);
  } finally {
    await closeKitContext(context);
  }
}
