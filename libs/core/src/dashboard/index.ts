export * from './dashboard.types';
export * from './detail.types';
export * from './home.service';
export * from './policy-detail.service';
export * from './explanation.service';
export * from './series.service';
export * from './territory.service';
export * from './dashboard.resolver';
