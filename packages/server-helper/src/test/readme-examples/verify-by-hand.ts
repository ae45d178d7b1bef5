// Your own webhook route, without webhookHandler: verify the raw bytes, then act.
import { WPayWebhookError } from '@wpay/server-helper';
import { orders } from './orders.js';
import { wpay } from './wpay.js';

export async function POST(request: Request): Promise<Response> {
  const rawBody = new Uint8Array(await request.arrayBuffer()); // never JSON a framework parsed
  try {
    const event = await wpay.webhooks.verify(rawBody, request.headers);
    if (event.known && event.eventType === 'credit_card.order.paid') {
      const payment = await wpay.payments.retrieve({ trxNo: event.data.trxNo });
      if (payment.status === 'PAID') await orders.markPaid(payment.mchOrderNo, payment.trxNo);
    }
    return new Response('SUCCESS'); // deduplicate on event.eventId yourself: WPay retries
  } catch (error) {
    if (error instanceof WPayWebhookError) return new Response(error.reason, { status: 401 });
    throw error;
  }
}
