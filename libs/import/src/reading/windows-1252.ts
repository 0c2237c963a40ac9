// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80–0x9F become control
// characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ), so those 32
// bytes are mapped here; every other byte of Windows-1252 is its Latin-1 code point.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes Windows-1252 bytes (one byte = one character, no state between chunks). */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (char) => HIGH[char.charCodeAt(0) - 0x80]);
}
