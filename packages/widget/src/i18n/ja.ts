import type { WpayStrings } from './strings.js';

/**
 * Japanese.
 *
 * @example
 * ```ts
 * ja.pay; // '支払う'
 * ```
 */
export const ja: WpayStrings = {
  pay: '支払う',
  busy: '決済を開始しています…',
  errorNetwork: 'ストアに接続できません。再度お試しください。',
  errorServer: '支払いを開始できません。再度お試しください。',
  succeeded: 'お支払いが完了しました。',
  processing: 'お支払いを確認中…',
  processingSlow: 'まだ処理中です。後ほどご確認ください。',
  cancelled: 'お支払いはキャンセルされました。',
  failed: 'お支払いに失敗しました。',
  errorStatus: '確認できません。ページを再読み込みしてください。',
};
