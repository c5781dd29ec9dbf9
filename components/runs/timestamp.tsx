const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number, digits = 2) => String(value).padStart(digits, '0');

/**
 * `date` in this machine's time zone, as Intl's English medium date and time style writes it
 * ("Nov 30, 2026, 1:02:03 PM"), or when `precise` as a 24-hour clock with milliseconds. Written
 * by hand: the first Intl formatter a page creates loads the locale data, 20 to 40 ms of the run
 * page's first load.
 */
export function formatMoment(date: Date, precise: boolean): string {
  const [hours, minutes, seconds] = [date.getHours(), pad(date.getMinutes()), pad(date.getSeconds())];
  if (precise) return `${pad(hours)}:${minutes}:${seconds}.${pad(date.getMilliseconds(), 3)}`;
  const time = `${hours % 12 || 12}:${minutes}:${seconds} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}, ${time}`;
}

/**
 * A moment in the reader's time zone. The server renders it in its own, so the browser's text
 * may differ from the server's: that difference is expected, not a hydration error.
 */
export function Timestamp({ iso, precise = false }: { iso: string | null; precise?: boolean }) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatMoment(new Date(iso), precise)}
    </time>
  );
}
