import Link from 'next/link';
import { LogOut, UserRound } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/app/shell-actions';

export function UserMenu({ name, email }: { name: string | null; email: string }) {
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
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="icon" aria-label="Sign out" title="Sign out">
          <LogOut />
        </Button>
      </form>
    </div>
  );
}
