import type { WpayStrings } from './strings.js';

/**
 * German.
 *
 * @example
 * ```ts
 * de.pay; // 'Bezahlen'
 * ```
 */
export const de: WpayStrings = {
  pay: 'Bezahlen',
  busy: 'Kasse wird geöffnet…',
  errorNetwork: 'Shop nicht erreichbar. Erneut versuchen.',
  errorServer: 'Zahlung konnte nicht starten. Erneut versuchen.',
  succeeded: 'Zahlung bestätigt. Danke!',
  processing: 'Zahlung wird bestätigt…',
  processingSlow: 'Noch in Bearbeitung. Später erneut prüfen.',
  cancelled: 'Zahlung abgebrochen.',
  failed: 'Zahlung fehlgeschlagen.',
  errorStatus: 'Prüfung nicht möglich. Seite neu laden.',
};
