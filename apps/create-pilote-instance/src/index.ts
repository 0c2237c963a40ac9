export * from './scaffold-instance';
export * from './instance-templates';
