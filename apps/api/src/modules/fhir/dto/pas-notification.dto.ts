import { ApiProperty } from '@nestjs/swagger';

export class PasNotificationReceiptDto {
  @ApiProperty({ example: 'event-notification', description: 'The notification type the payer sent' })
  type!: string;

  @ApiProperty({ description: "Answers recorded on their cases from the notification's full response Bundles" })
  recorded!: number;

  @ApiProperty({ description: 'Pended cases of the payer asked about at once (Claim/$inquire)' })
  inquiriesBroughtForward!: number;
}
