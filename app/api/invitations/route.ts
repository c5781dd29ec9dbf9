import { readJson, withOrg } from '@/lib/api/handler';
import { requestBaseUrl } from '@/lib/auth/request-origin';
import { createInvitation, createInvitationBody, listInvitations } from '@/lib/members/invitations';

// GET /api/invitations — pending invitations of the org
export const GET = withOrg('member:read', async ({ org }) => Response.json({ items: await listInvitations(org) }));

// POST /api/invitations — invite {email, role}; the answer's `url` is the link to send (shown once)
export const POST = withOrg('member:manage', async ({ org, req }) => {
  const invitation = await createInvitation(org, createInvitationBody.parse(await readJson(req)));
  return Response.json(
    { ...invitation, url: `${requestBaseUrl(req.headers) ?? new URL(req.url).origin}${invitation.path}` },
    { status: 201 },
  );
});
