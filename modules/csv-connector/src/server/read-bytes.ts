import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '@pilote/module-sdk/server';

/** The file's bytes, from a URL or a path, refusing anything above `maxBytes`. */
export async function readBytes(source: string, options: { maxBytes: number; timeoutSeconds: number }): Promise<Buffer> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(options.timeoutSeconds * 1000) });
    } catch (error) {
      throw new UserFacingError(`Cannot download ${source}: ${(error as Error).message}`, 'Check the URL and that this server may reach it.', 'CONNECTOR_SOURCE_UNREACHABLE');
    }
    if (!response.ok) throw new UserFacingError(`Cannot download ${source}: HTTP ${response.status}`, 'Check the URL (is the file public?).', 'CONNECTOR_SOURCE_UNREACHABLE');
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > options.maxBytes) throw tooLarge(source, length, options.maxBytes);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > options.maxBytes) throw tooLarge(source, bytes.length, options.maxBytes);
    return bytes;
  }
  const file = path.resolve(source);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new UserFacingError(`File not found: ${file}`, 'Give an absolute path, or a path relative to the folder the kit runs in.', 'CONNECTOR_SOURCE_MISSING');
  }
  if (size > options.maxBytes) throw tooLarge(file, size, options.maxBytes);
  return readFile(file);
}

function tooLarge(source: string, size: number, max: number): UserFacingError {
  return new UserFacingError(`${source} is ${size} bytes, more than the ${max} allowed`, 'Raise the csv-connector setting maxBytes, or split the file.', 'CONNECTOR_SOURCE_TOO_LARGE');
}
