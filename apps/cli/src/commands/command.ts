export interface Command {
  name: string;
  aliases?: string[];
  summary: string;
  usage: string;
  /** Returns the exit code, or -1 for a command that keeps running (start). */
  run(args: string[]): Promise<number>;
}
