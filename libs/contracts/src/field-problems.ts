import { ValidationError } from 'class-validator';

/** One invalid field of a request or message: the shape every 400 body and config error lists. */
export interface FieldProblem {
  /** Path of the offending field, e.g. `quantity` or `[3].quantity` inside an array. */
  field: string;
  messages: string[];
}

/** class-validator's nested errors as one flat list, every field at once (never just the first). */
export function flattenValidationErrors(errors: ValidationError[], path = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = path ? `${path}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}
