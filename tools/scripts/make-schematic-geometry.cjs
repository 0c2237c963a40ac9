#!/usr/bin/env node
// Writes SCHEMATIC geometry for an example instance: one square tile per territory, in a grid near
// its département, with real COG codes (@etalab/decoupage-administratif) and ADMIN EXPRESS property
// names. The tiles are not boundaries: they only let the example show EPCI and commune maps
// without shipping IGN files. Real instances use ADMIN EXPRESS (docs/operating/geometry.md).
//   node tools/scripts/make-schematic-geometry.cjs <output folder> <dept:lon:lat>... --communes-of <EPCI SIREN>
const fs = require('node:fs');
const path = require('node:path');

const NOTE = 'SCHEMATIC geometry, not real boundaries: one square tile per territory, placed in a grid near its département, '
  + 'with real COG codes. Replace it with IGN ADMIN EXPRESS (see docs/operating/geometry.md).';
const data = (name) => require(`@etalab/decoupage-administratif/data/${name}.json`);

function grid(items, [lon, lat], size) {
  const columns = Math.ceil(Math.sqrt(items.length));
  return items.map((item, index) => {
    const x = lon + (index % columns) * size * 1.1;
    const y = lat - Math.floor(index / columns) * size * 0.75;
    // Counter-clockwise exterior ring (RFC 7946); tiles are a little taller than wide once projected.
    return { item, ring: [[x, y], [x + size, y], [x + size, y + size * 0.7], [x, y + size * 0.7], [x, y]].map(([a, b]) => [round(a), round(b)]) };
  });
}
const round = (value) => Math.round(value * 1e5) / 1e5;

function main(argv) {
  const output = argv[0];
  const anchors = argv.slice(1).filter((arg) => /^\w+:-?[\d.]+:-?[\d.]+$/.test(arg)).map((arg) => arg.split(':'));
  const epciOfCommunes = argv[argv.indexOf('--communes-of') + 1];
  if (!output || anchors.length === 0 || !epciOfCommunes) throw new Error('usage: make-schematic-geometry.cjs <folder> <dept:lon:lat>... --communes-of <SIREN>');
  const communes = new Map(data('communes').filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
  const epcis = data('epci');
  const departmentOf = (epci) => {
    const count = new Map();
    for (const member of epci.membres) {
      const dept = communes.get(member.code)?.departement;
      if (dept) count.set(dept, (count.get(dept) ?? 0) + 1);
    }
    return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const epciFeatures = anchors.flatMap(([dept, lon, lat]) => grid(epcis.filter((e) => departmentOf(e) === dept).sort((a, b) => a.code.localeCompare(b.code)), [Number(lon), Number(lat)], 0.12)
    .map(({ item, ring }) => ({ type: 'Feature', properties: { CODE_SIREN: item.code, NOM: item.nom, INSEE_DEP: dept }, geometry: { type: 'Polygon', coordinates: [ring] } })));
  fs.mkdirSync(output, { recursive: true });
  fs.writeFileSync(path.join(output, 'epci.geojson'), `${JSON.stringify({ type: 'FeatureCollection', note: NOTE, features: epciFeatures })}\n`);

  // Communes as TopoJSON (one arc per tile, not quantized): the example reads both formats.
  const epci = epcis.find((e) => e.code === epciOfCommunes);
  const members = epci.membres.map((m) => communes.get(m.code)).filter(Boolean).sort((a, b) => a.code.localeCompare(b.code));
  const centre = epciFeatures.find((f) => f.properties.CODE_SIREN === epciOfCommunes)?.geometry.coordinates[0][0] ?? [0, 45];
  const tiles = grid(members, [centre[0] - 0.02, centre[1] - 0.4], 0.05);
  const topology = {
    type: 'Topology',
    note: NOTE,
    objects: {
      COMMUNE: {
        type: 'GeometryCollection',
        geometries: tiles.map(({ item }, index) => ({ type: 'Polygon', arcs: [[index]], properties: { INSEE_COM: item.code, NOM: item.nom, SIREN_EPCI: epciOfCommunes, INSEE_DEP: item.departement } })),
      },
    },
    arcs: tiles.map(({ ring }) => ring),
  };
  fs.writeFileSync(path.join(output, 'com.topojson'), `${JSON.stringify(topology)}\n`);
  process.stdout.write(`${output}: ${epciFeatures.length} EPCI tiles, ${tiles.length} commune tiles of ${epci.nom}\n`);
}

main(process.argv.slice(2));
