import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseDelimited } from './parse-delimited';
import type { ReferentialProblem } from './referential-error';
import { REFERENTIAL_FILES, type ReferentialKind } from './referential.schema';

/** An item read from a file, with where it came from, before validation. */
export interface SourcedItem {
  file: string;
  line: number;
  /** Line of each top-level field, for precise messages. */
  fieldLines: Record<string, number>;
  raw: unknown;
}

export type RawReferential = Record<ReferentialKind, SourcedItem[]>;

/** Reads `<kind>.yaml|yml|csv` for every kind; a missing file is an empty list. */
export function readReferentialFiles(directory: string): { items: RawReferential; problems: ReferentialProblem[] } {
  const items = { taxonomies: [], policies: [], indicators: [], perimeters: [] } as RawReferential;
  const problems: ReferentialProblem[] = [];
  if (!existsSync(directory)) {
    problems.push({ file: directory, line: 0, field: '', message: 'folder not found' });
    return { items, problems };
  }
  for (const kind of Object.keys(REFERENTIAL_FILES) as ReferentialKind[]) {
    const file = ['yaml', 'yml', 'csv'].map((ext) => path.join(directory, `${kind}.${ext}`)).find((candidate) => existsSync(candidate));
    if (!file) continue;
    const display = path.relative(process.cwd(), file) || file;
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (file.endsWith('.csv')) readCsv(text, display, items[kind], problems);
    else readYaml(text, display, items[kind], problems);
  }
  return { items, problems };
}

function readYaml(text: string, file: string, out: SourcedItem[], problems: ReferentialProblem[]): void {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 0);
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({ file, line: error.linePos?.[0]?.line ?? 0, field: '', message: `YAML syntax: ${error.message.split('\n')[0]}` });
    }
    return;
  }
  if (document.contents === null) return;
  if (!isSeq(document.contents)) {
    problems.push({ file, line: 1, field: '', message: 'expected a list of items (each starting with "- ")' });
    return;
  }
  for (const item of document.contents.items) {
    const node = item as Node;
    const fieldLines: Record<string, number> = {};
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        fieldLines[key] = lineOf((pair.value as Node) ?? (pair.key as Node));
      }
    }
    out.push({ file, line: lineOf(node), fieldLines, raw: node.toJSON() });
  }
}

/**
 * CSV: one item per row; dotted headers build nested objects (`levels.DEPT.weight`), and list
 * fields take values separated by `|` (`levels: NAT|REG|DEPT`).
 */
function readCsv(text: string, file: string, out: SourcedItem[], problems: ReferentialProblem[]): void {
  const rows = parseDelimited(text);
  if (rows.length === 0) return;
  const [header, ...body] = rows;
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const raw: Record<string, unknown> = {};
    header.forEach((column, columnIndex) => {
      const cell = (cells[columnIndex] ?? '').trim();
      if (cell === '') return;
      setPath(raw, column.trim().split('.'), coerce(column.trim(), cell));
    });
    const line = index + 2;
    if (cells.length !== header.length) {
      problems.push({ file, line, field: '', message: `expected ${header.length} columns, found ${cells.length}` });
    }
    out.push({ file, line, fieldLines: {}, raw });
  });
}

const LIST_FIELDS = new Set(['levels', 'taxonomies', 'members']);
const NUMBER_FIELDS = /(^|\.)(weight|availabilityDelayDays)$/;

// Yes/no settings: "true"/"false" become booleans; anything else stays text and the schema names it.
const BOOLEAN_FIELDS = /(^|\.)(reportParentValues|enteredUntilAggregated)$/;

function coerce(column: string, cell: string): unknown {
  if (LIST_FIELDS.has(column)) return cell.split('|').map((part) => part.trim()).filter(Boolean);
  if (BOOLEAN_FIELDS.test(column)) {
    const word = cell.trim().toLowerCase();
    return word === 'true' ? true : word === 'false' ? false : cell;
  }
  if (NUMBER_FIELDS.test(column)) {
    const number = Number(cell.replace(',', '.'));
    return Number.isNaN(number) ? cell : number;
  }
  return cell;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
