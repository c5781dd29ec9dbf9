import { readJson, withOrg } from '@/lib/api/handler';
import { changeMemberRole, changeRoleBody, removeMember } from '@/lib/members/members';

// PATCH /api/members/:userId — change a member's role {role}
export const PATCH = withOrg<{ userId: string }>('member:manage', async ({ org, params, req }) => {
  const { role } = changeRoleBody.parse(await readJson(req));
  await changeMemberRole(org, params.userId, role);
  return new Response(null, { status: 204 });
});

// DELETE /api/members/:userId — remove a member from the org
export const DELETE = withOrg<{ userId: string }>('member:manage', async ({ org, params }) => {
  await removeMember(org, params.userId);
  return new Response(null, { status: 204 });
});
