import { Module } from '@nestjs/common';
import { CarcDescriptionsService } from './carc-descriptions.service';
import { CodesController } from './codes.controller';
import { CodesService } from './codes.service';

@Module({
  controllers: [CodesController],
  providers: [CodesService, CarcDescriptionsService],
  exports: [CarcDescriptionsService],
})
export class CodesModule {}
