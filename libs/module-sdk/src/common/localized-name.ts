/** A text an instance user reads, in each locale of the kit (a type alias: it fits `Record<string, string>`). */
export type LocalizedName = { fr: string; en: string };
