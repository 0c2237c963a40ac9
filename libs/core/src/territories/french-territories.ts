import { NATIONAL_CODE, type TerritoryRecord } from './territory.types';

interface RegionRow { code: string; nom: string; zone: string }
interface DepartementRow { code: string; nom: string; region: string; zone: string }
interface EpciRow { code: string; nom: string; membres: { code: string }[] }
interface CommuneRow { code: string; nom: string; type: string; departement: string; region: string; zone: string; population?: number }

const dataPath = '@etalab/decoupage-administratif/data';

/**
 * The French administrative referential (COG) as territory records: the nation, régions and
 * départements (metropolitan and overseas, without the overseas collectivities PILOTE does not
 * cover), and, when asked, EPCI and communes. Populations are summed up from communes.
 */
export function buildFrenchTerritories(levels: readonly string[], regionFilter?: readonly string[]): TerritoryRecord[] {
  // Required lazily: communes.json is 8 MB and only the seed needs it.
  const regions = (require(`${dataPath}/regions.json`) as RegionRow[]).filter((r) => r.zone !== 'com');
  const departements = (require(`${dataPath}/departements.json`) as DepartementRow[]).filter((d) => d.zone !== 'com');
  const communes = (require(`${dataPath}/communes.json`) as CommuneRow[]).filter(
    (c) => c.type === 'commune-actuelle' && c.zone !== 'com',
  );
  const keepRegion = (code: string) => !regionFilter || regionFilter.includes(code);
  const wants = (level: string) => levels.includes(level);

  const populationByDept = new Map<string, number>();
  const populationByRegion = new Map<string, number>();
  let nationalPopulation = 0;
  for (const commune of communes) {
    const population = commune.population ?? 0;
    populationByDept.set(commune.departement, (populationByDept.get(commune.departement) ?? 0) + population);
    populationByRegion.set(commune.region, (populationByRegion.get(commune.region) ?? 0) + population);
    nationalPopulation += population;
  }

  const records: TerritoryRecord[] = [
    { code: NATIONAL_CODE, level: 'NAT', name: 'France', parentCode: null, population: nationalPopulation, inseeCode: null, ancestors: [] },
  ];
  const regionCodes = new Set<string>();
  if (wants('REG')) {
    for (const region of regions.filter((r) => keepRegion(r.code))) {
      regionCodes.add(region.code);
      records.push({
        code: `R${region.code}`, level: 'REG', name: region.nom, parentCode: NATIONAL_CODE,
        population: populationByRegion.get(region.code) ?? null, inseeCode: region.code, ancestors: [NATIONAL_CODE],
      });
    }
  }
  const regionAncestors = (regionCode: string) => (wants('REG') ? [`R${regionCode}`, NATIONAL_CODE] : [NATIONAL_CODE]);
  const deptAncestors = (dept: string, region: string) => (wants('DEPT') ? [`D${dept}`, ...regionAncestors(region)] : regionAncestors(region));
  const deptRegion = new Map(departements.map((d) => [d.code, d.region]));
  if (wants('DEPT')) {
    for (const dept of departements.filter((d) => keepRegion(d.region))) {
      const ancestors = regionAncestors(dept.region);
      records.push({
        code: `D${dept.code}`, level: 'DEPT', name: dept.nom, parentCode: ancestors[0],
        population: populationByDept.get(dept.code) ?? null, inseeCode: dept.code, ancestors,
      });
    }
  }
  const keptCommunes = communes.filter((c) => keepRegion(c.region));
  const communeByCode = new Map(keptCommunes.map((c) => [c.code, c]));
  const epciOfCommune = new Map<string, string>();
  if (wants('EPCI')) {
    const epcis = require(`${dataPath}/epci.json`) as EpciRow[];
    for (const epci of epcis) {
      const members = epci.membres.map((m) => communeByCode.get(m.code)).filter((c): c is CommuneRow => Boolean(c));
      if (members.length === 0) continue;
      // An EPCI can span départements: it hangs under the one holding most of its population.
      const deptPopulation = new Map<string, number>();
      for (const member of members) deptPopulation.set(member.departement, (deptPopulation.get(member.departement) ?? 0) + (member.population ?? 0));
      const mainDept = [...deptPopulation.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const ancestors = deptAncestors(mainDept, deptRegion.get(mainDept) ?? members[0].region);
      records.push({
        code: `E${epci.code}`, level: 'EPCI', name: epci.nom, parentCode: ancestors[0],
        population: members.reduce((sum, m) => sum + (m.population ?? 0), 0), inseeCode: epci.code, ancestors,
      });
      for (const member of members) epciOfCommune.set(member.code, `E${epci.code}`);
    }
  }
  if (wants('COM')) {
    for (const commune of keptCommunes) {
      const epci = epciOfCommune.get(commune.code);
      const ancestors = [...(epci ? [epci] : []), ...deptAncestors(commune.departement, commune.region)];
      records.push({
        code: `C${commune.code}`, level: 'COM', name: commune.nom, parentCode: ancestors[0],
        population: commune.population ?? null, inseeCode: commune.code, ancestors,
      });
    }
  }
  return records;
}
