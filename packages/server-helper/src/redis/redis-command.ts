/**
 * The one thing the Redis stores need from a client: sending a raw command.
 *
 * Both supported clients are accepted as they are, without an adapter package:
 * - node-redis v4/v5 (`redis`): `client.sendCommand(['SET', key, value])`;
 * - ioredis v5: `client.call('SET', [key, value])`.
 *
 * Or pass a function `(args: string[]) => Promise<unknown>` for any other client. Replies are
 * expected as RESP2 values (strings, numbers, `null`): the default of both clients.
 *
 * @module
 */
import { WPayConfigError } from '../errors.js';

/**
 * A node-redis v4/v5 client (`createClient()` from `redis`), connected.
 *
 * @example
 * ```ts
 * new RedisTokenStore(await createClient({ url: process.env.REDIS_URL }).connect());
 * ```
 */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * An ioredis v5 client (`new Redis()`).
 *
 * @example
 * ```ts
 * new RedisClaimStore(new Redis(process.env.REDIS_URL!));
 * ```
 */
export interface IoRedisLike {
  call(command: string, args: string[]): Promise<unknown>;
}

/**
 * Sends one raw command, e.g. `['SET', 'k', 'v', 'NX']`, and resolves to its reply.
 *
 * @example
 * ```ts
 * const send: RedisCommand = (args) => client.sendCommand(args);
 * await send(['PING']); // 'PONG'
 * ```
 */
export type RedisCommand = (args: string[]) => Promise<unknown>;

/**
 * Any Redis client the stores accept.
 *
 * @example
 * ```ts
 * const client: RedisClientLike = (args) => myRedis.command(args); // any client, as a function
 * new RedisClaimStore(client);
 * ```
 */
export type RedisClientLike = NodeRedisLike | IoRedisLike | RedisCommand;

/**
 * The raw-command function of `client`.
 *
 * @example
 * ```ts
 * const send = toRedisCommand(createClient({ url }));  // node-redis
 * const send2 = toRedisCommand(new Redis(url));         // ioredis
 * await send(['PING']); // 'PONG'
 * ```
 */
export function toRedisCommand(client: RedisClientLike): RedisCommand {
  if (typeof client === 'function') return client;
  if (client && typeof (client as IoRedisLike).call === 'function') {
    const io = client as IoRedisLike;
    return ([command, ...args]) => io.call(command as string, args);
  }
  if (client && typeof (client as NodeRedisLike).sendCommand === 'function') {
    const node = client as NodeRedisLike;
    return (args) => node.sendCommand(args);
  }
  throw new WPayConfigError({
    field: 'client',
    message: 'The Redis client has neither call() (ioredis) nor sendCommand() (node-redis)',
    hint: 'Pass a connected node-redis v4/v5 or ioredis v5 client, or a function (args: string[]) => Promise<reply>.',
  });
}
