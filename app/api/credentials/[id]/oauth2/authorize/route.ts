import { withOrg } from '@/lib/api/handler';
import { requestBaseUrl } from '@/lib/auth/request-origin';
import { beginOAuth2Authorization } from '@/lib/vault/oauth2-authorization';

// POST /api/credentials/:id/oauth2/authorize — start connecting an OAuth2 credential: answers
// { authorizationUrl } (state and PKCE challenge set) for the browser to go to; the provider
// sends the person back to GET /api/oauth2/callback. JSON rather than a redirect: the page's
// Content-Security-Policy (form-action 'self') stops a form from being redirected off-site.
export const POST = withOrg<{ id: string }>('credential:manage', async ({ org, params, req }) => {
  const baseUrl = requestBaseUrl(req.headers) ?? new URL(req.url).origin;
  const url = await beginOAuth2Authorization(org, params.id, baseUrl);
  return Response.json({ authorizationUrl: url.toString() });
});
