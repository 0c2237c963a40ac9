import { z } from 'zod';

// The settings schema lives apart from the manifest: the server entry adds it to the manifest, so
// the browser's module bundle never loads zod (the admin form is described by the API).
export const settingsSchema = z.object({
  /** Largest file read, in bytes (a URL answering more is refused). */
  maxBytes: z.number().int().min(1024).default(20 * 1024 * 1024),
  /** Seconds before a URL that does not answer is given up. */
  timeoutSeconds: z.number().int().min(1).max(300).default(30),
});

export type CsvConnectorSettings = z.output<typeof settingsSchema>;
