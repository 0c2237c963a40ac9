import { z } from 'zod';

/** A header written as is, or read from a secret by name (`{ secret: 'GRIST_KEY', prefix: 'Bearer ' }`). */
export const headerValue = z.union([z.string(), z.object({ secret: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a secret is the NAME of an environment variable'), prefix: z.string().optional() })]);

export const httpUrl = z.string().url().refine((value) => /^https?:\/\//i.test(value), 'an http(s) URL');
