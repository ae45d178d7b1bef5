import type { WpayStrings } from './strings.js';

/**
 * French.
 *
 * @example
 * ```ts
 * fr.pay; // 'Payer'
 * ```
 */
export const fr: WpayStrings = {
  pay: 'Payer',
  busy: 'Ouverture du paiement…',
  errorNetwork: 'Boutique injoignable. Réessayez.',
  errorServer: 'Le paiement n’a pas pu démarrer. Réessayez.',
  succeeded: 'Paiement confirmé. Merci\u00a0!',
  processing: 'Confirmation du paiement…',
  processingSlow: 'Toujours en cours. Revenez plus tard.',
  cancelled: 'Paiement annulé.',
  failed: 'Le paiement a échoué.',
  errorStatus: 'Vérification impossible. Rechargez la page.',
};
