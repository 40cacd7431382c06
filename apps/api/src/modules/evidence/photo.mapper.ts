import type { CasePhoto } from './case-photo.entity';
import type { PhotoDto } from './dto/photo.dto';

export function toPhotoDto(row: CasePhoto, uploaderName: string): PhotoDto {
  return {
    id: row.id,
    caseId: row.caseId,
    bodySite: row.bodySite,
    lesionCount: row.lesionCount,
    takenAt: row.takenAt.toISOString(),
    caption: row.caption,
    fileName: row.originalName,
    contentType: row.contentType,
    width: row.width,
    height: row.height,
    byteSize: row.byteSize,
    originalSha256: row.originalSha256,
    uploadedBy: { id: row.uploadedById, name: uploaderName },
    createdAt: row.createdAt.toISOString(),
    url: `/api/photos/${row.id}`,
    thumbnailUrl: `/api/photos/${row.id}/thumbnail`,
  };
}
