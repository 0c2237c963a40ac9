import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFrenchTerritories } from '../../libs/core/src/territories/french-territories';
import type { AreaFeature } from '../../modules/map/src/server/geometry/area-geometry';
import { matchFeatures, unknownCodes } from '../../modules/map/src/server/geometry/match-features';
import { parseGeometryFile } from '../../modules/map/src/server/geometry/parse-geometry-file';
import { projectAreas } from '../../modules/map/src/server/geometry/project-areas';
import anctCrte from '../../examples/anct-crte/pilote.config';

// The ANCT-like example's EPCI and commune maps are real boundaries (IGN ADMIN EXPRESS COG communes
// of Bretagne and Indre-et-Loire, EPCI = union of their communes), made by make-example-geometry.cjs.
const root = path.resolve(__dirname, '../..');
const instanceDir = path.join(root, 'examples/anct-crte');
const geometryDir = path.join(instanceDir, 'data/geometry');
const sourceDir = path.resolve(root, '../shared/data/geometry');
const sources = ['communes-bretagne.geojson', 'communes-37-indre-et-loire.geojson'];
/** The départements the source files cover: territories elsewhere have no shape (the map says so). */
const COVERED = new Set(['22', '29', '35', '56', '37']);

interface CommuneRow { code: string; type: string; departement: string }
interface EpciRow { code: string; membres: { code: string }[] }
const communes = (require('@etalab/decoupage-administratif/data/communes.json') as CommuneRow[]).filter((c) => c.type === 'commune-actuelle');
const epcis = require('@etalab/decoupage-administratif/data/epci.json') as EpciRow[];
const departmentOf = new Map(communes.map((c) => [c.code, c.departement]));

const read = (file: string, level: string) => parseGeometryFile(readFileSync(path.join(geometryDir, file), 'utf8'), { file: `data/geometry/${file}`, level });
const com = read('com.topojson', 'COM');
const epci = read('epci.topojson', 'EPCI');
const levels = anctCrte.territoryLevels.filter((l) => !('perimeter' in l && l.perimeter)).map((l) => l.id);
const territories = buildFrenchTerritories(levels, anctCrte.territories.regions);
const ofLevel = (level: string) => territories.filter((t) => t.level === level).map((t) => ({ code: t.code, insee_code: t.inseeCode }));

function expectDrawable(features: AreaFeature[]): number {
  const { areas, viewBox } = projectAreas(features);
  expect(viewBox).toMatch(/^-?\d+ -?\d+ 600 \d+$/);
  expect(areas).toHaveLength(features.length);
  const bad = areas.filter((area) => !/^M-?\d/.test(area.d) || /null|NaN|Infinity/.test(area.d) || !area.d.endsWith('Z'));
  expect(bad.map((area) => area.code)).toEqual([]);
  return JSON.stringify({ viewBox, areas }).length;
}

describe('examples/anct-crte: EPCI and commune maps from real boundaries', () => {
  it('gives a shape to every commune of the covered départements, and names no commune that is not a territory', () => {
    const all = ofLevel('COM');
    const covered = all.filter((t) => COVERED.has(departmentOf.get(t.insee_code ?? '') ?? ''));
    expect(covered.length).toBeGreaterThan(1400);
    const drawn = new Set(matchFeatures(com.features, covered).map((f) => f.code));
    expect(covered.filter((t) => !drawn.has(t.code)).map((t) => t.code)).toEqual([]);
    expect(unknownCodes(com.features, all)).toEqual([]);
  });

  it('gives a shape to every EPCI whose communes all lie in the covered départements, and to no other', () => {
    const all = ofLevel('EPCI');
    const membersOf = new Map(epcis.map((e) => [e.code, e.membres.map((m) => m.code)]));
    const inside = (code: string) => (membersOf.get(code) ?? []).every((member) => COVERED.has(departmentOf.get(member) ?? ''));
    const covered = all.filter((t) => inside(t.insee_code ?? ''));
    expect(covered.length).toBe(70);
    const drawn = new Set(matchFeatures(epci.features, all).map((f) => f.code));
    expect(covered.filter((t) => !drawn.has(t.code)).map((t) => t.code)).toEqual([]);
    // Redon Agglomération and Cap Atlantique reach into Loire-Atlantique (no source): no partial outline.
    expect([...drawn].filter((code) => !inside(code.slice(1)))).toEqual([]);
    expect(drawn.has('E243500741')).toBe(false);
    expect(unknownCodes(epci.features, all)).toEqual([]);
  });

  it('covers every EPCI and commune the example seeds values for or groups into a contract, in the covered départements', () => {
    const csv = readFileSync(path.join(instanceDir, 'data/values/valeurs-epci-communes.csv'), 'utf8');
    const perimeters = readFileSync(path.join(instanceDir, 'data/referential/perimeters.yaml'), 'utf8');
    const codes = new Set([...csv.matchAll(/;([EC]\d{5,9});/g), ...perimeters.matchAll(/\b(E\d{9})\b/g)].map((m) => m[1]));
    const drawn = new Set([...com.features, ...epci.features].map((f) => f.code));
    const inCovered = (code: string) => (code.startsWith('C')
      ? COVERED.has(departmentOf.get(code.slice(1)) ?? '')
      : (epcis.find((e) => e.code === code.slice(1))?.membres ?? []).every((m) => COVERED.has(departmentOf.get(m.code) ?? '')));
    const expected = [...codes].filter(inCovered);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.filter((code) => !drawn.has(code.slice(1)))).toEqual([]);
  });

  it('draws every map the dashboard asks for (communes of each département and EPCI, EPCI of each département) with no empty or "null" path, at a size a phone takes', () => {
    const sizes: Record<string, number> = {};
    for (const dept of COVERED) {
      sizes[`COM of D${dept}`] = expectDrawable(com.features.filter((f) => departmentOf.get(f.code) === dept));
      const epciOfDept = epci.features.filter((f) => departmentOf.get(epcis.find((e) => e.code === f.code)?.membres[0].code ?? '') === dept);
      sizes[`EPCI of D${dept}`] = expectDrawable(epciOfDept);
    }
    for (const feature of epci.features) {
      const members = new Set(epcis.find((e) => e.code === feature.code)?.membres.map((m) => m.code));
      expectDrawable(com.features.filter((f) => members.has(f.code)));
    }
    sizes['all EPCI'] = expectDrawable(epci.features);
    // Measured with keep 0.35 (tools/geometry/README.md): D29's 277 communes ≈ 120 kB of JSON (42 kB gzip).
    expect(Math.max(...Object.values(sizes))).toBeLessThan(200_000);
  });

  it('carries the credit line the licence asks for, and stays small enough to read at start', () => {
    for (const file of [com, epci]) {
      expect(file.credit).toContain('IGN – ADMIN EXPRESS COG 2018');
      expect(file.credit).toContain('Licence Ouverte');
    }
    expect(readFileSync(path.join(geometryDir, 'com.topojson')).length).toBeLessThan(600_000);
    expect(readFileSync(path.join(geometryDir, 'epci.topojson')).length).toBeLessThan(200_000);
  });

  (existsSync(path.join(sourceDir, sources[0])) ? it : it.skip)('is what tools/geometry/make-example-geometry.cjs makes from ../shared/data/geometry (reproducible)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pilote-geometry-'));
    try {
      execFileSync(process.execPath, [path.join(__dirname, 'make-example-geometry.cjs'), out, ...sources.map((s) => path.join(sourceDir, s))], { cwd: root });
      for (const file of ['com.topojson', 'epci.topojson']) {
        expect(readFileSync(path.join(out, file), 'utf8') === readFileSync(path.join(geometryDir, file), 'utf8')).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
