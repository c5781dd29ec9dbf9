import { z } from 'zod';

/**
 * A config field that takes a JSON value or the JSON text of one (pasted into a text field, or
 * produced by an expression). Blank text means absent; text that does not parse is passed on as
 * it is, so the inner schema's own message names what is wrong with it.
 */
export const jsonTextField = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    if (value.trim() === '') return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, schema);
