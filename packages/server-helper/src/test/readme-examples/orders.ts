// Stands in for the merchant's own order database in the README examples.
const PRICES: Record<string, string> = { tee: '19.99', mug: '8.50' };
const byOrderNo = new Map<
  string,
  { sku: string; trxNo?: string; paid: boolean; createdAt: number }
>();
let seq = 0;

export const orders = {
  /** A new unpaid order for `sku`, priced by the server, or undefined for an unknown product. */
  async create(sku: string) {
    const amount = PRICES[sku];
    if (!amount) return undefined;
    const mchOrderNo = `order_${Date.now()}_${++seq}`;
    byOrderNo.set(mchOrderNo, { sku, paid: false, createdAt: Date.now() });
    return { mchOrderNo, amount, currency: 'USD' };
  },
  async markPaid(mchOrderNo: string, trxNo: string) {
    const order = byOrderNo.get(mchOrderNo);
    if (order) Object.assign(order, { paid: true, trxNo });
  },
  async trxNoOf(mchOrderNo: string) {
    return byOrderNo.get(mchOrderNo)?.trxNo;
  },
  /** Unpaid orders, as the sweep wants them. */
  async *open() {
    for (const [mchOrderNo, order] of byOrderNo) {
      if (!order.paid) yield { mchOrderNo, trxNo: order.trxNo, createdAt: order.createdAt };
    }
  },
  /** Test helper: makes an order look older. */
  backdate(mchOrderNo: string, ms: number) {
    const order = byOrderNo.get(mchOrderNo);
    if (order) order.createdAt -= ms;
  },
  isPaid(mchOrderNo: string) {
    return byOrderNo.get(mchOrderNo)?.paid === true;
  },
};
