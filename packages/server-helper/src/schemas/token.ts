/**
 * The token answer of `POST /user/auth/oauth2/token` (§2), in either documented shape: inside the
 * envelope (`{"retcode":200,"retdata":{…}}`) or bare (`{"access_token":…}`, the refresh answer).
 *
 * @module
 */

import { englishZodMessages } from '../english-zod-messages.js';
import * as z from '../zod.js';

englishZodMessages();

const seconds = z.union([
  z.number(),
  z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)),
]);

/**
 * The token object WPay returns.
 *
 * @example
 * ```ts
 * tokenDataSchema.parse({ access_token: 'at', token_type: 'bearer', expires_in: 21600 });
 * ```
 */
export const tokenDataSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.nullish(z.string()),
  expires_in: z.nullish(seconds),
  refresh_token: z.nullish(z.string().check(z.minLength(1))),
  rt_expires_in: z.nullish(seconds),
});

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
