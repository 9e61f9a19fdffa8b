import type { FieldResolver } from '../../../lib/problem';

/**
 * A resolver for forms whose values mirror the request body, nested lists included: a path
 * shows on the form field of the same name when it is one of `fields` or lies below one of
 * `nested` (`sku_properties.0.values.1.code`, `name.ja`).
 */
export function bodyFields(
  fields: readonly string[],
  nested: readonly string[] = [],
): FieldResolver {
  return (path) => {
    if (fields.includes(path)) return path;
    return nested.some((prefix) => path.startsWith(`${prefix}.`)) ? path : null;
  };
}

interface FocusableForm {
  getInputNode: (path: string) => HTMLElement | null;
}

/** Moves the focus to the first field with an error (long forms: the error may be off-screen). */
export function focusFirstError(form: FocusableForm, errors: Record<string, unknown>): void {
  for (const path of Object.keys(errors)) {
    const node = form.getInputNode(path);
    if (node) {
      node.focus();
      return;
    }
  }
}
