import { AuthError } from '@pilote/auth';

/** Bad input: names the field; the GraphQL answer is BAD_USER_INPUT with `field`. */
export const invalid = (field: string, message: string) => new AuthError(400, 'BAD_USER_INPUT', message, field);

/** A step that the item's state does not allow (someone else moved it first, or the wrong order). */
export const conflict = (code: string, message: string) => new AuthError(409, code, message);
