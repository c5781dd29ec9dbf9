'use client';

import { useEffect, type ReactNode } from 'react';
import { cn } from './cn';

/** A modal over the page: its title names it for screen readers; Escape or a click outside closes it. */
export function Dialog({
  title,
  heading = title,
  onClose,
  className,
  children,
}: {
  title: string;
  heading?: ReactNode;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div
      role="dialog"
      aria-label={title}
      aria-modal
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40"
      onClick={onClose}
    >
      <div
        className={cn('w-[28rem] rounded-lg border border-border bg-surface p-5 shadow-xl', className)}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 className="mb-3 font-medium">{heading}</h2>
        {children}
      </div>
    </div>
  );
}
