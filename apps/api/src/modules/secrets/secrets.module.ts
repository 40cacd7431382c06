import { Global, Module } from '@nestjs/common';
import { SecretsService } from './secrets.service';

/** Global: any module that keeps a credential encrypts it through SecretsService. */
@Global()
@Module({
  providers: [SecretsService],
  exports: [SecretsService],
})
export class SecretsModule {}
