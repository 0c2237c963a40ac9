/** Code shown to users: the official code without the level prefix some instances add ("REG-84" → "84"). */
export function displayCode(code: string): string {
  return code.replace(/^[A-Za-z]+[-:_](?=\w)/, '');
}

export function compareCodes(a: string, b: string): number {
  return displayCode(a).localeCompare(displayCode(b), 'fr', { numeric: true });
}
