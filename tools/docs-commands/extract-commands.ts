import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A command a reader is told to type: `npx pilote …`, `npx create-pilote-instance …`, `npm run|start|test …`. */
export interface DocumentedCommand {
  /** `pilote`, `create-pilote-instance` or `npm`. */
  tool: 'pilote' | 'create-pilote-instance' | 'npm';
  /** The words after the tool, placeholders and comments included, e.g. ['migrate', '--status']. */
  args: string[];
  /** Where it is written: `docs/operating/README.md:13`. */
  where: string;
}

/** README.md, docs/**.md (ADRs excluded: they record history) and each package's README.md. */
export function documentationFiles(root: string): string[] {
  const files = [path.join(root, 'README.md')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== 'adr') walk(full);
      } else if (entry.endsWith('.md')) files.push(full);
    }
  };
  walk(path.join(root, 'docs'));
  for (const group of ['apps', 'libs', 'modules', 'themes', 'examples']) {
    for (const entry of readdirSync(path.join(root, group))) {
      const readme = path.join(root, group, entry, 'README.md');
      try {
        if (statSync(readme).isFile()) files.push(readme);
      } catch {
        // a package without a README
      }
    }
  }
  return files;
}

const COMMAND = /(?:^|[\s;(]|&&)(?:[A-Z_]+=\S*\s+)*(npx (pilote|create-pilote-instance)|npm (run\s+[\w:-]+|start|test|ci|install))((?:\s+(?!&&|#|\||;)[^\s|;#]+)*)/g;

/** Every command in code: fenced blocks (line by line) and inline `code` spans. */
export function extractCommands(root: string, files = documentationFiles(root)): DocumentedCommand[] {
  const found: DocumentedCommand[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let fenced = false;
    lines.forEach((line, index) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return;
      }
      const snippets = fenced ? [line] : [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
      for (const snippet of snippets) {
        for (const match of snippet.matchAll(COMMAND)) {
          const where = `${path.relative(root, file)}:${index + 1}`;
          const rest = match[4].trim().split(/\s+/).filter(Boolean);
          if (match[2]) found.push({ tool: match[2] as 'pilote' | 'create-pilote-instance', args: rest, where });
          else found.push({ tool: 'npm', args: [...match[3].split(/\s+/), ...rest], where });
        }
      }
    });
  }
  return found;
}
