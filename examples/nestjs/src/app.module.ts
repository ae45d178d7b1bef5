import { Module } from '@nestjs/common';
import { WPayModule } from './wpay.module.js';

@Module({ imports: [WPayModule] })
export class AppModule {}
