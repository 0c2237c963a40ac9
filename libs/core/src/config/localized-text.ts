import { z } from 'zod';

/** A text given per locale (`{ fr: '…', en: '…' }`) or once for every locale. */
export const localizedTextSchema = z.union([z.string().min(1), z.record(z.string().min(2).max(5), z.string())]);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function localize(text: LocalizedText | undefined, locale: string, fallback = 'fr'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
