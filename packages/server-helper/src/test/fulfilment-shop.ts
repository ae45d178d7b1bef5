/**
 * Test helper: a shop whose side effects are recorded, and servers for its endpoints.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FulfilmentHandlers, Transition } from '../fulfilment/transition.js';
import { toNodeHandler } from '../node.js';

/** Every side effect the shop ran, in order. */
export interface RecordingShop {
  effects: Transition[];
  on: FulfilmentHandlers;
  /** How many times each transition key ran. */
  counts(): Map<string, number>;
  ofType(type: Transition['type']): Transition[];
}

export function recordingShop(): RecordingShop {
  const effects: Transition[] = [];
  const push = (transition: Transition) => {
    effects.push(transition);
  };
  return {
    effects,
    on: {
      paid: push,
      failed: push,
      cancelled: push,
      expired: push,
      partiallyRefunded: push,
      refunded: push,
      subscriptionRenewed: push,
      subscriptionRenewalFailed: push,
      subscriptionEnded: push,
    },
    counts() {
      const counts = new Map<string, number>();
      for (const { key } of effects) counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    },
    ofType: (type) => effects.filter((t) => t.type === type),
  };
}

/** Serves `handler` on 127.0.0.1, port 0; answers its base URL. */
export async function serve(
  handler: (request: Request) => Promise<Response>,
  servers: Server[],
): Promise<string> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
}

/** Runs `task` over `items`, `concurrency` at a time, answering the results in order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
