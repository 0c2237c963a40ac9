export * from './public.types';
export * from './public-read-model';
export * from './public.resolver';
export * from './public-data.controller';
export * from './embed.controller';
export * from './public-snapshot';
export * from './public-catalogue';
