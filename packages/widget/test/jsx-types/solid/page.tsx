// Type-level specs of frameworks/jsx-solid.d.ts (`@wpay/widget/jsx/solid`), checked by tsc
// (test/framework-types.test.mjs): each @ts-expect-error must stay an error.
import type {} from '@wpay/widget/jsx/solid';

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
      on:wpay-checkout={(event) => event.detail.payload}
    >
      Buy now
    </wpay-button>
    <wpay-return
      status-endpoint="/api/status"
      max-attempts={5}
      on:wpay-status={(event) => event.detail.final}
    />
    {/* @ts-expect-error not a variant */}
    <wpay-button endpoint="/x" variant="huge" />
    {/* @ts-expect-error not a size */}
    <wpay-button endpoint="/x" size={3} />
    {/* @ts-expect-error the detail of wpay-error has no url */}
    <wpay-button endpoint="/x" on:wpay-error={(event) => event.detail.url} />
    {/* @ts-expect-error max-attempts is a number */}
    <wpay-return status-endpoint="/api/status" max-attempts={{ n: 1 }} />
  </>
);
