import Link from 'next/link';
import { LogOut, UserRound } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The signed-in person: a link to their profile, and signing out through `signOut` (a server action). */
export function UserMenu({
  name,
  email,
  signOut,
}: {
  name: string | null;
  email: string;
  signOut: () => Promise<void>;
}) {
  return (
    <div className="flex items-center gap-1">
      <Link
        href="/profile"
        className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-2 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground"
        title={email}
      >
        <UserRound className="size-4 shrink-0" />
        <span className="truncate">{name ?? email}</span>
      </Link>
      <form action={signOut}>
        <Button type="submit" variant="ghost" size="icon" aria-label="Sign out" title="Sign out">
          <LogOut />
        </Button>
      </form>
    </div>
  );
}
