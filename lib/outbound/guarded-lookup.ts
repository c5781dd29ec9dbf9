import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { OutboundBlocked } from './outbound-blocked';
import { refusal, type OutboundPolicy } from './policy';

/** Refuses a host that is an IP literal the policy blocks; such hosts never reach a DNS lookup. */
export function assertLiteralAllowed(policy: OutboundPolicy, hostname: string): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (!isIP(host)) return;
  const reason = refusal(policy, host, host);
  if (reason) throw new OutboundBlocked(host, `${host} is a ${reason}`);
}

/**
 * A DNS lookup for `net.connect` that refuses blocked addresses. It runs when the connection is
 * made, so the address checked is the address connected to: a name that resolves to a public
 * address for a check and to 127.0.0.1 a moment later (DNS rebinding) gets nowhere.
 */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      // Every answer must pass: a resolver may hand out a mix, and the client may try any of them.
      for (const { address } of addresses) {
        const reason = refusal(policy, hostname, address);
        if (reason)
          return callback(new OutboundBlocked(hostname, `${hostname} resolves to ${address}, a ${reason}`), '', 0);
      }
      if (options.all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Resolves a host through the guard, for clients that connect to an address themselves (Postgres). */
export function resolveGuarded(policy: OutboundPolicy, hostname: string): Promise<string> {
  assertLiteralAllowed(policy, hostname);
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return Promise.resolve(host);
  return new Promise((resolve, reject) =>
    guardedLookup(policy)(host, {}, (error, address) => (error ? reject(error) : resolve(address as string))),
  );
}
