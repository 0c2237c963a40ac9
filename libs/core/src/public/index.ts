export * from './public.types';
export * from './public-read-model';
export * from './public.resolver';
export * from './public-data.controller';
