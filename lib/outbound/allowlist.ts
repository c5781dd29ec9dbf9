import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

const HOST_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function cidrProblem(entry: string): string | undefined {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return 'is not an IP address or CIDR range';
  if (bits === undefined) return undefined;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max ? undefined : `has a prefix length outside 0–${max}`;
}

/**
 * One allowlist entry: a host name (`api.internal`), every subdomain of one (`*.corp.example`),
 * an IP address or a CIDR range (`10.20.0.0/16`, `fd00::/8`).
 */
export const allowlistEntry = z
  .string({ error: 'entries must be text' })
  .trim()
  .toLowerCase()
  .min(1, 'entries may not be empty')
  .max(253, 'entries may be at most 253 characters')
  .superRefine((entry, context) => {
    const looksLikeAddress = entry.includes(':') || entry.includes('/') || /^[\d.]+$/.test(entry);
    const problem = looksLikeAddress ? cidrProblem(entry) : HOST_NAME.test(entry) ? undefined : 'is not a host name';
    if (problem) context.addIssue({ code: 'custom', message: `"${entry}" ${problem}` });
  });

export const allowlistSchema = z
  .array(allowlistEntry, { error: 'entries must be a list of hosts or CIDR ranges' })
  .max(100, 'at most 100 entries');

/** Answers whether a host name, or an address it resolved to, is on a list. */
export interface AllowlistMatcher {
  allowsHost(host: string): boolean;
  allowsAddress(ip: string): boolean;
}

export function allowlistMatcher(entries: readonly string[]): AllowlistMatcher {
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  const ranges = new BlockList();
  for (const entry of entries) {
    if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else if (isIP(entry.split('/')[0])) {
      const [address, bits] = entry.split('/');
      const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      ranges.addSubnet(address, bits === undefined ? (family === 'ipv4' ? 32 : 128) : Number(bits), family);
    } else hosts.add(entry);
  }
  return {
    allowsHost: (host) => {
      const name = host.toLowerCase().replace(/\.$/, '');
      return hosts.has(name) || suffixes.some((suffix) => name.endsWith(suffix));
    },
    allowsAddress: (ip) => {
      const address = ip.replace(/^\[|\]$/g, '').split('%')[0];
      const family = isIP(address);
      return family !== 0 && ranges.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
