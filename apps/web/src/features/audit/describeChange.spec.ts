import { describeChange } from './describeChange';

describe('describeChange', () => {
  it('keeps only the fields that changed when both sides are objects', () => {
    expect(describeChange('{"value":15.5}', '{"value":20,"batchId":"b1","line":3}')).toEqual([
      { key: 'value', old: '15.5', new: '20' },
      { key: 'batchId', old: null, new: 'b1' },
      { key: 'line', old: null, new: '3' },
    ]);
    expect(describeChange('{"state":"draft","value":1}', '{"state":"submitted","value":1}')).toEqual([{ key: 'state', old: 'draft', new: 'submitted' }]);
  });

  it('lists every field of a creation or a deletion, and plain values as one line', () => {
    expect(describeChange(null, '{"localObjective":"x"}')).toEqual([{ key: 'localObjective', old: null, new: 'x' }]);
    expect(describeChange('{"localObjective":"x"}', null)).toEqual([{ key: 'localObjective', old: 'x', new: null }]);
    expect(describeChange('1', '2')).toEqual([{ key: null, old: '1', new: '2' }]);
    expect(describeChange(null, null)).toEqual([]);
  });
});
