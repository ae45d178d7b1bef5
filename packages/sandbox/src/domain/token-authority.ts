/** @module Issues, refreshes, checks and revokes access tokens. */
import { randomBytes } from 'node:crypto';
import { refuse } from '../api/api-error.js';

/** The token object of wpay-api.md §2. */
export interface TokenObject {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  rt_expires_in: number;
}

/** What the token authority needs. */
export interface TokenAuthorityOptions {
  now: () => number;
  tokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Why an old token no longer works. */
type Retired = 'superseded by a newer one' | 'revoked';

/** Remembered retired tokens, to say why they fail (bounded). */
const MAX_RETIRED = 10_000;

/**
 * One client's tokens: only one access token (and its refresh token) is active at a time; a new
 * one, from a get or a refresh, retires the old pair.
 *
 * @example
 * ```ts
 * const tokens = new TokenAuthority({ now: Date.now, tokenTtlSeconds: 60, refreshTokenTtlSeconds: 120 });
 * const { access_token } = tokens.issue();
 * tokens.check(access_token); // passes, or throws a 401 ApiError
 * ```
 */
export class TokenAuthority {
  readonly #options: TokenAuthorityOptions;
  #access: { token: string; expiresAt: number } | undefined;
  #refresh: { token: string; expiresAt: number } | undefined;
  readonly #retired = new Map<string, Retired>();

  constructor(options: TokenAuthorityOptions) {
    this.#options = options;
  }

  /** Issues a new pair and retires the previous one. */
  issue(): TokenObject {
    this.#retire('superseded by a newer one');
    const now = this.#options.now();
    const { tokenTtlSeconds, refreshTokenTtlSeconds } = this.#options;
    this.#access = { token: newToken(), expiresAt: now + tokenTtlSeconds * 1000 };
    this.#refresh = { token: newToken(), expiresAt: now + refreshTokenTtlSeconds * 1000 };
    return {
      access_token: this.#access.token,
      token_type: 'bearer',
      expires_in: tokenTtlSeconds,
      refresh_token: this.#refresh.token,
      rt_expires_in: refreshTokenTtlSeconds,
    };
  }

  /** Exchanges the current refresh token for a new pair; 401 otherwise. */
  refresh(refreshToken: string): TokenObject {
    const current = this.#refresh;
    if (!current || current.token !== refreshToken) {
      const retired = this.#retired.get(`r:${refreshToken}`);
      throw refuse(
        'auth',
        `refresh_token: ${retired ? `refresh token ${retired}` : 'unknown refresh token'}`,
      );
    }
    if (current.expiresAt <= this.#options.now()) {
      throw refuse(
        'auth',
        `refresh_token: refresh token ${expiredSince(current, this.#options.now())}`,
      );
    }
    return this.issue();
  }

  /** Passes for the current, unexpired access token; throws a 401 naming the reason. */
  check(accessToken: string | undefined): void {
    if (!accessToken) {
      throw refuse('auth', 'missing access token: send Authorization: Bearer {access_token}');
    }
    const current = this.#access;
    if (!current || current.token !== accessToken) {
      const retired = this.#retired.get(`a:${accessToken}`);
      throw refuse('auth', retired ? `access token ${retired}` : 'unknown access token');
    }
    if (current.expiresAt <= this.#options.now()) {
      throw refuse('auth', `access token ${expiredSince(current, this.#options.now())}`);
    }
  }

  /**
   * Whether this authority handed out `token` (current or retired): which merchant of a sandbox
   * a call belongs to, before its token is checked.
   */
  issued(token: string, kind: 'access' | 'refresh'): boolean {
    const current = kind === 'access' ? this.#access : this.#refresh;
    return (
      current?.token === token || this.#retired.has(`${kind === 'access' ? 'a' : 'r'}:${token}`)
    );
  }

  /** Revokes the current pair (a token-revoke fault). */
  revoke(): void {
    this.#retire('revoked');
  }

  #retire(reason: Retired): void {
    if (this.#access) this.#retired.set(`a:${this.#access.token}`, reason);
    if (this.#refresh) this.#retired.set(`r:${this.#refresh.token}`, reason);
    this.#access = undefined;
    this.#refresh = undefined;
    while (this.#retired.size > MAX_RETIRED) {
      const oldest = this.#retired.keys().next().value;
      if (oldest === undefined) break;
      this.#retired.delete(oldest);
    }
  }
}

/** `expired 61 s ago on the sandbox clock`: advancing the clock expires tokens too. */
function expiredSince({ expiresAt }: { expiresAt: number }, now: number): string {
  return `expired ${Math.round((now - expiresAt) / 1000)} s ago on the sandbox clock`;
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}
