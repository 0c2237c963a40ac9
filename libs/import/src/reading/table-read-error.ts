/** A problem that stops reading the file as a whole (no usable header, bad encoding…). */
export class TableReadError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
    readonly line = 0,
  ) {
    super(code);
    this.name = 'TableReadError';
  }
}
