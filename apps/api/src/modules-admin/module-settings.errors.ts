import { IntrinsicException } from '@nestjs/common';
import type { SettingsIssue } from '@pilote/module-sdk/server';

/** An expected refusal: Apollo copies `extensions` into the GraphQL error; Nest does not log it as a crash. */
export class ModuleSettingsError extends IntrinsicException {
  constructor(
    message: string,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ModuleSettingsError';
  }
}

/** Every problem at once, each with the settings key it is about (the form shows it on that field). */
export function invalidSettings(moduleId: string, issues: SettingsIssue[]): ModuleSettingsError {
  const count = issues.length;
  const list = issues.map((issue) => `${issue.path || '(settings)'}: ${issue.message}`).join('; ');
  return new ModuleSettingsError(`The settings of module "${moduleId}" are not valid (${count} problem${count > 1 ? 's' : ''}): ${list}`, {
    code: 'BAD_USER_INPUT',
    field: 'settings',
    issues,
  });
}

export function unknownModule(moduleId: string): ModuleSettingsError {
  return new ModuleSettingsError(`No enabled module has the id "${moduleId}".`, { code: 'NOT_FOUND', field: 'moduleId' });
}
