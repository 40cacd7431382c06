import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEW_PATHS, SAVED_VIEW_QUERY_MAX, type SavedViewPath } from '@preauth/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SavedViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Aetna denials this month' }) name!: string;
  @ApiProperty({ enum: SAVED_VIEW_PATHS, enumName: 'SavedViewPath', description: 'The list it opens' })
  path!: SavedViewPath;
  @ApiProperty({ example: 'status=denied&sort=denied_desc', description: 'The list’s URL query, without "?"' })
  query!: string;
  @ApiProperty({ description: 'Shown in the navigation' }) pinned!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreateSavedViewDto {
  @ApiProperty({ maxLength: SAVED_VIEW_NAME_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, SAVED_VIEW_NAME_MAX)
  name!: string;

  @ApiProperty({ enum: SAVED_VIEW_PATHS, enumName: 'SavedViewPath' })
  @IsIn(SAVED_VIEW_PATHS)
  path!: SavedViewPath;

  @ApiProperty({ maxLength: SAVED_VIEW_QUERY_MAX, description: 'The list’s filters and order as a URL query' })
  @IsString()
  @MaxLength(SAVED_VIEW_QUERY_MAX)
  query!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  pinned?: boolean;
}

export class UpdateSavedViewDto {
  @ApiPropertyOptional({ maxLength: SAVED_VIEW_NAME_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, SAVED_VIEW_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ maxLength: SAVED_VIEW_QUERY_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(SAVED_VIEW_QUERY_MAX)
  query?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  pinned?: boolean;
}
