/**
 * The few Redis operations the stores are made of, on top of one raw-command function: reads,
 * writes with an expiry (optionally only when the key is free), and owner-checked deletes.
 *
 * @module
 */
import { type RedisClientLike, toRedisCommand } from './redis-command.js';

/** Deletes KEYS[1] only if its value is still ARGV[1] (the caller's own token). */
const COMPARE_AND_DELETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Deletes KEYS[1] only if it is JSON whose field ARGV[1] equals ARGV[2]; returns 1 if deleted. */
const COMPARE_FIELD_AND_DELETE = `local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, value = pcall(cjson.decode, current)
if ok and type(value) == 'table' and value[ARGV[1]] == ARGV[2] then
  return redis.call('DEL', KEYS[1])
end
return 0`;
/** Sets KEYS[1] to ARGV[2] with PX ARGV[3] unless it holds a value other than ARGV[1]; 1 if set. */
const COMPARE_AND_SET = `local current = redis.call('GET', KEYS[1])
if current and current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;
/** Sets the expiry of KEYS[1] to PX ARGV[2] only if its value is still ARGV[1]; 1 if done. */
const COMPARE_AND_EXPIRE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;
/** Returns the value of KEYS[1], or sets it to ARGV[1] with PX ARGV[2] and returns nil. */
const GET_OR_SET = `local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

/** `PX` argument: whole milliseconds, at least 1. */
const px = (ms: number) => String(Math.max(1, Math.floor(ms)));

/** What {@link redisOps} returns. */
export interface RedisOps {
  /** The string value of `key`, or `undefined`. */
  get(key: string): Promise<string | undefined>;
  /**
   * `SET key value PX ttlMs` (whole ms, at least 1); with `ifAbsent`, only when the key is free
   * (`NX`). Resolves to whether it was set.
   */
  set(
    key: string,
    value: string,
    ttlMs: number,
    options?: { ifAbsent?: boolean },
  ): Promise<boolean>;
  /** Deletes `key`. */
  del(key: string): Promise<void>;
  /** Deletes `key` only while its value is still `value`: a lock or claim is freed by its owner only. */
  deleteIfValue(key: string, value: string): Promise<void>;
  /**
   * Deletes `key` only while it holds JSON whose `field` is `value` (atomically); resolves to
   * whether it deleted.
   */
  deleteIfJsonField(key: string, field: string, value: string): Promise<boolean>;
  /**
   * Sets `key` to `value` for `ttlMs` unless it holds something other than `expected` (it still
   * holds `expected`, or nothing): an owner's write that never overwrites another owner's entry.
   * Resolves to whether it was set.
   */
  setIfValueOrAbsent(key: string, expected: string, value: string, ttlMs: number): Promise<boolean>;
  /** Extends `key` to `ttlMs` from now only while its value is still `value`; whether it did. */
  expireIfValue(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** The value of `key`; when there is none, sets it to `value` (atomically) and resolves to `undefined`. */
  getOrSet(key: string, value: string, ttlMs: number): Promise<string | undefined>;
}

/**
 * The operations of {@link RedisOps} on `client`.
 *
 * @example
 * ```ts
 * const redis = redisOps(createClient({ url }));
 * if (await redis.set('lock:k', owner, 30_000, { ifAbsent: true })) await redis.deleteIfValue('lock:k', owner);
 * ```
 */
export function redisOps(client: RedisClientLike): RedisOps {
  const send = toRedisCommand(client);
  const evalScript = (script: string, key: string, ...args: string[]) =>
    send(['EVAL', script, '1', key, ...args]);
  return {
    async get(key) {
      const value = await send(['GET', key]);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, ttlMs, { ifAbsent = false } = {}) {
      const reply = await send(['SET', key, value, ...(ifAbsent ? ['NX'] : []), 'PX', px(ttlMs)]);
      return reply === 'OK';
    },
    async del(key) {
      await send(['DEL', key]);
    },
    async deleteIfValue(key, value) {
      await evalScript(COMPARE_AND_DELETE, key, value);
    },
    async deleteIfJsonField(key, field, value) {
      return Number(await evalScript(COMPARE_FIELD_AND_DELETE, key, field, value)) === 1;
    },
    async setIfValueOrAbsent(key, expected, value, ttlMs) {
      return Number(await evalScript(COMPARE_AND_SET, key, expected, value, px(ttlMs))) === 1;
    },
    async expireIfValue(key, value, ttlMs) {
      return Number(await evalScript(COMPARE_AND_EXPIRE, key, value, px(ttlMs))) === 1;
    },
    async getOrSet(key, value, ttlMs) {
      const current = await evalScript(GET_OR_SET, key, value, px(ttlMs));
      return typeof current === 'string' ? current : undefined;
    },
  };
}

/**
 * A random token identifying one holder of a lock or claim.
 *
 * @example
 * ```ts
 * const owner = randomToken(); // '3b1f…'
 * ```
 */
export function randomToken(): string {
  return globalThis.crypto.randomUUID();
}
