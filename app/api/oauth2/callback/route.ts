import { withOrg } from '@/lib/api/handler';
import { completeOAuth2Authorization, OAuth2ConnectFailed } from '@/lib/vault/oauth2-authorization';

const seeOther = (path: string) => new Response(null, { status: 303, headers: { location: path } });

// GET /api/oauth2/callback?code&state — where an OAuth2 provider sends the person who connected
// a credential. A browser lands here, so every outcome is a redirect to the credential's page:
// `?oauth2=connected`, or `?oauth2Error=<why>` (to the credentials list when the state is unknown).
export const GET = withOrg('credential:manage', async ({ org, req }) => {
  try {
    const credentialId = await completeOAuth2Authorization(org, new URL(req.url).searchParams);
    return seeOther(`/settings/credentials/${credentialId}?oauth2=connected`);
  } catch (error) {
    if (!(error instanceof OAuth2ConnectFailed)) throw error;
    const page = error.credentialId ? `/settings/credentials/${error.credentialId}` : '/settings/credentials';
    return seeOther(`${page}?oauth2Error=${encodeURIComponent(error.message)}`);
  }
});
