// The shell ships plain JavaScript and SFCs without declarations: type-check our code, not the shell's.
declare module '@shell/*';
declare module '@components/*';
declare module '@rancher/auto-import' {
  export function importTypes(plugin: unknown): void;
}
// For the package build's ts-loader, which does not read SFCs (vue-tsc does, and ignores this).
declare module '*.vue' {
  import { DefineComponent } from 'vue';

  const component: DefineComponent<object, object, unknown>;
  export default component;
}
