import '@wpay/widget'; // defines <wpay-button> and <wpay-return>
// Types both tags in React's JSX (attributes, properties, `onwpay-*` events): once, in any file.
import type {} from '@wpay/widget/jsx/react';
import { useState } from 'react';

/** The shop: one product page, and the return page WPay sends the buyer back to. */
export function App() {
  const { pathname } = window.location;
  if (pathname === '/success' || pathname === '/cancel') return <ReturnPage />;
  return <ProductPage />;
}

function ProductPage() {
  const [quantity, setQuantity] = useState(1);
  const [color, setColor] = useState('blue');
  return (
    <main>
      <h1>T-shirt</h1>
      <label>
        Color{' '}
        <select value={color} onChange={(event) => setColor(event.target.value)}>
          <option value="blue">blue</option>
          <option value="green">green</option>
        </select>
      </label>{' '}
      <label>
        Quantity{' '}
        <input
          type="number"
          min={1}
          max={10}
          value={quantity}
          onChange={(event) => setQuantity(Number(event.target.value))}
        />
      </label>
      {/* React 19 sets `payload` as a property; `onwpay-checkout` listens to the event. */}
      <wpay-button
        endpoint="/api/checkout"
        data-sku="tee"
        amount={(19.99 * quantity).toFixed(2)}
        currency="USD"
        payload={{ color }}
        onwpay-checkout={(event) => {
          // Last word before the request: what the buyer chose goes into the body.
          event.detail.payload.quantity = quantity;
        }}
      >
        Buy
      </wpay-button>
    </main>
  );
}

function ReturnPage() {
  return (
    <main>
      <h1>Your order</h1>
      <wpay-return status-endpoint="/api/status" />
      <p>
        <a href="/">Back to the shop</a>
      </p>
    </main>
  );
}
