import { withOrg } from '@/lib/api/handler';
import { revokeInvitation } from '@/lib/members/invitations';

// DELETE /api/invitations/:id — withdraw a pending invitation
export const DELETE = withOrg<{ id: string }>('member:manage', async ({ org, params }) => {
  await revokeInvitation(org, params.id);
  return new Response(null, { status: 204 });
});
