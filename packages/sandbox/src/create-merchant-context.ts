/** @module One merchant's context: its own state, ledger, tokens, faults, webhooks and counters. */
import { SANDBOX_DEFAULTS } from './defaults.js';
import { ClockScope } from './domain/clock-scope.js';
import type { IdSequence } from './domain/id-sequence.js';
import { Ledger } from './domain/ledger.js';
import type { SandboxClock } from './domain/sandbox-clock.js';
import { SandboxState } from './domain/sandbox-state.js';
import { TokenAuthority } from './domain/token-authority.js';
import type { ViewSettings } from './domain/views.js';
import { FaultInjector } from './faults/fault-injector.js';
import { loadFixtures } from './fixtures/load-fixtures.js';
import type { ResolvedMerchant, ResolvedOptions } from './options.js';
import type { SandboxContext } from './sandbox-context.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

/**
 * What every merchant of one sandbox shares: the clock, the identifier counters, the closing
 * signal, and the reset of the whole sandbox.
 *
 * @example
 * ```ts
 * const shared: SharedParts = { clock, ids: new IdSequence(), closing: controller.signal, resetAll };
 * ```
 */
export interface SharedParts {
  clock: SandboxClock;
  ids: IdSequence;
  closing: AbortSignal;
  /** Resets every merchant (`sb.reset()`, `POST /__sandbox/reset`). */
  resetAll: () => void;
  /** Called when the state changed (a `--data` file is then written). */
  changed?: () => void;
}

/**
 * Builds one merchant's context: the sandbox's settings with this merchant's credentials, name,
 * webhook URL and faults laid over them, and its own state, ledger, tokens, fault injector,
 * webhook dispatcher (signing with its own sign key), request log and counters. Its jobs run on
 * its own scope of the shared clock, so that its `reset()` leaves the other merchants alone.
 *
 * @example
 * ```ts
 * const ctx = createMerchantContext(resolveOptions({}), resolveOptions({}).merchants[0], shared);
 * ```
 */
export function createMerchantContext(
  settings: ResolvedOptions,
  merchant: ResolvedMerchant,
  shared: SharedParts,
): SandboxContext {
  const options: ResolvedOptions = {
    ...settings,
    credentials: merchant.credentials,
    merchantName: merchant.merchantName,
    webhookUrl: merchant.webhookUrl,
    faults: merchant.faults,
  };
  const clock = new ClockScope(shared.clock);
  const protocol = settings.defaults;
  const views: ViewSettings = {
    timeZoneOffsetMinutes: protocol.timeZoneOffsetMinutes,
    channelId: protocol.channelId,
    paymentMethod: protocol.paymentMethod,
    processingFeePercent: protocol.processingFeePercent,
    processingFeeFixed: protocol.processingFeeFixed,
    gatewayAvailableDays: protocol.gatewayAvailableDays,
  };
  const state = new SandboxState(shared.ids, { maxPayments: settings.maxPayments });
  const faults = new FaultInjector(settings.seed, merchant.faults);
  const stats = {
    tokenRequests: 0,
    requests: 0,
    refusals: 0,
    checkouts: 0,
    webhookAttempts: 0,
    webhooksDelivered: 0,
  };
  let context: SandboxContext | undefined;
  const webhooks = new WebhookDispatcher({
    clock,
    faults,
    logger: settings.logger,
    signKey: merchant.credentials.signKey,
    signatureHeader: settings.signatureHeader,
    timestampHeader: settings.timestampHeader,
    retryDelaysMs: protocol.webhookRetryScheduleSeconds.map(
      (seconds) => (seconds * 1000) / settings.timeScale,
    ),
    timeoutMs: settings.webhookTimeoutMs,
    reorderDelayMs: SANDBOX_DEFAULTS.reorderDelayMs / settings.timeScale,
    ackBody: protocol.webhookAckBody,
    bodyExcerptChars: SANDBOX_DEFAULTS.bodyExcerptChars,
    timeZoneOffsetMinutes: protocol.timeZoneOffsetMinutes,
    maxEvents: settings.maxWebhookEvents,
    url: () => context?.webhookUrl,
    onAttempt: (delivery, attempt) => {
      shared.changed?.();
      stats.webhookAttempts += 1;
      if (delivery.state === 'delivered') stats.webhooksDelivered += 1;
      settings.logger.debug?.('webhook attempt', {
        merchant: merchant.id,
        eventId: delivery.eventId,
        status: attempt.status,
        error: attempt.error,
      });
    },
  });
  const ledger = new Ledger({
    state,
    clock,
    views,
    emit: (eventType, data) => {
      webhooks.emit(eventType, data);
      shared.changed?.();
    },
    sessionTtlMs: settings.sessionTtlSeconds * 1000,
    sessionRetentionMs: settings.sessionRetentionSeconds * 1000,
    slowCardMs: (settings.slowCardSeconds * 1000) / settings.timeScale,
    maxFailedRenewals: settings.maxFailedRenewals,
  });
  const tokens = new TokenAuthority({
    now: () => clock.now(),
    tokenTtlSeconds: settings.tokenTtlSeconds,
    refreshTokenTtlSeconds: settings.refreshTokenTtlSeconds,
  });
  const built: SandboxContext = {
    merchantId: merchant.id,
    options,
    clock,
    state,
    ledger,
    tokens,
    faults,
    webhooks,
    views,
    stats,
    requestLog: [],
    closing: shared.closing,
    publicUrl: '',
    ownOrigins: [],
    webhookUrl: merchant.webhookUrl,
    merchantDirectory: [{ id: merchant.id, merchantName: merchant.merchantName }],
    buyerReturns: true,
    reset: () => {
      clock.clear();
      ledger.clear();
      state.clear();
      webhooks.reset();
      faults.reset();
      built.requestLog.length = 0;
      for (const key of Object.keys(stats) as Array<keyof typeof stats>) stats[key] = 0;
      built.buyerReturns = true;
      loadQuietly(built, merchant);
      built.webhookUrl = merchant.webhookUrl;
      shared.changed?.();
    },
    resetAll: shared.resetAll,
  };
  context = built;
  loadQuietly(built, merchant);
  built.webhookUrl = merchant.webhookUrl;
  return built;
}

/**
 * Loads the merchant's fixtures as state that was there before: no webhook goes out for them
 * (they are sent nowhere, then forgotten) and the counters start from zero.
 */
function loadQuietly(ctx: SandboxContext, merchant: ResolvedMerchant): void {
  const { payments = [], subscriptions = [] } = merchant.fixtures;
  if (payments.length === 0 && subscriptions.length === 0) return;
  ctx.webhookUrl = undefined;
  loadFixtures(ctx, merchant.fixtures);
  ctx.webhooks.reset();
  for (const key of Object.keys(ctx.stats) as Array<keyof typeof ctx.stats>) ctx.stats[key] = 0;
}
