import { z } from 'zod';

// The settings schema lives apart from the manifest: the server entry adds it to the manifest, so
// the browser's module bundle never loads zod (the admin form is described by the API).
// No settings yet.
export const settingsSchema = z.object({}).strict();

export type ChartSettings = z.output<typeof settingsSchema>;
