import { describe, expect, it } from 'vitest';
import { summarizeSetting } from '@pkg/utils/setting-summary';

describe('summarizeSetting', () => {
  it.each([
    [{
      id: 'a', value: 'x', default: ''
    }, {
      value: 'x', customized: true, configured: 'unknown'
    }],
    [{
      id: 'a', value: '', default: 'd'
    }, {
      value: 'd', customized: false, configured: 'unknown'
    }],
    [{
      id: 'a', value: 'd', default: 'd'
    }, {
      value: 'd', customized: false, configured: 'unknown'
    }],
    [{ id: 'a', value: '{\n  "a": 1\n}' }, {
      value: '{ "a": 1 }', customized: true, configured: 'unknown'
    }],
  ])('summarizes %o', (input, expected) => {
    expect(summarizeSetting(input)).toMatchObject(expected);
  });

  it('reads the configured condition and carries the failure reason and message', () => {
    const failed = summarizeSetting({
      id:     'vm-migration-network',
      value:  '{}',
      status: {
        conditions: [{
          type: 'configured', status: 'False', reason: 'CreateNadError', message: 'create nad error x'
        }]
      }
    });

    expect(failed).toMatchObject({ configured: 'failed', message: 'CreateNadError: create nad error x' });
    expect(summarizeSetting({ id: 'a', status: { conditions: [{ type: 'configured', status: 'True' }] } }).configured).toBe('configured');
  });

  it('cuts long values for the table with an ellipsis', () => {
    const long = summarizeSetting({ id: 'a', value: 'x'.repeat(500) });

    expect(long.value).toHaveLength(120);
    expect(long.value.endsWith('…')).toBe(true);
  });
});
