import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CptCode } from './cpt-code.entity';
import { Icd10Code } from './icd10-code.entity';

export class CptCodeDto {
  @ApiProperty() code!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Payers usually treat it as cosmetic; warn before submission' }) cosmeticRisk!: boolean;
  @ApiProperty() descriptorVerified!: boolean;
}

export class Icd10CodeDto {
  @ApiProperty() code!: string;
  @ApiProperty() description!: string;
  @ApiProperty() descriptorVerified!: boolean;
}

@ApiTags('codes')
@Controller('codes')
export class CodesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('cpt')
  @ApiOkResponse({ type: [CptCodeDto] })
  async cpt(): Promise<CptCodeDto[]> {
    const rows = await this.dataSource.getRepository(CptCode).find({ order: { code: 'ASC' } });
    return rows.map(({ code, description, cosmeticRisk, descriptorVerified }) => ({
      code,
      description,
      cosmeticRisk,
      descriptorVerified,
    }));
  }

  @Get('icd10')
  @ApiOkResponse({ type: [Icd10CodeDto] })
  async icd10(): Promise<Icd10CodeDto[]> {
    const rows = await this.dataSource.getRepository(Icd10Code).find({ order: { code: 'ASC' } });
    return rows.map(({ code, description, descriptorVerified }) => ({ code, description, descriptorVerified }));
  }
}
