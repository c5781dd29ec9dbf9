// What a user can do about a failed node attempt, read from its recorded error. Pure: the run
// page passes what it knows of the node (its type, the credential it authenticates with).

export interface FailedAttempt {
  error: { type: string; message: string; details?: unknown };
  /** The node's type, e.g. `http.request`. */
  nodeType?: string;
  /** The credential the node authenticates with: its name, or its id when the name is unknown. */
  credential?: string | null;
}

/** `Node "fetch", config.url: expression …` → `config.url`. */
function fieldOf(message: string): string | null {
  return /^Node "[^"]*", ([^:]+):/.exec(message)?.[1] ?? null;
}

/** `… Outbound request to api.example.com blocked: …` → `api.example.com`. */
const blockedHost = (message: string) => /Outbound request to (\S+) blocked/.exec(message)?.[1] ?? null;

function httpHint(status: number, credential: string | null | undefined): string {
  if (status === 401) {
    return credential
      ? `The service did not accept the credentials: check credential "${credential}" (is it still valid, for this service?) under Settings → Credentials.`
      : 'The service wants authentication: give the node a stored credential (auth), or check the one it sends.';
  }
  if (status === 403) {
    return credential
      ? `The service knows credential "${credential}" but does not allow this request: check what it may do (scopes, roles) at the service, or use another.`
      : 'The service refuses this request: it may need a credential with the right permissions (auth).';
  }
  if (status === 404) {
    return 'Nothing is at that address: check the URL and the ids in it (the context below shows what its expressions read).';
  }
  if (status === 429) {
    return 'The service is limiting the rate of requests: allow more time between attempts (retry interval), or make fewer calls at once (a loop’s concurrency).';
  }
  if (status >= 500) {
    return 'The service failed on its side, often briefly: retries (the node’s retry settings) ride it out; if it persists, check the service’s status.';
  }
  if (status === 400 || status === 422) {
    return 'The service rejected the request as invalid: compare the body, query and headers with its API documentation.';
  }
  return `The service answered HTTP ${status}: check the request against its API documentation.`;
}

/** A hint for the user, or null when the error says nothing a hint could add to. */
export function remediationHint({ error, nodeType, credential }: FailedAttempt): string | null {
  const { type, message } = error;
  const status = /^HttpError(\d{3})$/.exec(type)?.[1];
  if (status) return httpHint(Number(status), credential);
  switch (type) {
    case 'HttpTimeout':
    case 'TimeoutFailure':
    case 'CodeTimeout':
      return 'The node ran out of time: raise the node’s timeout or check the service it waits on.';
    case 'HttpNetworkError':
      return 'The service could not be reached: check the host name in the URL and that the service is up.';
    case 'HttpInvalidJson':
      return 'The service did not answer with JSON: check the URL, or read the response as text.';
    case 'OutboundBlocked': {
      const host = blockedHost(message);
      return `Add ${host ? `the host ${host}` : 'the host'} to the org’s outbound allowlist in Settings → Network (admins can), if the workflow should reach it.`;
    }
    case 'CredentialNotFound':
      return nodeType === 'http.request'
        ? 'The credential this node names no longer exists: choose another one in the node’s auth setting.'
        : 'The credential this node names no longer exists: choose another one in the node’s credential setting.';
    case 'CredentialTypeMismatch':
      return nodeType === 'http.request'
        ? 'This kind of credential cannot authenticate the request: choose a bearer, basic, header, OAuth2 or Slack bot token credential.'
        : 'This node needs another kind of credential (the error says which): choose one in the node’s credential setting.';
    case 'PostgresLoginFailed':
    case 'SmtpLoginFailed':
      return credential
        ? `The server refused the login of credential "${credential}": check its user and password under Settings → Credentials.`
        : 'The server refused the login: check the credential’s user and password under Settings → Credentials.';
    case 'SlackApiError':
      if (/: (invalid_auth|not_authed|token_revoked|token_expired|account_inactive)\b/.test(message)) {
        return credential
          ? `Slack refused the token of credential "${credential}": put in a current bot token under Settings → Credentials.`
          : 'Slack refused the token: put in a current bot token under Settings → Credentials.';
      }
      if (/: (channel_not_found|not_in_channel)\b/.test(message)) {
        return 'The bot cannot see that channel: check the channel name or ID, and invite the bot to a private channel (/invite).';
      }
      return null;
    case 'LlmAuthFailed':
      return credential
        ? `The model provider refused the API key of credential "${credential}": put in a current key under Settings → Credentials.`
        : 'The model provider refused the API key: put in a current key under Settings → Credentials.';
    case 'LlmModelNotFound':
      return 'The provider has no model by that name: check the model id (as the provider lists it) and the credential’s base URL.';
    case 'LlmOutputInvalid':
      return 'The model’s replies did not match the output schema: say more about the expected JSON in the prompt, loosen the schema, or allow more repairs (maxRepairs).';
    case 'LlmRateLimited':
      return 'The model provider is limiting the rate of requests: allow more time between attempts (retry interval), or make fewer calls at once (a loop’s concurrency).';
    case 'LlmRefused':
      return 'The model declined to answer: rephrase the prompt, or check what it was given (the context below shows what its expressions read).';
    case 'TextractRefused':
      if (/: (UnrecognizedClientException|InvalidSignatureException|AccessDeniedException)\b/.test(message)) {
        return credential
          ? `AWS refused the key of credential "${credential}", or it may not call Textract: check the key and its IAM policy under Settings → Credentials.`
          : 'AWS refused the key, or it may not call Textract: check the key and its IAM policy under Settings → Credentials.';
      }
      if (/multi-page PDF/.test(message)) {
        return 'Put the PDF in S3 and give the node an s3 source: Textract reads multi-page documents only from S3, as a job.';
      }
      return 'Textract could not take this document: check that it is a PDF, PNG, JPEG or TIFF within Textract’s limits, and that the S3 bucket and key are right.';
    case 'TextractJobFailed':
      return 'Textract could not read the document (its message says why): check that it opens, is not password-protected and is within Textract’s page limits.';
    case 'TextractTimeout':
      return 'The Textract job took longer than the node’s timeoutMs: raise it (and the node’s own timeout above it) for long documents.';
    case 'TextractThrottled':
      return 'Textract is limiting the rate of requests: allow more time between attempts (retry interval), or ask AWS for a higher quota.';
    case 'FileNotFound':
      return 'The file this node names is not in the org: upload it with POST /api/files and use the id it answers.';
    case 'OAuth2Refused':
      return credential
        ? `The OAuth2 provider refused a token for credential "${credential}": reconnect it under Settings → Credentials.`
        : 'The OAuth2 provider refused a token: reconnect the credential under Settings → Credentials.';
    case 'ExpressionError': {
      const field = fieldOf(message);
      return `Fix the expression in ${field ?? 'the node’s config'}: the context below shows what it could read when this step ran.`;
    }
    case 'ExpressionTooComplex': {
      const field = fieldOf(message);
      return `The expression in ${field ?? 'the node’s config'} does too much work: simplify it, or do the work in a code node.`;
    }
    case 'InvalidConfig': {
      const field = fieldOf(message);
      return `Fix ${field ?? 'the node’s config'}: after its expressions were resolved, it did not fit what the node accepts.`;
    }
    case 'OutputNotStorable':
      return 'The node returned something that cannot be stored: return plain JSON without NUL characters, nested less deeply.';
    case 'CodeMemoryLimit':
      return 'The code used more memory than allowed: raise the node’s memory limit, or process less data at once.';
    case 'CodeResultNotJson':
    case 'CodeResultTooLarge':
      return 'Return plain JSON data from the code (no functions or class instances), and keep it small.';
    case 'CodeNeverSettled':
      return 'The code awaited something that never finished: make sure every promise it awaits settles.';
  }
  if (nodeType === 'code.javascript') {
    return 'The code threw: the stack points at the line; the context below shows the input it had.';
  }
  return null;
}
