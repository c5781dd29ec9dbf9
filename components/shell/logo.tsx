import { cn } from '@/components/ui/cn';

function Logo() {
  return (
    <svg viewBox="0 0 24 24" className="size-6 text-primary" aria-hidden>
      <circle cx="5" cy="6" r="2.5" fill="currentColor" />
      <circle cx="5" cy="18" r="2.5" fill="currentColor" opacity="0.6" />
      <circle cx="19" cy="12" r="2.5" fill="currentColor" />
      <path d="M7.5 6c5 0 4 6 9 6M7.5 18c5 0 4-6 9-6" stroke="currentColor" strokeWidth="1.6" fill="none" />
    </svg>
  );
}

/** The mark and the product name, as the sidebar and the signed-out pages show them. */
export function Brand({ className }: { className?: string }) {
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <Logo />
      <span className="text-sm font-semibold tracking-tight">FlowOrchestrator</span>
    </div>
  );
}
