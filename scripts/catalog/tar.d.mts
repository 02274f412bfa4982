/** Types of `tar.mjs` for the TypeScript tests that drive it. */
export function tarGz(entries: { name: string; data?: Buffer | string }[], mtime: number): Buffer;
