import type { LocalizedName, SettingsForm, SettingsIssue } from '@pilote/module-sdk/web';
import { GraphQLRequestError } from '../../api/graphql';

/** A module as the admin query returns it. */
export interface EnabledModule {
  id: string;
  version: string;
  displayName: LocalizedName;
  description: LocalizedName | null;
  settings: Record<string, unknown>;
  overrides: Record<string, unknown> | null;
  hasOverrides: boolean;
  restartNeeded: boolean;
  settingsForm: SettingsForm | null;
  publicSettings: Record<string, unknown>;
}

const FIELDS = 'id version displayName description settings overrides hasOverrides restartNeeded settingsForm publicSettings';
export const MODULES_QUERY = `query AdminModules { modules { ${FIELDS} } }`;
export const UPDATE_MODULE_SETTINGS = `mutation UpdateModuleSettings($moduleId: String!, $settings: JSON!) { updateModuleSettings(moduleId: $moduleId, settings: $settings) { ${FIELDS} } }`;
export const RESET_MODULE_SETTINGS = `mutation ResetModuleSettings($moduleId: String!) { resetModuleSettings(moduleId: $moduleId) { ${FIELDS} } }`;

/** The per-field problems of a BAD_USER_INPUT answer (`extensions.issues`); empty for any other error. */
export function settingsIssuesOf(error: unknown): SettingsIssue[] {
  if (!(error instanceof GraphQLRequestError)) return [];
  return (error.errors ?? []).flatMap((item) => {
    const extensions = item.extensions as { code?: string; issues?: SettingsIssue[] } | undefined;
    return extensions?.code === 'BAD_USER_INPUT' && Array.isArray(extensions.issues) ? extensions.issues : [];
  });
}
