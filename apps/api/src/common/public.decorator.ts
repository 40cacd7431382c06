import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks a route that answers without a session (health, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
