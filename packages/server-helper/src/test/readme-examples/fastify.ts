import { toNodeHandler } from '@wpay/server-helper/node';
import Fastify from 'fastify';
import { checkout, status, webhook } from './wpay.js';

export const app = Fastify();
await app.register(async (wpayRoutes) => {
  // Keep Fastify's parsers away from these routes: the handlers read the raw body themselves.
  wpayRoutes.removeAllContentTypeParsers();
  wpayRoutes.addContentTypeParser('*', (_request, _payload, done) => done(null));
  for (const [method, url, handler] of [
    ['POST', '/api/checkout', toNodeHandler(checkout)],
    ['POST', '/api/webhooks/wpay', toNodeHandler(webhook)],
    ['GET', '/api/status', toNodeHandler(status)],
  ] as const) {
    wpayRoutes.route({
      method,
      url,
      handler: async (request, reply) => {
        reply.hijack();
        await handler(request.raw, reply.raw);
      },
    });
  }
});
