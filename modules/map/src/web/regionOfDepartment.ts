import departments from '@etalab/decoupage-administratif/data/departements.json';
import type { RegionOfDepartment } from '../common/department-values';

/** Département → région, from the official referential (10 kB of JSON, loaded with this module only). */
export const regionOfDepartment: RegionOfDepartment = Object.fromEntries((departments as { code: string; region: string }[]).map((d) => [d.code, d.region]));
