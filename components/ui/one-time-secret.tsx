import type { ReactNode } from 'react';

/** A value shown once, right after it was made (an API key, an invitation link), ready to copy. */
export function OneTimeSecret({
  title,
  value,
  dataAttribute,
}: {
  title: ReactNode;
  value: string;
  dataAttribute: string;
}) {
  return (
    <div role="status" className="rounded-md border border-success/40 bg-success/10 p-3 text-sm">
      <p className="font-medium">{title}</p>
      <code
        className="mt-2 block break-all rounded bg-background px-2 py-1.5 font-mono text-xs"
        {...{ [`data-${dataAttribute}`]: true }}
      >
        {value}
      </code>
    </div>
  );
}
