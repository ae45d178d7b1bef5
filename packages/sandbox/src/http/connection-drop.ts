/** @module The one answer a `Response` cannot express: the connection is dropped unanswered. */

/**
 * Thrown by the core when a request must get no answer at all (a `timeout` fault once its hold
 * ends); the Node adapter destroys the socket, `sb.fetch` rejects like a failed `fetch`.
 *
 * @example
 * ```ts
 * if (error instanceof ConnectionDrop) socket.destroy();
 * ```
 */
export class ConnectionDrop extends Error {
  override readonly name = 'ConnectionDrop';
}
