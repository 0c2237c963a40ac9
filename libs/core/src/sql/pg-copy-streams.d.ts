// The part of pg-copy-streams' API the kit uses (the package ships no types).
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';

  export interface CopyStreamQuery extends Writable {
    rowCount: number;
  }
  export function from(text: string): CopyStreamQuery;
}
