import { addDays, frenchDate, parseIsoDate } from './dates';
import {
  AUTHORS, COMMENT_FOLLOW_UPS, COMMENT_MAIN, COMMENT_TYPES, DECISION_BODIES, DECISIONS, NOT_NEEDED_BODY, OBJECTIVE_FOCUS,
  OBJECTIVES, PLACE, WEATHER_DETAILS, WEATHER_OPENERS,
} from './phrases';
import { Rng } from './prng';
import type { DemoNarrative, GenerateDemoNarrativesInput } from './types';

type FilledWeather = 'SUNNY' | 'CLOUDY' | 'RAINY' | 'STORMY';
const NARRATIVE_LEVELS = ['NAT', 'REG', 'DEPT'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Weather index (0 SUNNY … 3 STORMY) from a health score in [0, 1]. */
function weatherFromHealth(health: number): FilledWeather {
  if (health > 0.72) return 'SUNNY';
  if (health > 0.35) return 'CLOUDY';
  if (health > 0.1) return 'RAINY';
  return 'STORMY';
}

/**
 * Qualitative layer of the demo: for each policy × territory (nation, régions, départements),
 * the latest météo with its synthesis and one or two older entries, a few typed comments, an
 * objective at national and regional level, and an occasional decision. Deterministic.
 */
export function generateDemoNarratives(input: GenerateDemoNarrativesInput): DemoNarrative[] {
  const { policies, territories, seed, until } = input;
  const untilYear = parseIsoDate(until).year;
  const scope = territories.filter((t) => NARRATIVE_LEVELS.includes(t.level));
  const narratives: DemoNarrative[] = [];

  for (const policy of policies) {
    // Some policies go better than others, everywhere.
    const policyHealth = Rng.for(seed, 'policy-health', policy.id).range(0.3, 0.75);
    for (const territory of scope) {
      const rng = Rng.for(seed, 'narrative', policy.id, territory.code);
      const lieu = PLACE[territory.level];
      const values = { lieu, Lieu: capitalise(lieu), chantier: policy.name, annee: String(untilYear) };
      const author = rng.pick(AUTHORS);
      const push = (narrative: Omit<DemoNarrative, 'policyId' | 'territoryCode'>) =>
        narratives.push({ policyId: policy.id, territoryCode: territory.code, ...narrative });
      const synthesis = (weather: string) => {
        const opener = fill(rng.pick(WEATHER_OPENERS[weather]), values);
        return rng.chance(0.3) ? opener : `${opener} ${rng.pick(WEATHER_DETAILS[weather])}`;
      };

      // Weather history: one or two older entries a quarter apart, then the latest one.
      let health = Math.min(1, Math.max(0, policyHealth + rng.range(-0.35, 0.35)));
      const latestDate = addDays(until, -rng.int(0, 75));
      const historyCount = rng.int(1, 2);
      for (let k = historyCount; k >= 1; k -= 1) {
        const date = addDays(latestDate, -91 * k + rng.int(-10, 10));
        const weather = weatherFromHealth(Math.min(1, Math.max(0, health + rng.range(-0.25, 0.25))));
        push({ kind: 'weather', type: null, weather, body: synthesis(weather), date, authorName: author });
      }
      const latestDraw = rng.float();
      if (latestDraw < 0.07) {
        // Missing: the latest campaign was not answered at all.
      } else if (latestDraw < 0.15) {
        push({ kind: 'weather', type: null, weather: 'NOT_FILLED', body: '', date: latestDate, authorName: author });
      } else if (latestDraw < 0.17 && territory.level === 'DEPT') {
        push({ kind: 'weather', type: null, weather: 'NOT_NEEDED', body: NOT_NEEDED_BODY, date: latestDate, authorName: author });
      } else {
        health = Math.min(1, Math.max(0, health + rng.range(-0.15, 0.15)));
        const weather = weatherFromHealth(health);
        push({ kind: 'weather', type: null, weather, body: synthesis(weather), date: latestDate, authorName: author });
      }

      // Typed comments: 0 to 3, of distinct types, within the last four months.
      const commentCount = rng.int(0, 3);
      for (const type of rng.sample(COMMENT_TYPES, commentCount)) {
        const pct = String(type === 'progress' ? rng.int(85, 115) : rng.int(45, 80));
        let body = fill(rng.pick(COMMENT_MAIN[type]), { ...values, pct });
        if (rng.chance(0.4)) body += ` ${rng.pick(COMMENT_FOLLOW_UPS[type])}`;
        push({ kind: 'comment', type, weather: null, body, date: addDays(until, -rng.int(0, 120)), authorName: rng.chance(0.7) ? author : rng.pick(AUTHORS) });
      }

      // One objective at national and regional level, set at the start of the year.
      if (territory.level === 'NAT' || territory.level === 'REG') {
        const body = fill(rng.pick(OBJECTIVES), { ...values, pct: String(rng.int(8, 10) * 10), focus: rng.pick(OBJECTIVE_FOCUS) });
        push({ kind: 'objective', type: null, weather: null, body, date: addDays(`${untilYear}-01-15`, rng.int(0, 30)), authorName: author });
      }

      // An occasional decision (more frequent higher up).
      const decisionChance = territory.level === 'NAT' ? 0.6 : territory.level === 'REG' ? 0.25 : 0.1;
      if (rng.chance(decisionChance)) {
        const date = addDays(until, -rng.int(10, 200));
        const body = `${rng.pick(DECISION_BODIES[territory.level])} du ${frenchDate(date)} : ${rng.pick(DECISIONS)}.`;
        push({ kind: 'decision', type: null, weather: null, body, date, authorName: rng.pick(AUTHORS) });
      }
    }
  }
  return narratives;
}
