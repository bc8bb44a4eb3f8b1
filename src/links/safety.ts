import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a link check must never reach by default: URLs come from untrusted pull requests and
 * the check may run on a self-hosted runner inside a private network or a cloud VM.
 */
// Separate lists: a BlockList holding an IPv4-mapped IPv6 range also matches plain IPv4 checks.
const BLOCKED_V4 = new BlockList();
const BLOCKED_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (includes some metadata services)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  BLOCKED_V4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::ffff:0:0', 96], // IPv4-mapped: would reach any IPv4 address, private ones included
  ['fc00::', 7], // unique local, including AWS's fd00:ec2::254 metadata address
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED_V6.addSubnet(net, prefix, 'ipv6');
}

const BLOCKED_NAMES = /^(localhost|.*\.localhost|metadata\.google\.internal|metadata)\.?$/i;

/** Decides whether an address may not be connected to. */
export type AddressPolicy = (address: string) => boolean;

/** True for loopback, private, link-local, metadata and other non-public addresses. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED_V4.check(address, 'ipv4');
  if (family === 6) return BLOCKED_V6.check(address, 'ipv6');
  return false;
}

/** The reason a URL's host may not be requested before any lookup, or undefined when it may. */
export function blockedHost(
  hostname: string,
  isBlocked: AddressPolicy = isBlockedAddress,
): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isBlocked === isBlockedAddress && BLOCKED_NAMES.test(host)) return `${host} is a local name`;
  if (isIP(host) && isBlocked(host)) return `${host} is a private or local address`;
  return undefined;
}

/** The error a refused lookup fails with; the checker reports it as a refused link, not a broken one. */
export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `dns.lookup` replacement for http(s).request: resolves the name, then refuses the connection
 * when any address it resolves to is not public. Checking at connection time (not before the
 * request) means a name that changes its answer between two lookups cannot slip through.
 */
export function safeLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookupWith(isBlockedAddress, hostname, options, callback);
}

/** `safeLookup` with another address policy. */
export function safeLookupWith(isBlocked: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void =>
    lookupWith(isBlocked, hostname, options, callback);
}

function lookupWith(
  isBlocked: AddressPolicy,
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, []);
      return;
    }
    const blocked = addresses.find((a) => isBlocked(a.address));
    if (blocked) {
      callback(
        new BlockedAddressError(`${hostname} resolves to ${blocked.address}, a private or local address`),
        [],
      );
      return;
    }
    if (options.all) {
      callback(null, addresses);
      return;
    }
    const first = addresses[0];
    if (!first) {
      callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      return;
    }
    callback(null, first.address, first.family);
  });
}
