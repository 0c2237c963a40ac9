import { CreateTerritories1764000000000 } from './1764000000000-create-territories.migration';
import { CreateReferential1764000000100 } from './1764000000100-create-referential.migration';
import { CreateMeasures1764000000200 } from './1764000000200-create-measures.migration';
import { CreateQualitative1764000000300 } from './1764000000300-create-qualitative.migration';

/** Core migrations in order; modules' migrations run after these, in dependency order. */
export const coreMigrations = [
  CreateTerritories1764000000000,
  CreateReferential1764000000100,
  CreateMeasures1764000000200,
  CreateQualitative1764000000300,
];
