/**
 * The next time a 5-field cron expression (minute hour day-of-month month day-of-week, UTC) matches,
 * strictly after `after`. Supports `*`, numbers, ranges `a-b`, steps `*\/n` and `a-b/n`, lists.
 * Day-of-month and day-of-week combine as in cron: when both are restricted, either matches.
 */
export function nextCronTime(expression: string, after: Date): Date {
  const spec = parseCron(expression);
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // At most a year and a day of minutes; skipping whole days and hours keeps it short.
  const limit = after.getTime() + 367 * 24 * 3600 * 1000;
  while (t.getTime() <= limit) {
    if (!spec.month.has(t.getUTCMonth() + 1) || !dayMatches(spec, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
      continue;
    }
    if (!spec.hour.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
      continue;
    }
    if (spec.minute.has(t.getUTCMinutes())) return t;
    t.setUTCMinutes(t.getUTCMinutes() + 1);
  }
  throw new CronError(`"${expression}" never matches within a year`);
}

export class CronError extends Error {}

interface CronSpec {
  minute: Set<number>;
  hour: Set<number>;
  day: Set<number>;
  month: Set<number>;
  weekday: Set<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

function dayMatches(spec: CronSpec, t: Date): boolean {
  const day = spec.day.has(t.getUTCDate());
  const weekday = spec.weekday.has(t.getUTCDay());
  if (spec.dayRestricted && spec.weekdayRestricted) return day || weekday;
  return day && weekday;
}

const FIELDS: [name: string, min: number, max: number][] = [['minute', 0, 59], ['hour', 0, 23], ['day of month', 1, 31], ['month', 1, 12], ['day of week', 0, 7]];

/** Parses and checks a cron expression; errors name the field. */
export function parseCron(expression: string): CronSpec {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError(`"${expression}": expected 5 fields (minute hour day month weekday), found ${parts.length}`);
  const sets = parts.map((part, index) => parseField(part, ...FIELDS[index]));
  const weekday = new Set([...sets[4]].map((d) => d % 7));
  return { minute: sets[0], hour: sets[1], day: sets[2], month: sets[3], weekday, dayRestricted: parts[2] !== '*', weekdayRestricted: parts[4] !== '*' };
}

function parseField(text: string, name: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new CronError(`${name} "${item}" is not a number, range, list or step`);
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new CronError(`${name} "${item}" is outside ${min}–${max}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}
