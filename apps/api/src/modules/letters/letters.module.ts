import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { ClinicProfileModule } from '../clinic-profile/clinic-profile.module';
import { CodesModule } from '../codes/codes.module';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';
import { PacketController } from './packet.controller';
import { PacketService } from './packet.service';

@Module({
  imports: [CasesModule, AuthModule, ClinicProfileModule, CodesModule],
  controllers: [LettersController, PacketController],
  providers: [LettersService, PacketService],
  exports: [LettersService],
})
export class LettersModule {}
