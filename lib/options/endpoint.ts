/**
 * Turns what a person types for an Anytype endpoint (a port, or a loopback URL) into the
 * connection's base URL (the host permission it needs: lib/pairing/host-access.ts).
 */
import { i18n } from '#i18n';
import * as v from 'valibot';
import { LOOPBACK_URL } from '../settings/connections';

export type EndpointResult = { ok: true; baseUrl: string } | { ok: false; error: string };

const loopbackHint = () => i18n.t('options.connectionForm.loopbackOnly');
const BaseUrlSchema = v.pipe(v.string(), v.regex(LOOPBACK_URL, loopbackHint));

export function parseEndpoint(input: string): EndpointResult {
  const text = input.trim();
  if (!text) return { ok: false, error: i18n.t('options.connectionForm.noEndpoint') };
  const candidate = /^\d+$/.test(text) ? `http://127.0.0.1:${text}` : text.replace(/\/+$/, '');
  const port = Number(/:(\d+)$/.exec(candidate)?.[1]);
  const parsed = v.safeParse(BaseUrlSchema, candidate);
  if (!parsed.success) return { ok: false, error: loopbackHint() };
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return { ok: false, error: i18n.t('options.connectionForm.badPort') };
  return { ok: true, baseUrl: parsed.output };
}
