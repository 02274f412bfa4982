import { TypeState } from '../composables/useClusterObjects';

/**
 * Where a page of one cluster stands before it can show its content: every page ends in one of these, and each
 * one but `ready` and `loading` tells the user what happened and what to do (`components/PageStatus.vue`).
 */
export type PageState =
  | { kind: 'loading' }
  | { kind: 'ready' }
  /** Steve leaves out the schema of a type the user may not list, and of a type the cluster does not have. */
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string }
  /** The list was read and the object is not in it: not a Harvester cluster, or a Harvester older than v1.6. */
  | { kind: 'notFound' };

/** The page's state from the availability of its main type and whether its object was found in the list. */
export function pageStateOf(type: TypeState, found: boolean): PageState {
  switch (type.availability) {
  case 'loading':
    return { kind: 'loading' };
  case 'forbidden':
    return { kind: 'forbidden' };
  case 'error':
    return { kind: 'failed', message: type.error ?? '' };
  case 'ready':
    return found ? { kind: 'ready' } : { kind: 'notFound' };
  }
}
