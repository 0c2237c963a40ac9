import { Module } from '@nestjs/common';
import { FicheBatchResolver } from './fiche-batch.resolver';
import { FichesController } from './fiches.controller';
import { FichesService } from './fiches.service';

/** PDF fiches printed by headless Chromium, one at a time or in batches (ADR 046). */
@Module({
  controllers: [FichesController],
  providers: [FichesService, FicheBatchResolver],
})
export class FichesModule {}
