import { Module } from '@nestjs/common';
import { SelfPayController } from './self-pay.controller';
import { SelfPayService } from './self-pay.service';

@Module({ controllers: [SelfPayController], providers: [SelfPayService] })
export class SelfPayModule {}
