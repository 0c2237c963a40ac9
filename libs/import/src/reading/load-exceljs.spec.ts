import { exceljsInstalled, loadExceljs } from './load-exceljs';
import { TableReadError } from './table-read-error';

describe('exceljs, an optional peer of the import', () => {
  it('loads when installed (the repository installs it)', async () => {
    expect(exceljsInstalled()).toBe(true);
    expect(typeof (await loadExceljs()).stream.xlsx.WorkbookReader).toBe('function');
  });

  it('missing, becomes a report line naming the package to install, not a crash', async () => {
    const failure = await loadExceljs('exceljs-not-installed-here').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TableReadError);
    expect(failure).toMatchObject({ code: 'xlsxNotInstalled', params: { package: 'exceljs-not-installed-here@4.4.0' } });
  });
});
