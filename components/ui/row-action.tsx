import { Button } from './button';

/** A small button in a table row that posts the row's id to a server action. */
export function RowAction({
  action,
  id,
  label,
}: {
  action: (form: FormData) => Promise<void>;
  id: string;
  label: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" size="sm">
        {label}
      </Button>
    </form>
  );
}
