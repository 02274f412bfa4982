import { reactive } from 'vue';
import { Problem } from '../core';

const SEVERITY_ORDER = {
  error: 0, warning: 1, info: 2
};

/** Which problems each field of the form shows, and its status and accessibility attributes. */
export interface FieldProblems {
  touch: (field: string, index?: number) => void;
  problemsOf: (field: string, index?: number) => Problem[];
  statusOf: (field: string, index?: number) => string | undefined;
  a11yOf: (field: string, problemsId: string, index?: number) => Record<string, string | undefined>;
}

/**
 * Fields the user has left (blur) or chosen a value in show their problems from then on. A field still being typed
 * in, or not yet visited, shows nothing until Review is pressed (`revealAll`), so choosing Enabled paints nothing red.
 */
export function useFieldProblems(source: () => { problems: Problem[]; revealAll: boolean }): FieldProblems {
  const touched = reactive(new Set<string>());
  const fieldKey = (field: string, index?: number) => (index === undefined ? field : `${ field }-${ index }`);

  /** Problems of the exclude list as a whole (overlaps between rows) show once any row was left. */
  function shown(field: string, index?: number): boolean {
    if (source().revealAll || touched.has(fieldKey(field, index))) {
      return true;
    }

    return field === 'exclude' && index === undefined && [...touched].some((key) => key.startsWith('exclude-'));
  }

  function problemsOf(field: string, index?: number): Problem[] {
    if (!shown(field, index)) {
      return [];
    }

    return source().problems
      .filter((p) => p.field === field && (index === undefined ? p.index === undefined : p.index === index))
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  }

  return {
    touch: (field, index) => {
      touched.add(fieldKey(field, index));
    },
    problemsOf,
    statusOf: (field, index) => {
      const worst = problemsOf(field, index)[0]?.severity;

      return worst === 'error' || worst === 'warning' ? worst : undefined;
    },
    // Invalid while the field shows an error, described by the list of its problems (the list's id is its test
    // id), so a screen reader reads the reason with the field.
    a11yOf: (field, problemsId, index) => {
      const problems = problemsOf(field, index);

      return {
        'aria-invalid':     problems.some((p) => p.severity === 'error') ? 'true' : undefined,
        'aria-describedby': problems.length ? problemsId : undefined,
      };
    },
  };
}
