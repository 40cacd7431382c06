import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../../common/request-context.decorator';
import { CarcDescriptionsService } from './carc-descriptions.service';
import { CptCode } from './cpt-code.entity';
import { AddCarcDescriptionDto, CarcCodeDto } from './dto/carc-description.dto';
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carc: CarcDescriptionsService,
  ) {}

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

  @Get('carc')
  @ApiOkResponse({ type: [CarcCodeDto] })
  carcCodes(): Promise<CarcCodeDto[]> {
    return this.carc.list();
  }

  // A manager describes a code the app does not, once; reports and cases then show the description.
  @Post('carc')
  @ApiCreatedResponse({ type: CarcCodeDto })
  addCarcDescription(@Body() dto: AddCarcDescriptionDto, @RequestContext() ctx: RequestContext): Promise<CarcCodeDto> {
    return this.carc.add(dto, ctx);
  }
}
