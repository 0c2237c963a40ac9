import { dataFrameOf, dataPanelOf } from './dataPanelsApi';

describe('data panels: JSON fields checked, not cast', () => {
  const raw = { id: 'rents', zone: 'home.aside', visualisation: 'table', byTerritory: true };

  it('keeps labels that are a text or a text per locale', () => {
    const panel = dataPanelOf({ ...raw, title: { fr: 'Loyers', en: 'Rents' }, description: 'Source Insee', source: null });
    expect(panel).toEqual({ ...raw, title: { fr: 'Loyers', en: 'Rents' }, description: 'Source Insee', source: null });
  });

  it('drops a label that is not one, and a title falls back to the id', () => {
    expect(dataPanelOf({ ...raw, title: 42, description: { fr: 1 }, source: ['x'] })).toEqual({ ...raw, title: 'rents', description: null, source: null });
  });

  it('accepts a frame of typed fields and refuses anything else', () => {
    const frame = { name: 'Loyers', fields: [{ name: 'territory', type: 'territory', values: ['13'] }, { name: 'value', type: 'number', values: [12.5] }], meta: { source: 'csv', other: 1 } };
    expect(dataFrameOf(frame)).toEqual({ name: 'Loyers', fields: frame.fields, meta: { source: 'csv' } });
    expect(dataFrameOf(null)).toBeNull();
    expect(dataFrameOf({ fields: 'no' })).toBeNull();
    expect(dataFrameOf({ fields: [{ name: 'value', type: 'money', values: [] }] })).toBeNull();
    expect(dataFrameOf({ fields: [{ name: 'value', type: 'number' }] })).toBeNull();
  });
});
