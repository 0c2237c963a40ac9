import { Controller, Get, Header } from '@nestjs/common';
import { piloteMeasuresSchema } from '../schema/pilote-schema';

/** Published Table Schemas, so that producers validate their files with any Frictionless tool. */
@Controller('api/v1/schemas')
export class SchemasController {
  @Get('pilote-measures.json')
  @Header('content-type', 'application/schema+json; charset=utf-8')
  piloteMeasures() {
    return piloteMeasuresSchema;
  }
}
