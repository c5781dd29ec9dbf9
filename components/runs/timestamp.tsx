const full = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });
const clock = new Intl.DateTimeFormat('en', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

/**
 * A moment in the reader's time zone. The server renders it in its own, so the browser's text
 * may differ from the server's: that difference is expected, not a hydration error.
 */
export function Timestamp({ iso, precise = false }: { iso: string | null; precise?: boolean }) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {(precise ? clock : full).format(new Date(iso))}
    </time>
  );
}
