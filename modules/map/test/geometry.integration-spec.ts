import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testInstance } from '@pilote/core/testing';
import { startTestKit, type TestKit } from '@pilote/module-sdk/testing';
import map from '../src/server';

// Tiles with real codes: three EPCI of Finistère (D29), one code unknown to the referential,
// one EPCI of Indre-et-Loire (D37); the communes of Brest Métropole as TopoJSON.
const tile = (x: number, y: number, size = 0.1) => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
const epci = {
  type: 'FeatureCollection',
  note: 'test tiles',
  features: [
    ['242900314', -4.5, 48.4], ['242900074', -4.7, 48.4], ['242900553', -4.5, 48.6], ['999999999', 0, 45], ['243700754', 0.7, 47.4],
  ].map(([code, x, y]) => ({ type: 'Feature', properties: { CODE_SIREN: code }, geometry: { type: 'Polygon', coordinates: tile(Number(x), Number(y)) } })),
};
const brest = ['29011', '29019', '29061', '29069', '29075', '29189', '29212', '29235'];
const communes = {
  type: 'Topology',
  objects: { COMMUNE: { type: 'GeometryCollection', geometries: brest.map((code, i) => ({ type: 'Polygon', arcs: [[i]], properties: { INSEE_COM: code } })) } },
  arcs: brest.map((_, i) => tile(-4.6 + (i % 4) * 0.05, 48.35 + Math.floor(i / 4) * 0.05, 0.05)[0]),
};
// Départements keyed by a custom property (set in the settings), the third one without it.
const departments = {
  type: 'FeatureCollection',
  features: [{ DEP: '29' }, { DEP: '22' }, { NAME: 'Morbihan' }].map((properties, i) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: tile(-4 + i, 48) } })),
};

describe('map module: geometry endpoint', () => {
  let kit: TestKit;
  let directory: string;
  const api = (pathname: string, headers: Record<string, string> = {}) => fetch(`${kit.url}/api/v1/modules/map/${pathname}`, { headers });
  const json = async (pathname: string) => {
    const response = await api(pathname);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { areas: { code: string; d: string }[] } };
  };

  beforeAll(async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'pilote-map-'));
    mkdirSync(path.join(directory, 'data/geometry'), { recursive: true });
    writeFileSync(path.join(directory, 'data/geometry/epci.geojson'), JSON.stringify(epci));
    writeFileSync(path.join(directory, 'data/geometry/com.topojson'), JSON.stringify(communes));
    writeFileSync(path.join(directory, 'departements.json'), JSON.stringify(departments));
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    kit = await startTestKit({
      instance: testInstance({}, directory),
      modules: [{ manifest: map, settings: { geometry: { DEPT: { file: 'departements.json', codeProperty: 'DEP' } } } }],
    });
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await kit?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lists the levels that have a geometry file, by convention or by settings', async () => {
    const { status, body } = await json('geometry');
    expect(status).toBe(200);
    expect(body.levels).toEqual([
      { level: 'NAT', file: 'data/geometry/nat.geojson', available: false },
      { level: 'REG', file: 'data/geometry/reg.geojson', available: false },
      { level: 'DEPT', file: 'departements.json', available: true },
      { level: 'EPCI', file: 'data/geometry/epci.geojson', available: true },
      { level: 'COM', file: 'data/geometry/com.topojson', available: true },
    ]);
  });

  it('answers the EPCI within a département, projected, with the kit codes, and counts unknown codes', async () => {
    const { status, body } = await json('geometry/EPCI?within=D29');
    expect(status).toBe(200);
    expect(body.areas.map((a) => a.code).sort()).toEqual(['E242900074', 'E242900314', 'E242900553']);
    expect(body).toMatchObject({ level: 'EPCI', file: 'data/geometry/epci.geojson', note: 'test tiles', unknownCodes: 1 });
    expect(body.viewBox).toMatch(/^0 0 600 \d+$/);
    for (const area of body.areas) expect(area.d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+Z$/);
    const everywhere = await json('geometry/EPCI');
    expect(everywhere.body.areas.map((a) => a.code).sort()).toEqual(['E242900074', 'E242900314', 'E242900553', 'E243700754']);
  });

  it('answers the communes of an EPCI from a TopoJSON file, and only the codes asked for', async () => {
    const { body } = await json('geometry/COM?within=E242900314');
    expect(body.areas.map((a) => a.code).sort()).toEqual(brest.map((code) => `C${code}`));
    const two = await json('geometry/COM?codes=C29019,C29075,C35238');
    expect(two.body.areas.map((a) => a.code)).toEqual(['C29019', 'C29075']);
    const none = await json('geometry/COM?within=D37');
    expect(none.body.areas).toEqual([]);
  });

  it('answers the territories of a perimeter (a contract grouping EPCI) through its members', async () => {
    const db = kit.server.context.dataSource;
    await db.query(`INSERT INTO territory (code, level, name) VALUES ('CRTE-TEST', 'CRTE', 'Contrat de test')`);
    await db.query(`INSERT INTO territory_membership (perimeter_code, member_code) VALUES ('CRTE-TEST', 'E242900314'), ('CRTE-TEST', 'E242900074')`);
    expect((await json('geometry/EPCI?within=CRTE-TEST')).body.areas.map((a) => a.code).sort()).toEqual(['E242900074', 'E242900314']);
    expect((await json('geometry/COM?within=CRTE-TEST')).body.areas.map((a) => a.code).sort()).toEqual(brest.map((code) => `C${code}`));
  });

  it('recounts the unknown codes when territories are written (by any process: the data revision moved), and the ETag follows', async () => {
    const before = await api('geometry/EPCI');
    const etag = before.headers.get('etag') as string;
    expect(((await before.json()) as { unknownCodes: number }).unknownCodes).toBe(1);
    // As an import on another replica would: a plain write through the database, not through this module.
    await kit.server.context.dataSource.query(`INSERT INTO territory (code, level, name, insee_code) VALUES ('E999999999', 'EPCI', 'EPCI de test', '999999999')`);
    const after = await api('geometry/EPCI', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    const body = (await after.json()) as { unknownCodes: number; areas: { code: string }[] };
    expect(body.unknownCodes).toBe(0);
    expect(body.areas.map((area) => area.code)).toContain('E999999999');
    await kit.server.context.dataSource.query(`DELETE FROM territory WHERE code = 'E999999999'`);
    expect(((await (await api('geometry/EPCI')).json()) as { unknownCodes: number }).unknownCodes).toBe(1);
  });

  it('sends an ETag and answers 304 when the client has the same geometry', async () => {
    const first = await api('geometry/EPCI?within=D29');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await api('geometry/EPCI?within=D29', { 'if-none-match': etag as string });
    expect(again.status).toBe(304);
    const other = await api('geometry/EPCI?within=D37', { 'if-none-match': etag as string });
    expect(other.status).toBe(200);
  });

  it('names the file and the feature of a bad file, without a stack trace', async () => {
    const { status, body } = await json('geometry/DEPT');
    expect(status).toBe(422);
    expect(body.message).toBe("departements.json: 1 problem(s):\n  features[2] has no property DEP (the territory code; set codeProperty in the map module's settings).");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says which file is missing, which level or territory is unknown', async () => {
    const missing = await json('geometry/REG');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe("No geometry for level REG: put a GeoJSON or TopoJSON file at data/geometry/reg.geojson (see the map module's README).");
    const level = await json('geometry/CANTON');
    expect([level.status, level.body.message]).toEqual([404, 'Unknown level "CANTON" (levels of this instance: NAT, REG, DEPT, EPCI, COM).']);
    const within = await json('geometry/EPCI?within=D999');
    expect([within.status, within.body.message]).toEqual([404, 'within: no territory "D999".']);
  });

  it('is readable anonymously through the default grant, and refused once an admin removes it', async () => {
    await kit.server.context.dataSource.query(`UPDATE role SET permissions = '[{"action":"read","subject":"Instance"},{"action":"read","subject":"Dashboard"}]'::jsonb WHERE id = 'public'`);
    const refused = await api('geometry/EPCI?within=D29');
    expect(refused.status).toBe(401);
  });
});
