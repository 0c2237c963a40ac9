import semver from 'semver';
import { UserFacingError } from '@pilote/core';
import { runNpm } from './run-npm';

interface PublishedVersion {
  version: string;
  engines?: { node?: string };
}

/**
 * The kit version to upgrade to: the one asked (`--to 0.2.0`, or a range) or the newest published,
 * provided it supports this Node.js (its `engines.node`). Asks the instance's registry (`npm view`).
 */
export async function resolveTargetVersion(directory: string, asked: string | undefined, nodeVersion = process.version): Promise<string> {
  const spec = asked ?? 'latest';
  assertVersionSpec(asked);
  const answer = await runNpm(['view', `@pilote/cli@${spec}`, 'version', 'engines', '--json'], directory, { quiet: true });
  if (answer.code !== 0 || !answer.stdout.trim()) {
    throw new UserFacingError(
      `No published @pilote/cli matches ${spec} on the registry ${answer.registry}${answer.stderr ? `: ${lastLine(answer.stderr)}` : ''}`,
      'Check the version (`npm view @pilote/cli versions`) and the registry the instance uses (`npm config get registry`).',
      'UPGRADE_REFUSED',
    );
  }
  const parsed = JSON.parse(answer.stdout) as PublishedVersion | PublishedVersion[];
  const candidates = (Array.isArray(parsed) ? parsed : [parsed]).sort((a, b) => semver.rcompare(a.version, b.version));
  const fits = candidates.find((candidate) => !candidate.engines?.node || semver.satisfies(nodeVersion, candidate.engines.node));
  if (!fits) {
    const newest = candidates[0];
    throw new UserFacingError(
      `@pilote/cli ${newest.version} needs Node.js ${newest.engines?.node}; this is Node.js ${nodeVersion}.`,
      'Upgrade Node.js, or choose a version that supports it: `npx pilote upgrade --to <version>`.',
      'UPGRADE_REFUSED',
    );
  }
  return fits.version;
}

/** Refuses a `--to` that is neither a version nor a range, before anything is read or installed. */
export function assertVersionSpec(asked: string | undefined): void {
  if (asked !== undefined && !semver.validRange(asked)) {
    throw new UserFacingError(`--to ${asked} is not a version: give one like 0.2.0 (or a range like ^0.2.0)`, 'See the published versions with `npm view @pilote/cli versions`.', 'UPGRADE_REFUSED');
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((line) => !/^npm (ERR|error)! *$/.test(line)).slice(-1)[0] ?? '';
}
