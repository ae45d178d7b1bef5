import { WPay } from '@wpay/server-helper';

const wpay = new WPay({
  apiKey: process.env.WPAY_API_KEY!,
  apiSecret: process.env.WPAY_API_SECRET!,
  signKey: process.env.WPAY_SIGN_KEY!,
  baseUrl: process.env.WPAY_BASE_URL!, // or environment: 'sandbox' | 'production'
});

const session = await wpay.checkout.create({
  mchOrderNo: `order_${Date.now()}`,
  amount: '19.99', // a decimal string, or a number: 0.1 + 0.2 is sent as 0.3
  currency: 'USD',
  payMode: 'ONETIME',
  successUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cart',
});
// Send the customer to session.redirectUrl. Later, never trust the redirect alone:
const payment = await wpay.payments.retrieve({ trxNo: session.trxNo });
console.log(payment.status); // 'PAYING' until the customer pays, then 'PAID'
