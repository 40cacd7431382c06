import type { Schemas } from '@preauth/api-client';

export type Letter = Schemas['LetterDto'];
export type LetterKind = Letter['kind'];
