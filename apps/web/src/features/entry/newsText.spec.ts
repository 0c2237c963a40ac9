import { createI18n } from '@pilote/i18n';
import { newsText } from './ImportReportView';

describe('newsText (import dry-run summary)', () => {
  const t = createI18n({ lng: 'fr' }).t;
  it('does not call an older value "nouvelle": it completes the history', () => {
    expect(newsText({ counts: { rows: 2, values: 2, written: 0, wouldWrite: 2, older: 1, unchanged: 0, errors: 0, warnings: 0 } }, t))
      .toBe('dont 1 nouvelle et 1 plus ancienne que la dernière valeur de sa série, qui complète l’historique');
    expect(newsText({ counts: { rows: 3, values: 3, written: 0, wouldWrite: 3, unchanged: 0, errors: 0, warnings: 0 } }, t)).toBe('dont 3 nouvelles');
  });
});
