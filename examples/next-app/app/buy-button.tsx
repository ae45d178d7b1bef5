'use client';
// A Client Component: the React components of @wpay/widget/react set `payload` and add the
// listeners after server rendering and hydration too.
import { WpayButton } from '@wpay/widget/react';
import { useState } from 'react';

export function BuyButton() {
  const [quantity, setQuantity] = useState(1);
  const [color, setColor] = useState('blue');
  return (
    <>
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
      <WpayButton
        endpoint="/api/checkout"
        data-sku="tee"
        amount={(19.99 * quantity).toFixed(2)}
        currency="USD"
        payload={{ color }}
        onWpayCheckout={(event) => {
          // Last word before the request: what the buyer chose goes into the body.
          event.detail.payload.quantity = quantity;
        }}
      >
        Buy
      </WpayButton>
    </>
  );
}
