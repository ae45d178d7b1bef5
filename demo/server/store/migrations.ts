/**
 * The demo's schema, applied in order; `PRAGMA user_version` records how many have run.
 * Money is stored in minor units (integers), times as ISO-8601 strings in UTC.
 *
 * @example
 * ```ts
 * for (const sql of MIGRATIONS.slice(Number(db.pragma('user_version')))) db.exec(sql);
 * ```
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE orders (
    mch_order_no        TEXT PRIMARY KEY,
    idempotency_key     TEXT UNIQUE,
    sku                 TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('one_time', 'subscription')),
    amount_minor        INTEGER NOT NULL CHECK (amount_minor > 0),
    currency            TEXT NOT NULL,
    status              TEXT NOT NULL,
    wpay_status         TEXT,
    trx_no              TEXT UNIQUE,
    mch_subscription_no TEXT,
    refunded_minor      INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    paid_at             TEXT
  );
  CREATE INDEX orders_created_at ON orders (created_at);

  CREATE TABLE refunds (
    refund_no    TEXT PRIMARY KEY,
    mch_order_no TEXT NOT NULL REFERENCES orders (mch_order_no),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    reason       TEXT,
    created_at   TEXT NOT NULL
  );

  CREATE TABLE subscriptions (
    mch_subscription_no TEXT PRIMARY KEY,
    wpay_id             INTEGER UNIQUE,
    sku                 TEXT NOT NULL,
    status              TEXT NOT NULL,
    amount_minor        INTEGER NOT NULL,
    currency            TEXT NOT NULL,
    interval_unit       TEXT NOT NULL,
    interval_count      INTEGER NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
  );

  CREATE TABLE bills (
    wpay_id              INTEGER PRIMARY KEY,
    wpay_subscription_id INTEGER NOT NULL,
    amount_minor         INTEGER NOT NULL,
    currency             TEXT NOT NULL,
    status               TEXT NOT NULL,
    created_time         TEXT NOT NULL
  );

  CREATE TABLE webhook_deliveries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,
    event_id    TEXT,
    event_type  TEXT,
    http_status INTEGER NOT NULL,
    verified    INTEGER NOT NULL CHECK (verified IN (0, 1)),
    note        TEXT
  );
  `,
  // Refund intents: recorded with their key before WPay is called, so that a refund whose answer
  // is lost is settled by reading the payment back, never sent twice. One open intent per order.
  `
  CREATE TABLE refund_intents (
    intent_key            TEXT PRIMARY KEY,
    mch_order_no          TEXT NOT NULL REFERENCES orders (mch_order_no),
    trx_no                TEXT NOT NULL,
    amount_minor          INTEGER NOT NULL CHECK (amount_minor > 0),
    refunded_before_minor INTEGER NOT NULL CHECK (refunded_before_minor >= 0),
    reason                TEXT,
    state                 TEXT NOT NULL CHECK (state IN ('pending', 'in_doubt', 'done', 'not_made')),
    outcome               TEXT,
    refund_no             TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
  );
  CREATE UNIQUE INDEX refund_intents_one_open
    ON refund_intents (mch_order_no) WHERE state IN ('pending', 'in_doubt');
  `,
  // The shop's one side effect of a payment (shipping it, here only a row), taken in the same
  // transaction as the order's first move to paid: once per order, however often WPay repeats.
  `
  CREATE TABLE order_fulfilments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    mch_order_no TEXT NOT NULL REFERENCES orders (mch_order_no),
    trx_no       TEXT NOT NULL,
    fulfilled_at TEXT NOT NULL
  );
  CREATE INDEX order_fulfilments_order ON order_fulfilments (mch_order_no);
  `,
  // The library's fulfilment core runs each transition once: its claims live here, beside the
  // orders, so a restart never runs a side effect again. Each order remembers which entry point
  // moved it last (webhook, return page, sweep, admin) and, for a recovered checkout, its origin.
  `
  CREATE TABLE claims (
    claim_key   TEXT PRIMARY KEY,
    state       TEXT NOT NULL CHECK (state IN ('claimed', 'done')),
    owner       TEXT NOT NULL,
    until_ms    INTEGER NOT NULL,
    fingerprint TEXT,
    result      TEXT
  );
  ALTER TABLE orders ADD COLUMN status_source TEXT;
  ALTER TABLE orders ADD COLUMN recovered_from TEXT REFERENCES orders (mch_order_no);
  CREATE INDEX orders_recovered_from ON orders (recovered_from);
  `,
];
