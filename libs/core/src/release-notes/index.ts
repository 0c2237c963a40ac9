export * from './parse-changelog';
export * from './release-notes.service';
export * from './release-notes.resolver';
