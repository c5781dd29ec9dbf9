import { BlockList, isIPv4, isIPv6 } from 'node:net';

// Addresses a request made on a user's behalf may not reach unless an allowlist opens them:
// this machine, its private networks and the cloud's metadata services.
const RANGES: Record<string, { v4?: string[]; v6?: string[] }> = {
  'cloud metadata address': {
    v4: ['169.254.169.254/32', '169.254.170.2/32', '100.100.100.200/32', '192.0.0.192/32'],
    v6: ['fd00:ec2::254/128'],
  },
  'loopback address': { v4: ['127.0.0.0/8'], v6: ['::1/128'] },
  'unspecified address': { v4: ['0.0.0.0/8'], v6: ['::/128'] },
  'private address': {
    v4: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '192.0.0.0/24', '198.18.0.0/15'],
    v6: ['fc00::/7', 'fec0::/10'],
  },
  'link-local address': { v4: ['169.254.0.0/16'], v6: ['fe80::/10'] },
  'shared (CGNAT) address': { v4: ['100.64.0.0/10'] },
  'multicast address': { v4: ['224.0.0.0/4'], v6: ['ff00::/8'] },
  'reserved address': { v4: ['240.0.0.0/4'], v6: ['100::/64', '2001:db8::/32'] },
};

const lists = Object.entries(RANGES).map(([label, { v4 = [], v6 = [] }]) => {
  const list = new BlockList();
  for (const cidr of v4) list.addSubnet(cidr.split('/')[0], Number(cidr.split('/')[1]), 'ipv4');
  for (const cidr of v6) list.addSubnet(cidr.split('/')[0], Number(cidr.split('/')[1]), 'ipv6');
  return { label, list };
});

function hextets(ip: string): number[] {
  const [head, tail = ''] = ip.split('::');
  const parse = (part: string) =>
    (part ? part.split(':') : []).flatMap((group) => {
      // An embedded dotted quad (::ffff:1.2.3.4) is two hextets.
      if (!group.includes('.')) return [parseInt(group, 16)];
      const [a, b, c, d] = group.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  const start = parse(head);
  const end = parse(tail);
  return [...start, ...Array(8 - start.length - end.length).fill(0), ...end];
}

const dottedQuad = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/**
 * The IPv4 address an IPv6 address carries, where the network would deliver it to that IPv4
 * host: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4
 * (2002:aabb:ccdd::/48).
 */
export function embeddedIPv4(ip: string): string | undefined {
  const words = hextets(ip.toLowerCase());
  const zeroPrefix = words.slice(0, 5).every((word) => word === 0);
  if (zeroPrefix && (words[5] === 0xffff || (words[5] === 0 && (words[6] !== 0 || words[7] > 1)))) {
    return dottedQuad(words[6], words[7]);
  }
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((word) => word === 0)) {
    return dottedQuad(words[6], words[7]);
  }
  if (words[0] === 0x2002) return dottedQuad(words[1], words[2]);
  return undefined;
}

/** Why an IP address is blocked by default ("loopback address"), or undefined when it is public. */
export function blockedRangeOf(ip: string): string | undefined {
  const address = ip.replace(/^\[|\]$/g, '').split('%')[0];
  if (isIPv4(address)) return lists.find(({ list }) => list.check(address, 'ipv4'))?.label;
  if (!isIPv6(address)) return 'invalid address';
  const carried = embeddedIPv4(address);
  if (carried) return blockedRangeOf(carried);
  return lists.find(({ list }) => list.check(address, 'ipv6'))?.label;
}
