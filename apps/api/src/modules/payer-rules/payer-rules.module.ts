import { Module } from '@nestjs/common';
import { PayerRulesController } from './payer-rules.controller';
import { PayerRulesService } from './payer-rules.service';

@Module({ controllers: [PayerRulesController], providers: [PayerRulesService], exports: [PayerRulesService] })
export class PayerRulesModule {}
