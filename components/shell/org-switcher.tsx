'use client';

import { useRef } from 'react';
import { Select } from '@/components/ui/input';

export interface OrgOption {
  id: string;
  name: string;
  role: string;
}

/** Picks the org the whole app acts in; choosing submits at once to `switchOrg` (a server action). */
export function OrgSwitcher({
  orgs,
  activeOrgId,
  switchOrg,
}: {
  orgs: OrgOption[];
  activeOrgId: string;
  switchOrg: (form: FormData) => Promise<void>;
}) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={switchOrg}>
      <label htmlFor="org-switcher" className="sr-only">
        Organization
      </label>
      <Select
        id="org-switcher"
        name="orgId"
        // Remount when the active org changes elsewhere (joining an org), or the select would go stale.
        key={activeOrgId}
        defaultValue={activeOrgId}
        className="w-full"
        onChange={() => form.current?.requestSubmit()}
      >
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name} · {org.role.toLowerCase()}
          </option>
        ))}
      </Select>
    </form>
  );
}
