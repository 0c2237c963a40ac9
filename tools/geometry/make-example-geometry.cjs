#!/usr/bin/env node
// Builds an example instance's commune and EPCI maps from real boundaries: IGN ADMIN EXPRESS COG
// communes (GeoJSON with `code` and `nom`, e.g. ../shared/data/geometry) →
//   <out>/com.topojson   object COMMUNE, property INSEE_COM (today's COG code) and NOM
//   <out>/epci.topojson  object EPCI, property CODE_SIREN and NOM: the union of the member communes
// Codes follow @etalab/decoupage-administratif (the referential the kit seeds territories from):
// a commune merged since the source's edition is the union of the source features of its code and
// of its `anciensCodes`; an EPCI is written only when every member commune has a shape (never a
// partial outline). Unions and simplification are topological (topojson-server, topojson-client's
// mergeArcs, topojson-simplify), so neighbours keep one shared border and no sliver appears.
//
//   node tools/geometry/make-example-geometry.cjs <out folder> <source.geojson>... [--keep 0.35] [--credit "…"]
//
// Prints what it wrote (counts, bytes) and every territory it left out with the reason.
const fs = require('node:fs');
const path = require('node:path');
const { topology } = require('topojson-server');
const { mergeArcs, quantize } = require('topojson-client');
const { presimplify, simplify, quantile } = require('topojson-simplify');

const DEFAULT_CREDIT = 'IGN – ADMIN EXPRESS COG 2018 (Licence Ouverte / Etalab), simplifié';
const data = (name) => require(`@etalab/decoupage-administratif/data/${name}.json`);

function parseArgs(argv) {
  const options = { out: null, sources: [], keep: 0.35, credit: DEFAULT_CREDIT };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = Number(argv[(i += 1)]);
    else if (arg === '--credit') options.credit = argv[(i += 1)];
    else if (options.out === null) options.out = arg;
    else options.sources.push(arg);
  }
  if (!options.out || options.sources.length === 0 || !(options.keep > 0 && options.keep <= 1)) {
    throw new Error('usage: make-example-geometry.cjs <out folder> <source.geojson>... [--keep 0..1] [--credit "…"]');
  }
  return options;
}

/** Source features by code (a code present in two sources, e.g. Finistère and Bretagne, is read once). */
function readSources(files) {
  const byCode = new Map();
  for (const file of files) {
    const collection = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const feature of collection.features) {
      const code = String(feature.properties.code);
      if (!byCode.has(code)) byCode.set(code, { type: 'Feature', properties: { code }, geometry: feature.geometry });
    }
  }
  return byCode;
}

/** Keeps only the arcs the objects use, renumbered (arc -1 - i is arc i reversed). */
function prune(topo, objects) {
  const used = new Map();
  const remap = (arcs) => (typeof arcs[0] === 'number'
    ? arcs.map((arc) => {
      const index = arc < 0 ? ~arc : arc;
      if (!used.has(index)) used.set(index, used.size);
      return arc < 0 ? ~used.get(index) : used.get(index);
    })
    : arcs.map(remap));
  const renumbered = Object.fromEntries(Object.entries(objects).map(([name, collection]) => [name, {
    type: 'GeometryCollection',
    geometries: collection.geometries.map((g) => ({ ...g, arcs: remap(g.arcs) })),
  }]));
  const arcs = [...used.keys()].map((index) => topo.arcs[index]);
  return { type: 'Topology', objects: renumbered, arcs };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const sources = readSources(options.sources);
  const communes = data('communes').filter((c) => c.type === 'commune-actuelle');
  const epcis = data('epci');

  // Today's communes and the source codes that make each of them.
  const parts = new Map();
  for (const commune of communes) {
    const codes = [commune.code, ...(commune.anciensCodes ?? [])].filter((code) => sources.has(code));
    if (codes.length > 0) parts.set(commune.code, { commune, codes });
  }
  const claimed = new Set([...parts.values()].flatMap((p) => p.codes));
  const orphans = [...sources.keys()].filter((code) => !claimed.has(code));

  // One topology of the source features, quantized (1e5 steps over the extent ≈ 5 m here).
  const names = [...sources.keys()];
  const indexOf = new Map(names.map((code, i) => [code, i]));
  const topo = topology({ source: { type: 'FeatureCollection', features: names.map((code) => sources.get(code)) } }, 1e5);
  const sourceGeometries = topo.objects.source.geometries;
  const union = (codes) => mergeArcs(topo, codes.map((code) => sourceGeometries[indexOf.get(code)]));

  const communeGeometries = [...parts.values()]
    .sort((a, b) => a.commune.code.localeCompare(b.commune.code))
    .map(({ commune, codes }) => ({ ...union(codes), properties: { INSEE_COM: commune.code, NOM: commune.nom } }));

  const left = [];
  const epciGeometries = [];
  for (const epci of [...epcis].sort((a, b) => a.code.localeCompare(b.code))) {
    const members = epci.membres.map((m) => m.code);
    const drawn = members.filter((code) => parts.has(code));
    if (drawn.length === 0) continue;
    if (drawn.length < members.length) {
      left.push(`EPCI ${epci.code} ${epci.nom}: ${members.length - drawn.length} of ${members.length} member communes have no shape in the sources (${members.filter((c) => !parts.has(c)).slice(0, 5).join(', ')}…)`);
      continue;
    }
    epciGeometries.push({ ...union(drawn.flatMap((code) => parts.get(code).codes)), properties: { CODE_SIREN: epci.code, NOM: epci.nom } });
  }

  // Topology-preserving simplification (spherical triangle areas): keep the `keep` share of points.
  const weighted = presimplify({ ...topo, objects: { COMMUNE: { type: 'GeometryCollection', geometries: communeGeometries }, EPCI: { type: 'GeometryCollection', geometries: epciGeometries } } });
  const simplified = simplify(weighted, quantile(weighted, options.keep));

  fs.mkdirSync(options.out, { recursive: true });
  const note = options.credit;
  const written = [];
  for (const [file, object] of [['com.topojson', 'COMMUNE'], ['epci.topojson', 'EPCI']]) {
    const pruned = quantize(prune(simplified, { [object]: simplified.objects[object] }), 1e5);
    const text = `${JSON.stringify({ type: 'Topology', credit: note, ...pruned })}\n`;
    fs.writeFileSync(path.join(options.out, file), text);
    written.push(`${file}: ${pruned.objects[object].geometries.length} ${object}, ${pruned.arcs.length} arcs, ${text.length} bytes`);
  }
  console.log(written.join('\n'));
  console.log(`source features: ${sources.size}; today's communes drawn: ${communeGeometries.length}; source codes no commune of today claims: ${orphans.length}${orphans.length ? ` (${orphans.join(', ')})` : ''}`);
  if (left.length > 0) console.log(`left out (no partial outline is drawn):\n  ${left.join('\n  ')}`);
}

main();
