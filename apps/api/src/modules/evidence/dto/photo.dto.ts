import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { STORED_PHOTO_TYPES, type StoredPhotoType } from '../case-photo.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// Multipart fields arrive as text.
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;

/** The text fields of a photo upload (validated after the file has streamed to disk). */
export class PhotoFieldsDto {
  @ApiProperty({ example: 'Left lower eyelid' }) @Transform(trim) @IsString() @Length(1, 120) bodySite!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000 })
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  lesionCount!: number;
  @ApiProperty({ description: 'When the photo was taken: a date (YYYY-MM-DD) or a date-time', example: '2026-11-20' })
  @Transform(trim)
  @IsISO8601({ strict: true })
  takenAt!: string;
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(500)
  caption?: string;
}

export class UploadPhotoDto extends PhotoFieldsDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'JPEG, PNG, WebP or HEIC/HEIF (decided by the content), at most MAX_UPLOAD_MB',
  })
  file!: unknown;
}

export class EvidenceUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class PhotoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() bodySite!: string;
  @ApiProperty() lesionCount!: number;
  @ApiProperty({ format: 'date-time' }) takenAt!: string;
  @ApiProperty({ nullable: true, type: String }) caption!: string | null;
  @ApiProperty({ description: "The uploader's file name, cleaned" }) fileName!: string;
  @ApiProperty({ enum: STORED_PHOTO_TYPES, description: 'Type of the stored (re-encoded) image' })
  contentType!: StoredPhotoType;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ description: 'Size of the stored image in bytes' }) byteSize!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the bytes as uploaded' }) originalSha256!: string;
  @ApiProperty({ type: EvidenceUserDto }) uploadedBy!: EvidenceUserDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: '/api/photos/3f0c…' }) url!: string;
  @ApiProperty({ example: '/api/photos/3f0c…/thumbnail' }) thumbnailUrl!: string;
}
