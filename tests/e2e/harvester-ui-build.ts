import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Harvester's built UI extension, which the simulator serves as Rancher serves an installed one. The build is not part
 * of this repository: give its folder in HARVESTER_UI_EXTENSION, or keep it where this workplace has it, beside the
 * repository. Tests that need it are skipped, with the reason printed, where it is absent.
 */
export const HARVESTER_UI = process.env.HARVESTER_UI_EXTENSION ?? resolve(__dirname, '../../../shared/fixtures/harvester-ui-extension');
export const HARVESTER_UI_PRESENT = existsSync(HARVESTER_UI);
export const HARVESTER_UI_ABSENT = `Harvester's built UI extension is not at ${ HARVESTER_UI } (set HARVESTER_UI_EXTENSION)`;
/** Harvester's bundle (about 2 MB of scripts) starting in a fresh browser on a loaded 2-core machine. */
export const HARVESTER_BOOT_MS = 90_000;
