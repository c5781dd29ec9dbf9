import { readJson, withOrg } from '@/lib/api/handler';
import { testCredential, testCredentialBody } from '@/lib/vault/test-credential';

// POST /api/credentials/:id/test — try the credential against its service {url?}; answers {ok, message}
export const POST = withOrg<{ id: string }>('credential:manage', async ({ org, params, req }) =>
  Response.json(await testCredential(org, params.id, testCredentialBody.parse(await readJson(req)))),
);
