// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { changeStartOf, useChangeStart } from '../seen-changes';

afterEach(() => sessionStorage.clear());

describe('useChangeStart: when the tab saw the current change begin', () => {
  it('records a change of the value it watched, not its first read', async() => {
    const cluster = ref('c-a');
    const value = ref<string | undefined>();
    const start = useChangeStart(() => cluster.value, () => value.value);

    value.value = 'x';
    await nextTick();
    expect(start.value).toBeUndefined();
    value.value = '';
    await nextTick();
    expect(start.value).toBeTypeOf('number');
    expect(changeStartOf('c-a', '')).toBe(start.value);
  });

  it('records nothing when the page moves to another cluster, whose value simply differs', async() => {
    const cluster = ref('c-a');
    const value = ref<string | undefined>('x');
    const start = useChangeStart(() => cluster.value, () => value.value);

    cluster.value = 'c-b';
    value.value = 'y';
    await nextTick();
    expect(start.value).toBeUndefined();
    expect(changeStartOf('c-b', 'y')).toBeUndefined();
  });
});
