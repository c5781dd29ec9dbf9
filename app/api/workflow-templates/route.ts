import { withOrg } from '@/lib/api/handler';
import { listTemplates } from '@/lib/workflows/templates';

// GET /api/workflow-templates — the templates a workflow can start from, with their definitions
export const GET = withOrg('workflow:read', async () => Response.json({ items: listTemplates() }));
