/** The roles, most powerful first, as options for a select. */
const ROLE_OPTIONS = [
  { value: 'OWNER', label: 'Owner' },
  { value: 'ADMIN', label: 'Admin' },
  { value: 'EDITOR', label: 'Editor' },
  { value: 'VIEWER', label: 'Viewer' },
] as const;

export function RoleOptions() {
  return ROLE_OPTIONS.map((role) => (
    <option key={role.value} value={role.value}>
      {role.label}
    </option>
  ));
}
