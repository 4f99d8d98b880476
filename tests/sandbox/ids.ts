/**
 * Ids shaped like Anytype's: objects are CIDv1 strings (`bafyrei` + base32), spaces add `.<suffix>`,
 * keys and tag keys are hex/base64. Derived from a seed so a reset vault has the same ids again.
 */
import { createHash, randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** `bafyrei` + 52 base32 chars, 59 in all, like a dag-cbor CIDv1. */
export function cid(seed: string): string {
  return `bafyrei${base32(digest(seed)).slice(0, 52)}`;
}

export function spaceId(seed: string): string {
  const suffix = BigInt(`0x${digest(`suffix:${seed}`).toString('hex').slice(0, 16)}`).toString(36).slice(0, 13);
  return `${cid(seed)}.${suffix}`;
}

/** 24 hex chars, like the keys Anytype gives tags and views. */
export function hexKey(seed: string): string {
  return digest(seed).toString('hex').slice(0, 24);
}

export function apiKey(): string {
  return randomBytes(32).toString('base64');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Keys of builds of 2026: `anytype_<40–60 alphanumerics>_<8 hex>`. */
export function currentApiKey(): string {
  const bytes = randomBytes(61);
  const length = 40 + ((bytes[60] as number) % 21);
  let body = '';
  for (let i = 0; i < length; i++) body += ALNUM[(bytes[i] as number) % ALNUM.length];
  return `anytype_${body}_${randomBytes(4).toString('hex')}`;
}

export function challengeId(): string {
  return randomBytes(12).toString('hex');
}

/** A fresh seed for objects made at run time. */
export function freshSeed(): string {
  return randomBytes(16).toString('hex');
}
