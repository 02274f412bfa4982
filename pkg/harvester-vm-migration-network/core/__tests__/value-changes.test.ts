import { describe, expect, it } from 'vitest';
import { valueChanges } from '../value-changes';

const DOCS = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

describe('valueChanges', () => {
  it('enabling from empty: every field appears, each changed', () => {
    expect(valueChanges('', DOCS)).toEqual([
      {
        field: 'state', before: 'disabled', after: 'enabled', changed: true
      },
      {
        field: 'clusterNetwork', before: undefined, after: 'vm-migration', changed: true
      },
      {
        field: 'vlan', before: undefined, after: '100', changed: true
      },
      {
        field: 'range', before: undefined, after: '192.168.1.0/24', changed: true
      },
      {
        field: 'exclude', before: undefined, after: '192.168.1.1/32', changed: true
      },
    ]);
  });

  it('a new VLAN only: one changed row, the others shown unchanged', () => {
    const changes = valueChanges(DOCS, DOCS.replace('100', '200'));

    expect(changes.filter((c) => c.changed)).toEqual([{
      field: 'vlan', before: '100', after: '200', changed: true
    }]);
    expect(changes).toHaveLength(5);
  });

  it('disabling: the old fields stay visible beside nothing', () => {
    const changes = valueChanges(DOCS, '');

    expect(changes.find((c) => c.field === 'range')).toEqual({
      field: 'range', before: '192.168.1.0/24', after: undefined, changed: true
    });
    expect(changes[0]).toEqual({
      field: 'state', before: 'enabled', after: 'disabled', changed: true
    });
  });

  it('keys the form keeps (IPv6 on v1.10) are rows of their own, read as text', () => {
    const dual = DOCS.replace('}', ',"rangeV6":"fd00::/64","colour":"blue"}');
    const changes = valueChanges(dual, dual.replace('100', '101').replace('fd00::/64', 'fd00:1::/64'));

    expect(changes.find((c) => c.field === 'rangeV6')).toEqual({
      field: 'rangeV6', before: 'fd00::/64', after: 'fd00:1::/64', changed: true
    });
    expect(changes.find((c) => c.field === 'colour')).toEqual({
      field: 'colour', before: '"blue"', after: '"blue"', changed: false
    });
  });
});
