import {
  Box,
  Braces,
  CalendarClock,
  Code,
  Database,
  GitBranchPlus,
  GitFork,
  Globe,
  LogOut,
  Mail,
  Merge,
  MessageSquare,
  OctagonX,
  Play,
  Repeat,
  ScanText,
  Sparkles,
  Split,
  Timer,
  UserCheck,
  Variable,
  Webhook,
  Workflow,
  type LucideIcon,
} from 'lucide-react';

// The icons node types name (lib/connectors/nodes): imported one by one, not lucide's whole set.
const ICONS: Record<string, LucideIcon> = {
  braces: Braces,
  'calendar-clock': CalendarClock,
  code: Code,
  database: Database,
  'git-branch-plus': GitBranchPlus,
  'git-fork': GitFork,
  globe: Globe,
  'log-out': LogOut,
  mail: Mail,
  merge: Merge,
  'message-square': MessageSquare,
  'octagon-x': OctagonX,
  play: Play,
  repeat: Repeat,
  'scan-text': ScanText,
  sparkles: Sparkles,
  split: Split,
  timer: Timer,
  'user-check': UserCheck,
  variable: Variable,
  webhook: Webhook,
  workflow: Workflow,
};

export function NodeIcon({ name, className }: { name: string; className?: string }) {
  const Icon = ICONS[name] ?? Box;
  return <Icon className={className} aria-hidden />;
}
