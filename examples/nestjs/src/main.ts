import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { shopUrl } from './wpay.js';

// rawBody: true keeps the exact bytes of each body beside the parsed one: the webhook verifies
// its signature over them.
const app = await NestFactory.create<NestExpressApplication>(AppModule, { rawBody: true });
app.useStaticAssets(join(dirname(fileURLToPath(import.meta.url)), '..', 'public'));
// The widget as one ES module, from the installed package: /wpay/wpay-widget.bundle.js
app.useStaticAssets(dirname(fileURLToPath(import.meta.resolve('@wpay/widget/bundle'))), {
  prefix: '/wpay/',
});
await app.listen(Number(process.env.PORT ?? 3000));
console.log(`shop listening on ${shopUrl}`);
