import type { ImportProgress } from '@pilote/import';

/**
 * Progress of a long import on stderr (stdout keeps the report): a redrawn bar on a terminal,
 * one line per 10 % otherwise (CI logs, pipes).
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { update(progress: ImportProgress): void; done(): void } {
  const tty = Boolean(stream.isTTY);
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(progress) {
      const percent = Math.floor(progress.percent);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && percent < 100) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round((width * percent) / 100);
        stream.write(`\r${progress.phase.padEnd(9)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(percent).padStart(3)} %  ${progress.rows.toLocaleString('fr-FR')} lignes`);
        drawn = true;
      } else if (Math.floor(percent / 10) > lastTenth || progress.phase !== 'reading') {
        lastTenth = Math.floor(percent / 10);
        stream.write(`${progress.phase} ${percent} % (${progress.rows} rows)\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
