import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { SchemasController } from './schemas.controller';

/** REST endpoints of imports; needs the kit context that `CoreModule.forRoot` provides globally. */
@Module({ controllers: [ImportsController, SchemasController] })
export class ImportModule {}
