import type { KitContext } from '../boot/kit-context';
import { buildFrenchTerritories } from '../territories/french-territories';
import { upsertTerritories } from '../territories/territory-writer';

/** First start: territories, then the instance's referential and demo data, in one transaction. */
export async function seedInstance(context: KitContext, log: (line: string) => void): Promise<void> {
  const config = context.instance.config;
  const started = Date.now();
  await context.dataSource.transaction(async (manager) => {
    const levels = config.territories.levels ?? config.territoryLevels.map((level) => level.id);
    const territories = buildFrenchTerritories(levels, config.territories.regions);
    await upsertTerritories(manager, territories);
    log(`Territories: ${territories.length}`);
  });
  log(`First-start seed done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
