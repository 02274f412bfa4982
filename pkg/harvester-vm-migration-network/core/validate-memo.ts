import { forgetWithCidrMemo } from './cidr';

const TEXT_MEMO_LIMIT = 64;

/**
 * `compute` remembered per pair of argument objects. For work derived from cluster facts only: the editor builds
 * its facts once per change of the cluster's objects but re-validates the form on every keystroke, and a large
 * cluster's node lists cost more to walk than the rest of a validation. Facts are never modified in place.
 * `clearCidrMemo` forgets these too, so a cold run redoes everything.
 */
export function memoPerPair<A extends object, B extends object, V>(compute: (a: A, b: B) => V): (a: A, b: B) => V {
  let memo = new WeakMap<A, WeakMap<B, V>>();

  forgetWithCidrMemo(() => {
    memo = new WeakMap();
  });

  return (a, b) => {
    let inner = memo.get(a);

    if (!inner) {
      inner = new WeakMap();
      memo.set(a, inner);
    }
    if (!inner.has(b)) {
      inner.set(b, compute(a, b));
    }

    return inner.get(b) as V;
  };
}

/** `compute` remembered per argument object (see `memoPerPair`). */
export function memoPerObject<A extends object, V>(compute: (a: A) => V): (a: A) => V {
  let memo = new WeakMap<A, V>();

  forgetWithCidrMemo(() => {
    memo = new WeakMap();
  });

  return (a) => {
    if (!memo.has(a)) {
      memo.set(a, compute(a));
    }

    return memo.get(a) as V;
  };
}

/**
 * `compute` remembered per text key of its arguments (a small map, emptied when full), for work on texts that
 * every keystroke re-reads unchanged, such as the peer settings. Forgotten with `clearCidrMemo`.
 */
export function memoPerText<A extends unknown[], V>(keyOf: (...args: A) => string, compute: (...args: A) => V): (...args: A) => V {
  const memo = new Map<string, V>();

  forgetWithCidrMemo(() => memo.clear());

  return (...args) => {
    const key = keyOf(...args);

    if (!memo.has(key)) {
      if (memo.size >= TEXT_MEMO_LIMIT) {
        memo.clear();
      }
      memo.set(key, compute(...args));
    }

    return memo.get(key) as V;
  };
}
