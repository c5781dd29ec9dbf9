import { withOrg } from '@/lib/api/handler';
import { listMembers } from '@/lib/members/members';

// GET /api/members — the org's members and their roles
export const GET = withOrg('member:read', async ({ org }) => Response.json({ items: await listMembers(org) }));
