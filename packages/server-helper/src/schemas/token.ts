/**
 * The token answer of `POST /user/auth/oauth2/token` (§2), in either documented shape: inside the
 * envelope (`{"retcode":200,"retdata":{…}}`) or bare (`{"access_token":…}`, the refresh answer).
 *
 * @module
 */
import * as z from 'zod';

const seconds = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/**
 * The token object WPay returns.
 *
 * @example
 * ```ts
 * tokenDataSchema.parse({ access_token: 'at', token_type: 'bearer', expires_in: 21600 });
 * ```
 */
export const tokenDataSchema = z
  .object({
    access_token: z.string().min(1),
    token_type: z.string().nullish(),
    expires_in: seconds.nullish(),
    refresh_token: z.string().min(1).nullish(),
    rt_expires_in: seconds.nullish(),
  })
  .loose();

/**
 * The token object WPay returns.
 *
 * @example
 * ```ts
 * const token: TokenData = tokenDataSchema.parse(retdata);
 * token.expires_in; // 21600
 * ```
 */
export type TokenData = z.infer<typeof tokenDataSchema>;
