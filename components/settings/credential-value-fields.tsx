import { Field, Input } from '@/components/ui/input';
import type { CredentialFormType } from '@/lib/connectors/credential-form-fields';

/** One input per field of a credential type, named `value.<field>`; secret fields are masked. */
export function CredentialValueFields({ type, placeholder }: { type: CredentialFormType; placeholder?: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      {type.fields.map((field) => (
        <Field
          key={`${type.type}.${field.name}`}
          label={field.required ? field.name : `${field.name} (optional)`}
          htmlFor={`value-${field.name}`}
        >
          <Input
            id={`value-${field.name}`}
            name={`value.${field.name}`}
            type={field.secret ? 'password' : 'text'}
            placeholder={placeholder}
            autoComplete="off"
            className="w-64"
          />
        </Field>
      ))}
    </div>
  );
}
