import type { Role } from '@/lib/db/generated/enums';

/** Said where a role may look but not change, so the missing buttons are not a mystery. */
export function ReadOnlyNotice({ role, what }: { role: Role; what: string }) {
  return (
    <p role="note" className="rounded-md border border-border bg-muted/50 p-3 text-sm text-muted-foreground">
      Your role ({role.toLowerCase()}) can see {what} but not change it. Ask an admin of this organization for more
      access.
    </p>
  );
}

/** Said on pages only owners and admins may open. */
export function AdminOnlyNotice({ role, what }: { role: Role; what: string }) {
  return (
    <p role="note" className="rounded-md border border-border bg-muted/50 p-3 text-sm text-muted-foreground">
      Only owners and admins can see {what}; your role is {role.toLowerCase()}.
    </p>
  );
}
