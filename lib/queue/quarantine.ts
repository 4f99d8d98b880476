/**
 * What can be read of a quarantined entry, for the options page to list and export: a stored job
 * that failed validation may still carry its title, address and text, and those are the person's.
 * Only strings are taken from the raw entry, so nothing stored is ever shown as anything but text.
 */
import type { QuarantineEntry } from './types';

export interface ReadableQuarantineEntry {
  reason: string;
  at: number;
  title?: string;
  address?: string;
  markdown?: string;
  /** The entry as stored, as JSON, for an export that keeps everything. */
  raw: string;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function readQuarantined(entry: QuarantineEntry): ReadableQuarantineEntry {
  const payload = field(entry.raw, 'payload');
  const title = text(field(payload, 'name'));
  const address = text(field(entry.raw, 'sourceUrl'));
  const markdown = text(field(payload, 'markdown'));
  return {
    reason: entry.reason,
    at: entry.at,
    ...(title ? { title } : {}),
    ...(address ? { address } : {}),
    ...(markdown ? { markdown } : {}),
    raw: json(entry.raw),
  };
}
