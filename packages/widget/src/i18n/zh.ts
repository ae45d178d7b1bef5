import type { WpayStrings } from './strings.js';

/**
 * Simplified Chinese.
 *
 * @example
 * ```ts
 * zh.pay; // '支付'
 * ```
 */
export const zh: WpayStrings = {
  pay: '支付',
  busy: '正在前往结账…',
  errorNetwork: '无法连接商店，请重试。',
  errorServer: '无法发起支付，请重试。',
  succeeded: '支付成功，谢谢！',
  processing: '正在确认支付…',
  processingSlow: '仍在处理中，请稍后查看。',
  cancelled: '支付已取消。',
  failed: '支付失败。',
  errorStatus: '无法确认支付，请刷新页面。',
};
