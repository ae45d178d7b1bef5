import type { WpayStrings } from './strings.js';

/**
 * Spanish.
 *
 * @example
 * ```ts
 * es.pay; // 'Pagar'
 * ```
 */
export const es: WpayStrings = {
  pay: 'Pagar',
  busy: 'Iniciando el pago…',
  errorNetwork: 'Tienda no disponible. Inténtalo de nuevo.',
  errorServer: 'El pago no pudo iniciarse. Inténtalo de nuevo.',
  succeeded: 'Pago confirmado. ¡Gracias!',
  processing: 'Confirmando el pago…',
  processingSlow: 'Sigue en proceso. Vuelve más tarde.',
  cancelled: 'Pago cancelado.',
  failed: 'El pago falló.',
  errorStatus: 'No se pudo comprobar el pago. Recarga la página.',
};
