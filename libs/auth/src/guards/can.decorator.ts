import { SetMetadata } from '@nestjs/common';

// The declarations live in @pilote/core (pure metadata, importable by the core, libraries and
// modules); this library only enforces them. Re-exported so `import { Can } from '@pilote/auth'` works.
export { ACCESS_METADATA, type AccessSpec, Can, type CanSpec, Public, SignedIn, type TerritoryFrom, territoryArg } from '@pilote/core';

export const SKIP_CSRF_METADATA = 'pilote:skip-csrf';

/** For the few cookie-authenticated POSTs that must work without a CSRF header (login itself). */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF_METADATA, true);
