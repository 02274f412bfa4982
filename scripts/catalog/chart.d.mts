/** Types of `chart.mjs` for the TypeScript tests that drive it. */
export function compareVersionsDesc(a: string, b: string): number;
export function sha256(bytes: Buffer | string): string;
