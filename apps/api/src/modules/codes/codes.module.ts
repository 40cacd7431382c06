import { Module } from '@nestjs/common';
import { CarcDescriptionsService } from './carc-descriptions.service';
import { CodesController } from './codes.controller';

@Module({ controllers: [CodesController], providers: [CarcDescriptionsService], exports: [CarcDescriptionsService] })
export class CodesModule {}
