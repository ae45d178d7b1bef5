/** @module Starts a sandbox: builds each merchant's context, serves them over node:http, returns the handle. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMerchantContext } from './create-merchant-context.js';
import { createMerchantRouter, type RoutedMerchant } from './create-merchant-router.js';
import { createSandboxApp } from './create-sandbox-app.js';
import { IdSequence } from './domain/id-sequence.js';
import { SandboxClock } from './domain/sandbox-clock.js';
import { ConnectionDrop } from './http/connection-drop.js';
import { ownOriginsOf } from './http/cross-site.js';
import { realResponse } from './http/prepared-response.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { readDataFile } from './persistence/data-file.js';
import { captureSandbox, DataSaver, restoreSandbox } from './persistence/persist-sandbox.js';
import { type SandboxMerchant, sandboxMerchant } from './sandbox-merchant.js';
import { nodeListenerOf } from './serve-node.js';

export type {
  SandboxEnvVars,
  SandboxMerchant,
  SandboxPayment,
  SandboxStateView,
  WaitForDeliveries,
} from './sandbox-merchant.js';

/**
 * A running sandbox. Its members act on the merchant of the top-level options (id `default`),
 * except `reset()`, which resets every merchant; `merchant(id)` is the handle on one merchant.
 *
 * @example
 * ```ts
 * const sb: Sandbox = await startSandbox({ timeScale: 1000, merchants: [{ id: 'north' }] });
 * sb.merchant('north').credentials.apiKey; // 'wpay_test_north_api_key'
 * await sb.close();
 * ```
 */
export interface Sandbox extends SandboxMerchant {
  /**
   * Back to a fresh sandbox between tests: every merchant forgets its payments, subscriptions,
   * bills, refunds, events, deliveries (planned retries never run), fault rules, request log and
   * counters, and gets back its webhook URL and its fixtures given at start. The clock, issued tokens and the
   * URL stay, and identifiers keep counting (none is handed out twice).
   * `sb.merchant(id).reset()` resets one merchant only.
   */
  reset(): void;
  /** One merchant (`default`: the top-level options' one); throws naming the known ids. */
  merchant(id: string): SandboxMerchant;
  /** Every merchant, `default` first. */
  readonly merchants: readonly SandboxMerchant[];
  /** Stops everything: server, held requests, timers, webhook attempts. */
  close(): Promise<void>;
}

/**
 * Starts a local WPay: the API of wpay-api.md, a hosted payment page, signed webhooks with WPay's
 * retry schedule, faults on demand, a dashboard at `/` and a control API at `/__sandbox/`; with
 * `merchants`, several merchants in one process, each with its own credentials and state.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@wpay/sandbox';
 * const sb = await startSandbox({ port: 0, webhookUrl: 'http://127.0.0.1:3000/hooks', timeScale: 1000 });
 * console.log(sb.url, sb.credentials.apiKey);
 * await sb.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = resolveOptions(options);
  const data = settings.data === undefined ? undefined : await readDataFile(settings.data);
  let saver: DataSaver | undefined;
  const changed = () => saver?.changed();
  const closing = new AbortController();
  const clock = new SandboxClock({
    onError: (error) =>
      settings.logger.error('scheduled job failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    offsetMs: data?.clockOffsetMs ?? 0,
    onAdvance: changed,
  });
  const ids = new IdSequence(data?.ids);
  const resetAll = () => {
    for (const merchant of routed) merchant.ctx.reset();
  };
  const routed: RoutedMerchant[] = settings.merchants.map((merchant) => {
    const ctx = createMerchantContext(settings, merchant, {
      clock,
      ids,
      closing: closing.signal,
      resetAll,
      changed,
    });
    return { ctx, app: createSandboxApp(ctx) };
  });
  const contexts = routed.map(({ ctx }) => ctx);
  if (settings.data !== undefined) {
    if (data) restoreSandbox(data, { file: settings.data, merchants: contexts });
    saver = new DataSaver(
      settings.data,
      () => captureSandbox({ clock, ids, merchants: contexts }),
      settings.logger,
    );
    saver.changed(); // the file exists from the start (and says which merchants it serves)
  }
  const router = createMerchantRouter(routed);
  const app: typeof router = saver
    ? {
        fetch: async (request, bindings) => {
          const response = await router.fetch(request, bindings);
          const method = request.method.toUpperCase();
          if (method !== 'GET' && method !== 'HEAD') changed();
          return response;
        },
      }
    : router;

  let baseUrl = '';
  const server = createServer(
    nodeListenerOf(app, { baseUrl: () => baseUrl, logger: settings.logger }),
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const reachable =
    settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host === '::' ? '::1' : settings.host;
  const host = reachable.includes(':') ? `[${reachable}]` : reachable;
  const url = `http://${host}:${port}`;
  baseUrl = url;
  const publicUrl = settings.publicUrl ?? url;
  const ownOrigins = ownOriginsOf([url, publicUrl]);
  const directory = routed.map(({ ctx }) => ({
    id: ctx.merchantId,
    merchantName: ctx.options.merchantName,
  }));
  for (const { ctx } of routed) {
    ctx.publicUrl = publicUrl;
    ctx.ownOrigins = ownOrigins;
    ctx.merchantDirectory = directory;
  }
  settings.logger.info?.('sandbox listening', {
    url,
    publicUrl,
    merchants: routed.map(({ ctx }) => ctx.merchantId),
  });

  const inProcessFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    try {
      return realResponse(await app.fetch(request));
    } catch (error) {
      if (!(error instanceof ConnectionDrop)) throw error;
      if (request.signal.aborted) throw request.signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
  };
  const merchants = routed.map(({ ctx }) => sandboxMerchant(ctx, { url, fetch: inProcessFetch }));
  const [first] = merchants;
  if (!first) throw new Error('startSandbox: no merchant'); // resolveOptions always has one
  let closed: Promise<void> | undefined;

  return {
    ...first,
    reset: resetAll,
    merchant: (id) => {
      const found = merchants.find((merchant) => merchant.id === id);
      if (!found) {
        const known = merchants.map((merchant) => merchant.id).join(', ');
        throw new Error(`sb.merchant: no merchant "${id}" (this sandbox has ${known})`);
      }
      return found;
    },
    merchants,
    close: () => {
      // The data file is written before anything stops, so that pending deliveries stay pending
      // in it (and are retried after a restart) rather than `closed`.
      closed ??= (saver?.stop() ?? Promise.resolve()).then(
        () =>
          new Promise<void>((resolve) => {
            closing.abort();
            for (const { ctx } of routed) ctx.webhooks.close();
            clock.stop();
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      );
      return closed;
    },
  };
}
