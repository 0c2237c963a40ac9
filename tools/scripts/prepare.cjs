// Runs after `npm ci`: nothing to do yet (kept so that `npm ci` stays a single command).
