// NestJS: the three WPay endpoints in one controller, through the Node adapter. Nest parses
// JSON and form bodies itself; main.ts keeps the raw bytes too (`rawBody: true`), which the
// webhook's signature covers and toNodeHandler reads from req.rawBody.
import type { ServerResponse } from 'node:http';
import { Controller, Get, Module, Post, Req, Res } from '@nestjs/common';
import { type NodeRequest, toNodeHandler } from '@wpay/server-helper/node';
import { checkout, status, webhook } from './wpay.js';

const checkoutRoute = toNodeHandler(checkout);
const webhookRoute = toNodeHandler(webhook); // reads req.rawBody, kept by { rawBody: true }
const statusRoute = toNodeHandler(status);

@Controller('api')
export class WPayController {
  // @Res() hands the response to the adapter: Nest sends nothing itself.
  @Post('checkout')
  checkout(@Req() req: NodeRequest, @Res() res: ServerResponse): Promise<void> {
    return checkoutRoute(req, res); // Nest's parsed JSON or form body works here
  }

  @Post('webhooks/wpay')
  webhook(@Req() req: NodeRequest, @Res() res: ServerResponse): Promise<void> {
    return webhookRoute(req, res);
  }

  @Get('status')
  status(@Req() req: NodeRequest, @Res() res: ServerResponse): Promise<void> {
    return statusRoute(req, res);
  }
}

@Module({ controllers: [WPayController] })
export class WPayModule {}
