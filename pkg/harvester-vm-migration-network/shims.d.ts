// The shell ships plain JavaScript and SFCs without declarations: type-check our code, not the shell's.
declare module '@shell/*';
declare module '@components/*';
declare module '@rancher/auto-import' {
  export function importTypes(plugin: unknown): void;
}
