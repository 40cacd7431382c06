import { Module } from '@nestjs/common';
import { CodesModule } from '../codes/codes.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [CodesModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
