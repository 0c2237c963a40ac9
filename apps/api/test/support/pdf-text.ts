import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF printed by Chromium, good enough for tests (no PDF tool is installed here):
 * every Flate stream is inflated; the fonts' ToUnicode maps (bfchar and bfrange) are read; the
 * hex strings shown by Tj/TJ in the page contents are decoded with each map in turn. A font's
 * glyphs decode right with its own map, so a line set in one font is found in one of the results.
 * Spaces are positioning in such PDFs, not glyphs: compare with `compact()` on both sides.
 */
export function pdfTexts(pdf: Buffer): string[] {
  const streams: string[] = [];
  const raw = pdf.toString('latin1');
  const pattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const body = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(body).toString('latin1'));
    } catch {
      streams.push(body.toString('latin1'));
    }
    pattern.lastIndex = end + 'endstream'.length;
  }
  const maps = streams.filter((s) => s.includes('begincmap')).map(parseCmap);
  const shown = streams.filter((s) => /\bTj\b|\bTJ\b/.test(s)).flatMap((s) => [...s.matchAll(/<([0-9A-Fa-f\s]+)>/g)].map((m) => m[1].replace(/\s+/g, '')));
  return maps.map((map) => shown.map((hex) => decode(hex, map)).join(''));
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function parseCmap(cmap: string): { width: number; chars: Map<number, string> } {
  const chars = new Map<number, string>();
  let width = 4;
  const codespace = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  if (codespace) width = codespace[1].length;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) chars.set(parseInt(pair[1], 16), utf16(pair[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, first] = [parseInt(range[1], 16), parseInt(range[2], 16), parseInt(range[3], 16)];
      for (let code = lo; code <= hi; code += 1) chars.set(code, String.fromCharCode(first + code - lo));
    }
  }
  return { width, chars };
}

function utf16(hex: string): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return text;
}

function decode(hex: string, map: { width: number; chars: Map<number, string> }): string {
  let text = '';
  for (let i = 0; i + map.width <= hex.length; i += map.width) text += map.chars.get(parseInt(hex.slice(i, i + map.width), 16)) ?? '';
  return text;
}
