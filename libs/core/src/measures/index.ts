export * from './measure.types';
export * from './write-measures';
