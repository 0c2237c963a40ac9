export * from './csv-writer';
export * from './open-data.controller';
export * from './openapi-document';
