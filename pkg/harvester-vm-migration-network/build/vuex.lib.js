// The package build replaces `vuex` with this file (see ../vue.config.js): the host dashboard already has the
// store, so the package carries only the helpers that reach it, never a second copy of vuex. `useStore` is vuex's
// own `inject('store')`; the map helpers read `this.$store`, as vuex's do. Creating a store is the host's job.
import { inject } from 'vue';

export const storeKey = 'store';

export function useStore(key = null) {
  return inject(key !== null ? key : storeKey);
}

function normalizeMap(map) {
  return Array.isArray(map) ? map.map((key) => ({ key, val: key })) : Object.keys(map).map((key) => ({ key, val: map[key] }));
}

// `mapX(namespace?, map)`: a namespace is written with a trailing slash, like vuex does.
function withNamespace(fn) {
  return (namespace, map) => {
    if (typeof namespace !== 'string') {
      return fn('', namespace);
    }

    return fn(namespace.endsWith('/') ? namespace : `${ namespace }/`, map);
  };
}

function moduleState(state, namespace) {
  return namespace ? namespace.slice(0, -1).split('/').reduce((s, part) => s?.[part], state) : state;
}

export const mapGetters = withNamespace((namespace, getters) => Object.fromEntries(normalizeMap(getters).map(({ key, val }) => {
  const getter = function() {
    return this.$store.getters[namespace + val];
  };

  getter.vuex = true;

  return [key, getter];
})));

export const mapState = withNamespace((namespace, states) => Object.fromEntries(normalizeMap(states).map(({ key, val }) => {
  const read = function() {
    const state = moduleState(this.$store.state, namespace);

    return typeof val === 'function' ? val.call(this, state, this.$store.getters) : state?.[val];
  };

  read.vuex = true;

  return [key, read];
})));

export const mapActions = withNamespace((namespace, actions) => Object.fromEntries(normalizeMap(actions).map(({ key, val }) => [key, function(...args) {
  return typeof val === 'function' ? val.call(this, (type, ...rest) => this.$store.dispatch(namespace + type, ...rest), ...args) : this.$store.dispatch(namespace + val, ...args);
}])));

export const mapMutations = withNamespace((namespace, mutations) => Object.fromEntries(normalizeMap(mutations).map(({ key, val }) => [key, function(...args) {
  return typeof val === 'function' ? val.call(this, (type, ...rest) => this.$store.commit(namespace + type, ...rest), ...args) : this.$store.commit(namespace + val, ...args);
}])));

export function createStore() {
  throw new Error('An extension cannot create a Vuex store: it uses the host dashboard\'s.');
}

export class Store {
  constructor() {
    createStore();
  }
}
