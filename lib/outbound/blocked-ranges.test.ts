import { describe, expect, it } from 'vitest';
import { blockedRangeOf, embeddedIPv4 } from './blocked-ranges';

describe('blockedRangeOf', () => {
  it.each([
    ['127.0.0.1', 'loopback address'],
    ['127.255.0.9', 'loopback address'],
    ['::1', 'loopback address'],
    ['[::1]', 'loopback address'],
    ['0.0.0.0', 'unspecified address'],
    ['::', 'unspecified address'],
    ['10.1.2.3', 'private address'],
    ['172.31.255.255', 'private address'],
    ['192.168.1.1', 'private address'],
    ['fd12:3456::1', 'private address'],
    ['169.254.169.254', 'cloud metadata address'],
    ['fd00:ec2::254', 'cloud metadata address'],
    ['100.100.100.200', 'cloud metadata address'],
    ['169.254.1.1', 'link-local address'],
    ['fe80::1%eth0', 'link-local address'],
    ['100.64.0.1', 'shared (CGNAT) address'],
    ['224.0.0.251', 'multicast address'],
    ['ff02::1', 'multicast address'],
    ['255.255.255.255', 'reserved address'],
    ['::ffff:127.0.0.1', 'loopback address'],
    ['::ffff:7f00:1', 'loopback address'],
    ['::ffff:169.254.169.254', 'cloud metadata address'],
    ['::127.0.0.1', 'loopback address'],
    ['64:ff9b::a00:1', 'private address'],
    ['2002:7f00:1::', 'loopback address'],
  ])('blocks %s as a %s', (ip, label) => {
    expect(blockedRangeOf(ip)).toBe(label);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '172.32.0.1', '100.128.0.1'])(
    'lets the public address %s through',
    (ip) => {
      expect(blockedRangeOf(ip)).toBeUndefined();
    },
  );

  it('reads the IPv4 address inside mapped, NAT64 and 6to4 forms', () => {
    expect(embeddedIPv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(embeddedIPv4('64:ff9b::808:808')).toBe('8.8.8.8');
    expect(embeddedIPv4('2002:c0a8:101::1')).toBe('192.168.1.1');
    expect(embeddedIPv4('2606:4700::1111')).toBeUndefined();
  });
});
