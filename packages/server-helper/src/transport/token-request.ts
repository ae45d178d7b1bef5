/**
 * The token call (§2): `POST /user/auth/oauth2/token`, unsigned, fields as `multipart/form-data`
 * (or urlencoded, a setting). Accepts the enveloped and the bare answer.
 *
 * @module
 */
import { WPayApiError, WPayValidationError } from '../errors.js';
import { tokenDataSchema } from '../schemas/token.js';
import type { StoredToken } from '../stores/token-store.js';
import { issuesOf } from '../validate.js';
import type { TransportContext } from './context.js';
import { envelopeSchema, parseJson, refusal } from './envelope.js';
import { statusMatches } from './retry.js';
import { sendAttempt } from './send.js';
import { withRetries } from './with-retries.js';

/** Which grant to ask for. */
export type TokenGrant =
  | { type: 'client_credentials'; apiKey: string; apiSecret: string }
  | { type: 'refresh_token'; refreshToken: string };

function fields(grant: TokenGrant): Record<string, string> {
  return grant.type === 'client_credentials'
    ? { grant_type: 'client_credentials', api_key: grant.apiKey, api_secret: grant.apiSecret }
    : { grant_type: 'refresh_token', refresh_token: grant.refreshToken };
}

function encode(ctx: TransportContext, values: Record<string, string>): FormData | URLSearchParams {
  if (ctx.settings.protocol.tokenRequestEncoding === 'urlencoded')
    return new URLSearchParams(values);
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  return form;
}

/**
 * Asks WPay for a token (new or refreshed) and returns it as a {@link StoredToken}.
 *
 * @throws {WPayAuthError} when WPay refuses the credentials or the refresh token.
 * @example
 * ```ts
 * const token = await requestToken(ctx, { type: 'client_credentials', apiKey, apiSecret });
 * ```
 */
export async function requestToken(ctx: TransportContext, grant: TokenGrant): Promise<StoredToken> {
  const path = ctx.settings.protocol.paths.token;
  const values = fields(grant);
  const interpretOptions = () => ({
    path,
    settings: ctx.settings,
    now: ctx.now(),
    scrub: ctx.scrub,
  });
  const answer = await withRetries(
    ctx,
    { kind: 'token', path, policy: 'safe', maxRetries: ctx.settings.maxRetries },
    (attempt) =>
      sendAttempt(ctx, {
        kind: 'token',
        path,
        url: `${ctx.baseUrl}${path}`,
        headers: { accept: 'application/json' },
        body: encode(ctx, values),
        bodyForHooks: values,
        attempt,
        timeoutMs: ctx.settings.timeoutMs,
      }).then((answer) => {
        // Turn retryable statuses into errors inside the loop.
        if (statusMatches(answer.status, ctx.settings.retryHttpStatuses)) {
          const envelope = envelopeSchema.safeParse(parseJson(answer.text));
          throw refusal(envelope.success ? envelope.data : undefined, answer, interpretOptions());
        }
        return answer;
      }),
  );
  const body = parseJson(answer.text);
  const envelope = envelopeSchema.safeParse(body);
  let data: unknown = body;
  if (envelope.success) {
    if (!ctx.settings.protocol.successRetcodes.includes(String(envelope.data.retcode))) {
      throw refusal(envelope.data, answer, interpretOptions());
    }
    data = envelope.data.retdata;
  } else if (answer.status < 200 || answer.status >= 300) {
    throw refusal(undefined, answer, interpretOptions());
  }
  const token = tokenDataSchema.safeParse(data);
  if (!token.success) {
    if (body === undefined) {
      throw new WPayApiError({
        retcode: undefined,
        retmsg: undefined,
        httpStatus: answer.status,
        path,
        message: `WPay answered ${path} with a body that is not JSON`,
        hint: 'Check baseUrl and the token path setting.',
      });
    }
    throw new WPayValidationError({
      what: `token answer from ${path}`,
      issues: issuesOf(token.error),
      hint: 'WPay answered the token call in an unexpected shape; check baseUrl and paths.token.',
    });
  }
  const now = ctx.now();
  const t = token.data;
  const expiresIn = t.expires_in ?? ctx.settings.protocol.accessTokenLifetimeSeconds;
  const stored: StoredToken = {
    accessToken: t.access_token,
    expiresAt: now + expiresIn * 1000,
    issuedAt: now,
  };
  if (t.refresh_token) {
    stored.refreshToken = t.refresh_token;
    stored.refreshExpiresAt =
      now + (t.rt_expires_in ?? ctx.settings.protocol.refreshTokenLifetimeSeconds) * 1000;
  }
  return stored;
}
