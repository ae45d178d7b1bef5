// Type-level specs of frameworks/jsx-preact.d.ts (`@wpay/widget/jsx/preact`), checked by tsc
// (test/framework-types.test.mjs): each @ts-expect-error must stay an error.
import type {} from '@wpay/widget/jsx/preact';

export const page = (
  <>
    <wpay-button
      endpoint="/api/checkout"
      data-sku="tee-42"
      variant="outline"
      size="large"
      full-width
      amount="19.99"
      currency="USD"
      payload={{ quantity: 2 }}
      onwpay-checkout={(event) => event.detail.payload}
    >
      Buy now
    </wpay-button>
    <wpay-return
      status-endpoint="/api/status"
      max-attempts={5}
      onwpay-status={(event) => event.detail.final}
    />
    {/* @ts-expect-error not a variant */}
    <wpay-button endpoint="/x" variant="huge" />
    {/* @ts-expect-error not a size */}
    <wpay-button endpoint="/x" size={3} />
    {/* @ts-expect-error the detail of wpay-error has no url */}
    <wpay-button endpoint="/x" onwpay-error={(event) => event.detail.url} />
    {/* @ts-expect-error max-attempts is a number */}
    <wpay-return status-endpoint="/api/status" max-attempts={{ n: 1 }} />
  </>
);
