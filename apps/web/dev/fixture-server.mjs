// Development-only fixture server: answers the GraphQL contract (docs/api/graphql-contract.md)
// with generated data, and serves apps/web/dist. Not used in production: the API replaces it.
//   node apps/web/dev/fixture-server.mjs            → http://localhost:3001
//   PILOTE_API_URL=http://localhost:3001 npx nx run web:serve
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { buildSchema, graphql, GraphQLScalarType } from 'graphql';

const require = createRequire(import.meta.url);
const PORT = Number(process.env.PORT ?? 3001);
const THEME = process.env.FIXTURE_THEME ?? 'neutral'; // neutral | dsfr
const dist = new URL('../dist/', import.meta.url).pathname;

const sdl = `
scalar JSON
type Query {
  instance: Instance!
  territories(level: String, parentCode: String, search: String, first: Int = 50, after: String): TerritoryConnection!
  territory(code: String!): Territory
  taxonomies: [Taxonomy!]!
  home(territoryCode: String!, filter: PolicyFilter): HomeView!
  policy(id: ID!): Policy
  policyAt(policyId: ID!, territoryCode: String!): PolicyAtTerritory
  indicatorSeries(indicatorId: ID!, territoryCode: String!): IndicatorSeries!
  territoryView(code: String!): TerritoryView!
  explanation(id: ID!): Explanation
}
type TerritoryConnection { nodes: [Territory!]!, totalCount: Int!, endCursor: String, hasNextPage: Boolean! }
type Instance { id: String!, name: String!, shortName: String, locales: [String!]!, defaultLocale: String!, theme: JSON!,
  levels: [Level!]!, vocabulary: JSON!, weatherLevels: [WeatherLevel!]!, commentTypes: [CommentType!]!, footerLinks: [Link!]!,
  demoMode: Boolean!, version: String!, modules: [ModuleInfo!]! }
type CommentType { id: String!, label: JSON! }
type Link { label: JSON!, url: String! }
type ModuleInfo { id: String!, version: String! }
type Level { id: String!, label: JSON!, rank: Int!, hasMap: Boolean! }
type WeatherLevel { id: String!, label: JSON!, tone: String! }
type Territory { code: String!, level: String!, name: String!, parentCode: String, population: Int, parent: Territory, children(level: String): [Territory!]! }
type Taxonomy { id: ID!, kind: String!, label: String!, parentId: ID }
input PolicyFilter { taxonomyIds: [ID!], kinds: [String!], statuses: [String!], alertsOnly: Boolean, search: String }
type Rate { value: Float, date: String, reason: String, explanationId: ID! }
type RateStats { value: Float, min: Float, median: Float, max: Float, count: Int!, explanationId: ID }
type Trend { direction: String!, delta: Float }
type Alert { code: String!, message: String! }
type Weather { level: String!, synthesis: String, date: String, author: String }
type WeatherCount { level: String!, count: Int! }
type AlertCount { code: String!, count: Int! }
type HomeView { territory: Territory!, globalRate: RateStats!, annualRate: RateStats!, weatherDistribution: [WeatherCount!]!,
  alertCounts: [AlertCount!]!, policies: [PolicyRow!]!, map: [TerritoryRate!]! }
type PolicyRow { policy: Policy!, globalRate: Rate!, annualRate: Rate!, weather: Weather, trend: Trend!, gapToMedian: Float, alerts: [Alert!]! }
type TerritoryRate { code: String!, name: String!, level: String!, value: Float }
type TerritoryWeather { code: String!, name: String!, level: String!, weather: String }
type TerritoryValue { code: String!, name: String!, value: Float, date: String }
type Policy { id: ID!, code: String!, name: String!, kind: String!, status: String!, description: String,
  owners: [Owner!]!, levels: [String!]!, taxonomies: [Taxonomy!]!, indicators: [Indicator!]! }
type Owner { name: String!, email: String!, role: String }
type Indicator { id: ID!, policyId: ID!, name: String!, type: String!, unit: String!, direction: String!,
  source: String, method: String, periodicity: String!, availabilityDelayDays: Int!, description: String, weight(level: String!): Float }
type PolicyAtTerritory { policy: Policy!, territory: Territory!, globalRate: Rate!, annualRate: Rate!, trend: Trend!, alerts: [Alert!]!,
  weather: Weather, weatherHistory: [Weather!]!, comments: [Comment!]!, objectives: [Comment!]!, decisions: [Comment!]!,
  indicators: [IndicatorAtTerritory!]!, childRates: [TerritoryRate!]!, childWeather: [TerritoryWeather!]! }
type Comment { id: ID!, type: String!, body: String!, date: String!, author: String }
type IndicatorAtTerritory { indicator: Indicator!, weight: Float, initial: DatedValue, current: DatedValue, annualTarget: DatedValue,
  globalTarget: DatedValue, annualRate: Rate!, globalRate: Rate!, nextExpectedUpdate: String, overdue: Boolean!, childValues: [TerritoryValue!]! }
type DatedValue { value: Float!, date: String!, provenance: String }
type IndicatorSeries { indicator: Indicator!, territory: Territory!, points: [SeriesPoint!]!, targets: [SeriesPoint!]!, children: [ChildSeries!]! }
type ChildSeries { territory: Territory!, points: [SeriesPoint!]! }
type SeriesPoint { date: String!, value: Float!, kind: String! }
type Explanation { id: ID!, ruleId: String!, title: String!, formula: String!, value: Float, reason: String, inputs: [ExplanationInput!]! }
type ExplanationInput { role: String!, label: String!, value: Float, date: String, provenance: String, territoryCode: String,
  territoryName: String, indicatorId: String, weight: Float, ref: ID }
type RoadmapItem { policy: Policy!, objective: String }
type TerritoryView { territory: Territory!, parent: Territory, rates: [PolicyRow!]!, roadmap: [RoadmapItem!]!, peers: [TerritoryRate!]!, parentRate: RateStats }
`;
const schema = buildSchema(sdl);
Object.assign(schema.getType('JSON'), new GraphQLScalarType({ name: 'JSON', serialize: (v) => v, parseValue: (v) => v }));

// ---------- generated referential ----------
const regionsRaw = require('@etalab/decoupage-administratif/data/regions.json').filter((r) => r.zone !== 'com');
const deptsRaw = require('@etalab/decoupage-administratif/data/departements.json').filter((d) => d.zone !== 'com');
const territories = new Map();
territories.set('FR', { code: 'FR', level: 'NAT', name: 'France', parentCode: null, population: 68000000 });
for (const r of regionsRaw) territories.set(`REG-${r.code}`, { code: `REG-${r.code}`, level: 'REG', name: r.nom, parentCode: 'FR', population: null });
for (const d of deptsRaw) territories.set(`DEPT-${d.code}`, { code: `DEPT-${d.code}`, level: 'DEPT', name: d.nom, parentCode: `REG-${d.region}`, population: null });
const childrenOf = (code) => [...territories.values()].filter((t) => t.parentCode === code);
const CHILD_LEVEL = { NAT: 'REG', REG: 'DEPT', DEPT: null };

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}
const round = (v) => Math.round(v * 10) / 10;

const taxonomies = [
  { id: 'min-eco', kind: 'ministry', label: 'Économie' }, { id: 'min-edu', kind: 'ministry', label: 'Éducation' },
  { id: 'min-san', kind: 'ministry', label: 'Santé' }, { id: 'min-tra', kind: 'ministry', label: 'Transition écologique' },
  { id: 'axe-1', kind: 'axis', label: 'Travail et plein emploi' }, { id: 'axe-2', kind: 'axis', label: 'Services publics' },
];
const policyDefs = [
  ['P01', 'Rénovation énergétique des logements', ['min-tra', 'axe-2']],
  ['P02', 'Déploiement de la fibre optique', ['min-eco', 'axe-2']],
  ['P03', 'Dédoublement des classes de CP', ['min-edu', 'axe-2']],
  ['P04', 'Maisons France services', ['min-eco', 'axe-2']],
  ['P05', 'Retour à l\'emploi des allocataires', ['min-eco', 'axe-1']],
  ['P06', 'Accès aux soins : médecins', ['min-san', 'axe-2']],
  ['P07', 'Bornes de recharge électrique', ['min-tra', 'axe-1']],
  ['P08', 'Apprentissage', ['min-edu', 'axe-1']],
  ['P09', 'Santé mentale des jeunes', ['min-san', 'axe-2']],
  ['P10', 'Sécurité du quotidien <script>', ['min-eco', 'axe-2']],
];
const policies = policyDefs.map(([code, name, tax], i) => ({
  id: code.toLowerCase(), code, name, kind: i % 4 === 3 ? 'reform' : 'project', status: 'published',
  description: `Description de la politique « ${name} ».`,
  owners: [{ name: `Directrice ${code}`, email: `${code.toLowerCase()}@example.org`, role: 'Directrice de projet' }],
  levels: ['NAT', 'REG', 'DEPT'],
  taxonomies: taxonomies.filter((t) => tax.includes(t.id)),
  indicators: [0, 1, 2].slice(0, 2 + (i % 2)).map((j) => ({
    id: `${code.toLowerCase()}-i${j + 1}`, policyId: code.toLowerCase(),
    name: [`Nombre de bénéficiaires (${code})`, `Part des communes couvertes (${code})`, `Délai moyen (${code})`][j],
    type: ['impact', 'deployment', 'quality'][j], unit: ['nb', '%', 'jours'][j], direction: j === 2 ? 'falling' : 'rising',
    source: 'Système d\'information du ministère', method: 'Somme des valeurs départementales', periodicity: ['monthly', 'quarterly', 'yearly'][j],
    availabilityDelayDays: 30, description: 'Définition de l\'indicateur.', weight: () => [2, 1, 1][j],
  })),
}));
const policyById = new Map(policies.map((p) => [p.id, p]));

function rateOf(policyId, code, kind) {
  if (hash(`${policyId}${code}nodata`) < 0.06) return null;
  const base = hash(`${policyId}${code}`) * 100;
  return round(kind === 'annual' ? Math.min(100, base * 1.1) : base);
}
const WEATHERS = ['SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_FILLED'];
const weatherOf = (policyId, code) => WEATHERS[Math.floor(hash(`${policyId}${code}w`) * 5)];
const median = (values) => {
  const v = values.filter((x) => x !== null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const peersOf = (t) => [...territories.values()].filter((x) => x.level === t.level);

function rate(policyId, code, kind) {
  const value = rateOf(policyId, code, kind);
  return { value, date: value === null ? null : '2025-09-30', reason: value === null ? 'Un indicateur pondéré n\'a pas de valeur actuelle' : null, explanationId: `rate:${policyId}:${code}:${kind}` };
}
function row(p, t) {
  const g = rate(p.id, t.code, 'global');
  const med = median(peersOf(t).map((x) => rateOf(p.id, x.code, 'global')));
  const gap = g.value !== null && med !== null ? round(g.value - med) : null;
  const delta = round((hash(`${p.id}${t.code}trend`) - 0.5) * 10);
  const weather = weatherOf(p.id, t.code);
  const alerts = [];
  if (gap !== null && gap < -15) alerts.push({ code: 'gap-below-median', message: 'Écart à la médiane inférieur à −15 points' });
  if (delta < -3) alerts.push({ code: 'falling-trend', message: 'Taux en baisse' });
  if (g.value === null) alerts.push({ code: 'rate-not-computable', message: g.reason });
  if (weather === 'NOT_FILLED') alerts.push({ code: 'weather-not-filled', message: 'Météo non renseignée' });
  return {
    policy: p, globalRate: g, annualRate: rate(p.id, t.code, 'annual'),
    weather: weather === 'NOT_FILLED' ? null : { level: weather, date: '2025-10-15', synthesis: 'Synthèse', author: 'Préfecture' },
    trend: { direction: delta > 1 ? 'up' : delta < -1 ? 'down' : 'stable', delta }, gapToMedian: gap, alerts,
  };
}
function stats(values, id) {
  const v = values.filter((x) => x !== null);
  return { value: v.length ? round(v.reduce((a, b) => a + b, 0) / v.length) : null, min: v.length ? Math.min(...v) : null, median: median(v), max: v.length ? Math.max(...v) : null, count: v.length, explanationId: id };
}
function filterPolicies(filter, t) {
  return policies.filter((p) => {
    if (filter?.taxonomyIds?.length && !p.taxonomies.some((x) => filter.taxonomyIds.includes(x.id))) return false;
    if (filter?.kinds?.length && !filter.kinds.includes(p.kind)) return false;
    if (filter?.statuses?.length && !filter.statuses.includes(p.status)) return false;
    if (filter?.alertsOnly && row(p, t).alerts.length === 0) return false;
    return true;
  });
}
const mapOf = (t, ps) => {
  const level = CHILD_LEVEL[t.level] ?? t.level;
  const list = CHILD_LEVEL[t.level] ? childrenOf(t.code) : peersOf(t);
  const all = t.level === 'NAT' ? [...territories.values()].filter((x) => x.level === 'DEPT') : list;
  return all.filter((x) => x.level === (t.level === 'NAT' ? 'DEPT' : level)).map((x) => ({
    code: x.code, name: x.name, level: x.level, value: stats(ps.map((p) => rateOf(p.id, x.code, 'global')), null).value,
  }));
};
const withTerritoryFields = (t) => t && ({ ...t, parent: () => withTerritoryFields(territories.get(t.parentCode)), children: ({ level }) => childrenOf(t.code).filter((c) => !level || c.level === level).map(withTerritoryFields) });

function indicatorAt(ind, t) {
  const vi = round(100 + hash(ind.id) * 100), vc = round(vi * 2), va = round(vi + (vc - vi) * ((rateOf(ind.policyId, t.code, 'global') ?? 30) / 100));
  const r = (kind) => ({ value: rateOf(ind.id, t.code, kind), date: '2025-09-30', reason: null, explanationId: `ind:${ind.id}:${t.code}:${kind}` });
  return {
    indicator: ind, weight: ind.weight(), initial: { value: vi, date: '2022-01-01', provenance: 'import' },
    current: { value: va, date: '2025-09-30', provenance: 'connector' }, annualTarget: { value: round(vi + (vc - vi) * 0.7), date: '2025-12-31', provenance: 'user' },
    globalTarget: { value: vc, date: '2027-12-31', provenance: 'user' }, annualRate: r('annual'), globalRate: r('global'),
    nextExpectedUpdate: '2025-11-30', overdue: hash(`${ind.id}${t.code}o`) < 0.2, childValues: [],
  };
}

const root = {
  instance: () => ({
    id: 'demo', name: process.env.FIXTURE_NAME ?? 'Tableau de bord de démonstration', shortName: 'Démo', locales: ['fr', 'en'], defaultLocale: 'fr',
    theme: THEME === 'dsfr' ? { id: 'dsfr', designSystem: 'dsfr' } : { id: 'neutral' },
    levels: [
      { id: 'NAT', label: { fr: 'National', en: 'National' }, rank: 0, hasMap: true },
      { id: 'REG', label: { fr: 'Région', en: 'Region' }, rank: 1, hasMap: true },
      { id: 'DEPT', label: { fr: 'Département', en: 'Département' }, rank: 2, hasMap: true },
    ],
    vocabulary: { fr: { policy: 'chantier', policies: 'chantiers' }, en: { policy: 'project', policies: 'projects' } },
    weatherLevels: WEATHERS.concat('NOT_NEEDED').map((id) => ({ id, label: {}, tone: id.toLowerCase() })),
    commentTypes: [{ id: 'difficulty', label: { fr: 'Difficulté', en: 'Difficulty' } }, { id: 'success', label: { fr: 'Réussite', en: 'Success' } }],
    footerLinks: [{ label: { fr: 'Mentions légales', en: 'Legal notice' }, url: '/legal' }],
    demoMode: true, version: '0.1.0-fixture', modules: [],
  }),
  territories: ({ level, parentCode, search, first = 50 }) => {
    const nodes = [...territories.values()].filter((t) => (!level || t.level === level) && (!parentCode || t.parentCode === parentCode) && (!search || t.name.toLowerCase().includes(search.toLowerCase())));
    return { nodes: nodes.slice(0, first).map(withTerritoryFields), totalCount: nodes.length, endCursor: null, hasNextPage: nodes.length > first };
  },
  territory: ({ code }) => withTerritoryFields(territories.get(code)),
  taxonomies: () => taxonomies,
  home: ({ territoryCode, filter }) => {
    const t = territories.get(territoryCode);
    if (!t) throw new Error(`Unknown territory ${territoryCode}`);
    const ps = filterPolicies(filter, t);
    const rows = ps.map((p) => row(p, t));
    const wd = {}, ac = {};
    for (const r of rows) { const w = r.weather?.level ?? 'NOT_FILLED'; wd[w] = (wd[w] ?? 0) + 1; for (const a of r.alerts) ac[a.code] = (ac[a.code] ?? 0) + 1; }
    const g = stats(rows.map((r) => r.globalRate.value), `stats:${t.code}:global`);
    const peerMeans = peersOf(t).map((x) => stats(ps.map((p) => rateOf(p.id, x.code, 'global')), null).value).filter((v) => v !== null);
    return {
      territory: withTerritoryFields(t),
      globalRate: { ...g, min: peerMeans.length > 1 ? Math.min(...peerMeans) : g.min, median: peerMeans.length > 1 ? median(peerMeans) : g.median, max: peerMeans.length > 1 ? Math.max(...peerMeans) : g.max },
      annualRate: stats(rows.map((r) => r.annualRate.value), `stats:${t.code}:annual`),
      weatherDistribution: Object.entries(wd).map(([level, count]) => ({ level, count })),
      alertCounts: Object.entries(ac).map(([code, count]) => ({ code, count })),
      policies: rows, map: mapOf(t, ps),
    };
  },
  policy: ({ id }) => policyById.get(id),
  policyAt: ({ policyId, territoryCode }) => {
    const p = policyById.get(policyId), t = territories.get(territoryCode);
    if (!p || !t) return null;
    const r = row(p, t);
    const kids = CHILD_LEVEL[t.level] ? childrenOf(t.code) : [];
    return {
      ...r, territory: withTerritoryFields(t), alerts: r.alerts,
      weather: r.weather && { ...r.weather, synthesis: 'Le déploiement progresse conformément au calendrier.\nDeux points de vigilance : recrutements et foncier.' },
      weatherHistory: [{ level: 'CLOUDY', synthesis: 'Retards de livraison.', date: '2025-06-30', author: 'Préfecture' }, { level: 'RAINY', synthesis: 'Démarrage difficile.', date: '2025-03-31', author: 'Préfecture' }],
      comments: [{ id: 'c1', type: 'difficulty', body: 'Difficultés de recrutement dans le secteur.', date: '2025-10-01', author: 'A. Martin' }],
      objectives: [{ id: 'o1', type: 'objective', body: 'Atteindre 80 % de couverture fin 2026.', date: '2025-01-15', author: 'Direction' }],
      decisions: [],
      indicators: p.indicators.map((ind) => indicatorAt(ind, t)),
      childRates: kids.map((k) => ({ code: k.code, name: k.name, level: k.level, value: rateOf(p.id, k.code, 'global') })),
      childWeather: [],
    };
  },
  indicatorSeries: ({ indicatorId, territoryCode }) => {
    const p = policies.find((x) => x.indicators.some((i) => i.id === indicatorId));
    const ind = p.indicators.find((i) => i.id === indicatorId);
    const at = indicatorAt(ind, territories.get(territoryCode));
    const points = [{ date: at.initial.date, value: at.initial.value, kind: 'VI' }];
    for (let q = 1; q <= 15; q++) {
      const d = new Date(Date.UTC(2022, q * 3, 0)).toISOString().slice(0, 10);
      points.push({ date: d, value: round(at.initial.value + (at.current.value - at.initial.value) * (q / 15) + (hash(`${indicatorId}${q}`) - 0.5) * 10), kind: 'VA' });
    }
    return { indicator: ind, territory: territories.get(territoryCode), points, targets: [{ date: '2025-12-31', value: at.annualTarget.value, kind: 'VC_INTERMEDIATE' }, { date: '2027-12-31', value: at.globalTarget.value, kind: 'VC' }], children: [] };
  },
  territoryView: ({ code }) => {
    const t = territories.get(code);
    if (!t) return null;
    const parent = territories.get(t.parentCode);
    return {
      territory: t, parent, rates: policies.map((p) => row(p, t)),
      roadmap: policies.filter((p) => hash(p.id + code + 'rm') < 0.4).map((p) => ({ policy: p, objective: 'Objectif local défini avec les élus.' })),
      peers: peersOf(t).filter((x) => x.code !== code).map((x) => ({ code: x.code, name: x.name, level: x.level, value: stats(policies.map((p) => rateOf(p.id, x.code, 'global')), null).value })),
      parentRate: parent ? stats(policies.map((p) => rateOf(p.id, parent.code, 'global')), `stats:${parent.code}:global`) : null,
    };
  },
  explanation: ({ id }) => {
    const [type, a, code, kind] = id.split(':');
    const t = territories.get(code) ?? territories.get(a);
    if (type === 'rate') {
      const p = policyById.get(a);
      return {
        id, ruleId: 'policy-rate.weighted-mean', title: `Taux ${kind === 'annual' ? 'annuel' : 'global'} : ${p.name} (${t.name})`,
        formula: 'Σ (poids × taux de l\'indicateur) / Σ poids', value: rateOf(a, code, kind), reason: null,
        inputs: p.indicators.map((ind) => ({ role: 'indicator', label: ind.name, value: rateOf(ind.id, code, kind), date: '2025-09-30', provenance: 'computed', territoryCode: code, territoryName: t.name, indicatorId: ind.id, weight: ind.weight(), ref: `ind:${ind.id}:${code}:${kind}` })),
      };
    }
    if (type === 'ind') {
      const p = policies.find((x) => x.indicators.some((i) => i.id === a));
      const at = indicatorAt(p.indicators.find((i) => i.id === a), t);
      return {
        id, ruleId: 'indicator-rate.rising', title: `Taux ${kind === 'annual' ? 'annuel' : 'global'} de l'indicateur`,
        formula: '100 × (VA − VI) / (VC − VI), borné à [0, 100]', value: rateOf(a, code, kind), reason: null,
        inputs: [['VI', at.initial], ['VA', at.current], ['VC', kind === 'annual' ? at.annualTarget : at.globalTarget]].map(([role, v]) => ({ role, label: role, value: v.value, date: v.date, provenance: v.provenance, territoryCode: code, territoryName: t.name })),
      };
    }
    if (type === 'stats') {
      return { id, ruleId: 'territory-rate.mean', title: `Moyenne des taux : ${t.name}`, formula: 'moyenne des taux globaux des politiques listées', value: null, reason: null,
        inputs: policies.map((p) => ({ role: 'policy', label: p.name, value: rateOf(p.id, a, kind ?? 'global'), date: '2025-09-30', provenance: 'computed', territoryCode: a, territoryName: t.name, weight: 1, ref: `rate:${p.id}:${a}:${code}` })) };
    }
    return null;
  },
};

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon' };

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/health') return res.end('{"status":"ok"}');
  if (url.pathname === '/graphql' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { query, variables, operationName } = JSON.parse(body || '{}');
    if (process.env.FIXTURE_DELAY) await new Promise((r) => setTimeout(r, Number(process.env.FIXTURE_DELAY)));
    const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables, operationName });
    if (result.errors) console.error(result.errors.map((e) => e.message).join('\n'));
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify(result));
  }
  let file = normalize(join(dist, decodeURIComponent(url.pathname)));
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  if (!existsSync(file)) { res.statusCode = 404; return res.end('Build the web app first: npx nx run web:build'); }
  res.setHeader('content-type', MIME[extname(file)] ?? 'application/octet-stream');
  res.end(readFileSync(file));
}).listen(PORT, () => console.log(`PILOTE fixture server on http://localhost:${PORT} (theme ${THEME})`));
