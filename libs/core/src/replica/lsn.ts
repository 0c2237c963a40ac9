/** A PostgreSQL write-ahead log position ("16/B374D848") as a number that compares. */
export function parseLsn(text: string): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** Whether `reached` is at or past `wanted`; false when either is not an LSN. */
export function lsnAtOrPast(reached: string | null | undefined, wanted: string): boolean {
  if (!reached) return false;
  const [a, b] = [parseLsn(reached), parseLsn(wanted)];
  return a !== null && b !== null && a >= b;
}
