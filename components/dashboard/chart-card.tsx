import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

/** A titled card holding one chart; `testId` lets tests find the chart it holds. */
export function ChartCard({
  title,
  description,
  testId,
  children,
  className,
}: {
  title: string;
  description?: string;
  testId: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card data-testid={testId} className={className}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function NoData({ children = 'No runs ended in this range.' }: { children?: ReactNode }) {
  return <p className="py-10 text-center text-sm text-muted-foreground">{children}</p>;
}
