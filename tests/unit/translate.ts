/** `%key(arg: value, ...)%`, as the shell writes a key it has no translation for: tests see the args too. */
export function translate(key: string, args: Record<string, unknown> = {}): string {
  const list = Object.entries(args).map(([k, v]) => `${ k }: ${ v }`).join(', ');

  return list ? `%${ key }(${ list })%` : `%${ key }%`;
}
