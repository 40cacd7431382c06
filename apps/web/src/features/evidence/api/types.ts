import type { Schemas } from '@preauth/api-client';

export type Photo = Schemas['PhotoDto'];
export type Note = Schemas['NoteDto'];
export type CreateNoteBody = Schemas['CreateNoteDto'];

// The text fields sent with each uploaded file (see UploadPhotoDto).
export interface PhotoFields {
  bodySite: string;
  lesionCount: number;
  takenAt: string;
  caption?: string;
}
