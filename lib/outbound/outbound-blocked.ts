/** A request made on a user's behalf was refused by the outbound guard; never retried. */
export class OutboundBlocked extends Error {
  override name = 'OutboundBlocked';
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(
      `Outbound request to ${host} blocked: ${reason}. An org admin can allow private hosts under Settings → Network; ` +
        'loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)',
    );
  }
}

/** The OutboundBlocked inside an error, however deeply fetch or a driver wrapped it. */
export function findOutboundBlocked(error: unknown): OutboundBlocked | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof OutboundBlocked) return cause;
  }
  return undefined;
}
