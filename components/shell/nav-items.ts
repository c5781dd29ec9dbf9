import { CalendarClock, LayoutDashboard, Play, Settings, Workflow } from 'lucide-react';

export const navItems = [
  { href: '/', label: 'Workflows', icon: Workflow },
  { href: '/runs', label: 'Runs', icon: Play },
  { href: '/schedules', label: 'Schedules', icon: CalendarClock },
  { href: '/dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { href: '/settings', label: 'Settings', icon: Settings },
] as const;
