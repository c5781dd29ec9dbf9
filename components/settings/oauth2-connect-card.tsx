import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { OAuth2ConnectButton } from './oauth2-connect-button';

export interface OAuth2ConnectCardProps {
  credentialId: string;
  /** The provider's authorization URL, when the credential has one. */
  authorizationUrl?: string;
  /** What the last connection attempt came back with (the callback's redirect says). */
  outcome?: { connected: true } | { error: string };
}

/**
 * Connecting an OAuth2 credential: leaves for the provider's sign-in page and comes back through
 * the callback, which stores the refresh token it was given and says how it went.
 */
export function OAuth2ConnectCard({ credentialId, authorizationUrl, outcome }: OAuth2ConnectCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connect with the provider</CardTitle>
        <CardDescription>
          {authorizationUrl
            ? `Signs in at ${new URL(authorizationUrl).host} and stores the refresh token it grants (authorization code with PKCE).`
            : 'Set the authorization URL above to connect by signing in at the provider instead of pasting a refresh token.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {outcome && 'connected' in outcome && (
          <p role="status" className="text-sm text-success">
            Connected: the provider&apos;s refresh token is stored in the credential.
          </p>
        )}
        {outcome && 'error' in outcome && (
          <p role="alert" className="text-sm text-danger">
            {outcome.error}
          </p>
        )}
        {authorizationUrl && <OAuth2ConnectButton credentialId={credentialId} />}
      </CardContent>
    </Card>
  );
}
