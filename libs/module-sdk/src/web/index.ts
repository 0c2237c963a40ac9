// Web entry: what a module's browser part imports. Compiled by the web app's bundler, never by Node.
export * from '../common/localized-name';
export * from '../common/module-id';
export * from '../common/zones';
export * from '../common/data-frame';
export * from '../common/manifest.types';
export * from '../common/settings-form.types';
export * from '../common/shared-scope';
export * from '../common/define-module';
export * from './web-part.types';
export * from './visualisation-registry';
export * from './module-graphql';
export * from './localized';
export { setModuleSettings, useModuleSettings } from './module-settings-store';
export { Visualise, type VisualiseProps } from './Visualise';
// The kit's UI toolkit for modules: semantic theme tokens, formats and page states (modules import
// these from here, never from the kit's internal libraries).
export { useTokens, formatNumber, formatDate, formatRate, LoadingState, ErrorState, EmptyState, type ZoneWidgetProps as ZoneProps } from '@pilote/ui';
export { createNivoTheme, sequentialColor, sequentialSteps, type ThemeTokens } from '@pilote/theme-engine';
