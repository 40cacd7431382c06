import type { Schemas } from '@preauth/api-client';

export type Letter = Schemas['LetterDto'];
export type LetterKind = Letter['kind'];
export type LetterSigner = Schemas['LetterSignerDto'];
export type SignProof = Schemas['SignLetterDto'];
