import type { Translate } from '../composables/useShellPage';
import { STEVE_TYPES } from '../core/constants';

type TypeKey = keyof typeof STEVE_TYPES;

const KEY_OF = new Map(Object.entries(STEVE_TYPES).map(([key, id]) => [id as string, key as TypeKey]));

/** What an admin calls a type ("Whereabouts IP pools"), never Steve's id, in sentences; the id for a type we do not name. */
export function typeName(type: string, t: Translate): string {
  const key = KEY_OF.get(type);

  return key ? t(`vmMigrationNetwork.types.${ key }`) : type;
}
