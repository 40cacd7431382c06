import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { EmailMessage } from './email-templates';

/** Email over SMTP_URL (nodemailer); without it, notifications stay in the app. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  get appUrl(): string {
    return this.config.mail.appUrl;
  }

  async send(to: string, message: EmailMessage): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail({ from: this.config.mail.from, to, subject: message.subject, text: message.text });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
