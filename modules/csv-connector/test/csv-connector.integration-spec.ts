import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadModules, resolverWith, UserFacingError, validateDataFrame } from '@pilote/module-sdk/server';
import csvModule, { csvConnector } from '../src/server';

const files = path.join(__dirname, 'files');

describe('csv-connector', () => {
  let server: Server;
  let baseUrl: string;
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-connector-'));
    server = createServer((req, res) => {
      if (req.url === '/valeurs.csv') res.end(readFileSync(path.join(files, 'valeurs.csv')));
      else if (req.url === '/big.csv') res.end('code;valeur\n' + 'D13;1\n'.repeat(500));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(tmp, { recursive: true, force: true });
  });

  it('reads a CSV file into a typed DataFrame (French numbers and dates)', async () => {
    const frame = await csvConnector.read({ source: path.join(files, 'valeurs.csv') });
    expect(validateDataFrame(frame)).toEqual([]);
    expect(frame.fields.map((field) => [field.name, field.type])).toEqual([['code', 'territory'], ['date', 'time'], ['valeur', 'number'], ['commentaire', 'string']]);
    expect(frame.fields[1].values).toEqual(['2026-03-31', '2026-03-31', '2026-06-30']);
    expect(frame.fields[2].values).toEqual([12.5, 1200, 14]);
    expect(frame.fields[3].values).toEqual(['premier', null, 'second']);
  });

  it('applies declared columns and the query (territories, period, fields)', async () => {
    const frame = await csvConnector.read(
      { source: path.join(files, 'valeurs.csv'), columns: { code: { type: 'territory' }, date: { type: 'time' }, valeur: { type: 'number', unit: '%', name: 'value' } } },
      { territoryCodes: ['D13'], from: '2026-04-01', fields: ['date', 'value'] },
    );
    expect(frame.fields).toEqual([
      { name: 'date', type: 'time', values: ['2026-06-30'] },
      { name: 'value', type: 'number', unit: '%', values: [14] },
    ]);
  });

  it('reads an XLSX file and a URL', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Données');
    sheet.addRow(['code', 'date', 'valeur']);
    sheet.addRow(['R93', new Date(Date.UTC(2026, 2, 31)), 42]);
    const xlsx = path.join(tmp, 'valeurs.xlsx');
    writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
    const fromXlsx = await csvConnector.read({ source: xlsx });
    expect(fromXlsx.fields.map((field) => [field.name, field.type, field.values[0]])).toEqual([['code', 'territory', 'R93'], ['date', 'time', '2026-03-31'], ['valeur', 'number', 42]]);

    const fromUrl = await csvConnector.read({ source: `${baseUrl}/valeurs.csv` });
    expect(fromUrl.fields[2].values).toEqual([12.5, 1200, 14]);
    expect(fromUrl.meta?.source).toBe(`${baseUrl}/valeurs.csv`);
  });

  it('names the file, line and column of a bad cell, and refuses missing or too large sources', async () => {
    await expect(csvConnector.read({ source: path.join(files, 'bad.csv'), columns: { valeur: { type: 'number' } } })).rejects.toThrow('bad.csv line 2, column "valeur": "abc" is not a number');
    await expect(csvConnector.read({ source: path.join(files, 'valeurs.csv'), columns: { montant: { type: 'number' } } })).rejects.toThrow('valeurs.csv: column "montant" not found');
    await expect(csvConnector.read({ source: path.join(files, 'nope.csv') })).rejects.toThrow(UserFacingError);
    await expect(csvConnector.read({ source: `${baseUrl}/missing.csv` })).rejects.toThrow('HTTP 404');

    // The instance's maxBytes setting reaches the connector the kit registers.
    const loaded = loadModules([{ id: 'csv-connector', settings: { maxBytes: 2048 } }], { kitVersion: '0.1.0', resolve: resolverWith([csvModule]) });
    const limited = loaded.connector('csv-connector/file')!;
    await expect(limited.read({ source: `${baseUrl}/big.csv` })).rejects.toThrow(/more than the 2048 allowed/);
  });
});
