import { createApiClient } from '@preauth/api-client';

// The dashboard is served by the API on the same origin.
export const api = createApiClient('');
