import { CalendarClock, LayoutDashboard, Play, RadioTower, Settings, Workflow } from 'lucide-react';

export const navItems = [
  { href: '/', label: 'Workflows', icon: Workflow },
  { href: '/runs', label: 'Runs', icon: Play },
  { href: '/schedules', label: 'Schedules', icon: CalendarClock },
  { href: '/events', label: 'Events', icon: RadioTower },
  { href: '/dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { href: '/settings', label: 'Settings', icon: Settings },
] as const;
