import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { verifyCollabToken } from '../../lib/collab/collab-token';

/**
 * Viewers see the draft live but cannot change it: Hocuspocus applies none of their updates. The
 * token is read again here: within one onAuthenticate round, each extension sees the context as
 * it was before the round, not what DraftAuthentication added.
 */
export class ViewerReadOnly implements Extension {
  priority = 100;

  async onAuthenticate({ token, connectionConfig }: onAuthenticatePayload) {
    if (verifyCollabToken(token ?? '').access !== 'edit') connectionConfig.readOnly = true;
  }
}
