import { Module } from '@nestjs/common';
import { ClinicProfileController } from './clinic-profile.controller';
import { ClinicProfileService } from './clinic-profile.service';

/** The practice's letterhead details and logo, set by an admin (issue #23). */
@Module({ controllers: [ClinicProfileController], providers: [ClinicProfileService], exports: [ClinicProfileService] })
export class ClinicProfileModule {}
