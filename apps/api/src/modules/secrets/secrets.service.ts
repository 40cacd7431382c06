import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { loadSecretBox } from './encryption-keys';
import { SecretBox, SecretKeyError } from './secret-box';
import { pasKeyContext, reencryptStoredSecrets, totpSecretContext } from './stored-secrets';

/**
 * Credentials the app keeps (TOTP secrets) are encrypted at rest. At start the keys are loaded
 * (the embedded setup's key file is made on its first start) and every stored secret is checked:
 * clear-text rows from before encryption and rows under a previous key are written again under
 * the current key, and a secret no configured key opens stops the start with a clear message
 * rather than letting sign-in compare codes against garbage.
 */
@Injectable()
export class SecretsService implements OnModuleInit {
  private readonly logger = new Logger('SecretsService');
  private box: SecretBox | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const box = loadSecretBox(this.config, { createKeyFile: true });
    const report = await this.dataSource.transaction((manager) =>
      reencryptStoredSecrets((sql, params) => manager.query(sql, params), box),
    );
    if (report.reencrypted) {
      this.logger.log(`Encrypted ${report.reencrypted} stored two-factor secret(s) under key ${box.current.id}.`);
    }
    this.box = box;
  }

  encryptTotpSecret(userId: string, secret: string): string {
    return this.ready().encrypt(secret, totpSecretContext(userId));
  }

  decryptTotpSecret(userId: string, stored: string): string {
    return this.ready().decrypt(stored, totpSecretContext(userId));
  }

  encryptPasKey(payerId: string, pem: string): string {
    return this.ready().encrypt(pem, pasKeyContext(payerId));
  }

  decryptPasKey(payerId: string, stored: string): string {
    return this.ready().decrypt(stored, pasKeyContext(payerId));
  }

  private ready(): SecretBox {
    if (!this.box) throw new SecretKeyError('The encryption keys are not loaded yet.');
    return this.box;
  }
}
