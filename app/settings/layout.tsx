import type { ReactNode } from 'react';
import { PageHeader } from '@/components/shell/page-header';
import { SettingsTabs } from '@/components/settings/settings-tabs';

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="Platform status, secrets, access and the audit trail." />
      <SettingsTabs />
      <div className="max-w-4xl px-8 py-6">{children}</div>
    </>
  );
}
