import { readJson, withOrg } from '@/lib/api/handler';
import { validateDefinition } from '@/lib/definition/validate';

// POST /api/definitions/validate — every problem of a definition, as publishing would report them
export const POST = withOrg('workflow:read', async ({ req }) => {
  const result = validateDefinition(await readJson(req));
  return Response.json({ problems: result.ok ? [] : result.problems });
});
