import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@pilote/core';
import { piloteMeasuresSchema } from '../schema/pilote-schema';

/** Published Table Schemas, so that producers validate their files with any Frictionless tool. */
@Controller('api/v1/schemas')
export class SchemasController {
  @Get('pilote-measures.json')
  @Public('the Table Schema of the import file format: no data')
  @Header('content-type', 'application/schema+json; charset=utf-8')
  piloteMeasures() {
    return piloteMeasuresSchema;
  }
}
