import type { ControlIds } from './field-frame';
import type { FieldDescriptor } from './schema-fields';

/** What every control receives: its field, where it stands in the config, and its value. */
export interface ControlProps<Field extends FieldDescriptor = FieldDescriptor> {
  field: Field;
  /** The full path, as problems are keyed: `config.body.value`. */
  path: string;
  value: unknown;
  /** `undefined` removes the value, leaving the field to its default. */
  onChange(value: unknown): void;
  ids: ControlIds;
  invalid: boolean;
}
