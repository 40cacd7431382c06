import { IsNull, type EntityManager } from 'typeorm';
import { CaseEvent } from '../cases/case-event.entity';
import { CasePhoto } from './case-photo.entity';

export type NewPhoto = Omit<CasePhoto, 'preauthCase' | 'uploadedBy' | 'deletedBy' | 'createdAt'>;

// A photo's row and the case event that puts the change in the case history are written together,
// in the caller's transaction.

export async function insertPhoto(manager: EntityManager, values: NewPhoto): Promise<CasePhoto> {
  const photo = manager.getRepository(CasePhoto).create(values);
  await manager.getRepository(CasePhoto).insert(photo);
  await manager.getRepository(CaseEvent).insert({
    caseId: photo.caseId,
    type: 'photo_added',
    actorId: photo.uploadedById,
    data: {
      photoId: photo.id,
      bodySite: photo.bodySite,
      lesionCount: photo.lesionCount,
      takenAt: values.takenAt.toISOString(),
    },
    occurredAt: new Date(),
  });
  return photo;
}

export async function softDeletePhoto(
  manager: EntityManager,
  photo: Pick<CasePhoto, 'id' | 'caseId' | 'bodySite'>,
  actorId: string,
): Promise<void> {
  const now = new Date();
  await manager.getRepository(CasePhoto).update({ id: photo.id }, { deletedAt: now, deletedById: actorId });
  await manager.getRepository(CaseEvent).insert({
    caseId: photo.caseId,
    type: 'photo_deleted',
    actorId,
    data: { photoId: photo.id, bodySite: photo.bodySite },
    occurredAt: now,
  });
}

/** The photo row, locked until the transaction ends, whether deleted or not; null if the case has no such photo. */
export function lockCasePhoto(manager: EntityManager, caseId: string, photoId: string): Promise<CasePhoto | null> {
  return manager
    .getRepository(CasePhoto)
    .findOne({ where: { id: photoId, caseId }, lock: { mode: 'pessimistic_write' } });
}

/** A case's photos in the order they were taken, with their uploaders. */
export function findCasePhotos(manager: EntityManager, caseId: string): Promise<CasePhoto[]> {
  return manager.getRepository(CasePhoto).find({
    where: { caseId, deletedAt: IsNull() },
    relations: { uploadedBy: true },
    order: { takenAt: 'ASC', createdAt: 'ASC' },
  });
}

export function findLivePhoto(manager: EntityManager, photoId: string): Promise<CasePhoto | null> {
  return manager.getRepository(CasePhoto).findOneBy({ id: photoId, deletedAt: IsNull() });
}

export function findPhotoWithUploader(manager: EntityManager, photoId: string): Promise<CasePhoto> {
  return manager.getRepository(CasePhoto).findOneOrFail({ where: { id: photoId }, relations: { uploadedBy: true } });
}
