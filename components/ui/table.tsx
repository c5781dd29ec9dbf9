import type { ComponentProps, ReactNode } from 'react';
import { Card } from './card';
import { cn } from './cn';

/** A data table in a card: column titles, then rows; `empty` shows when there are no rows. */
export function DataTable({
  columns,
  children,
  empty,
  isEmpty,
}: {
  columns: ReactNode[];
  children: ReactNode;
  empty?: ReactNode;
  isEmpty?: boolean;
}) {
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm">
        <thead className="border-b border-border bg-surface-raised text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {columns.map((column, index) => (
              <th key={index} className="px-4 py-2.5 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {isEmpty ? (
            <tr>
              <td colSpan={columns.length} className="px-4 py-6 text-center text-muted-foreground">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </Card>
  );
}

export function Cell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-3', className)} {...props} />;
}
