// Dates are shown in the clinic's zone, whatever the browser's; the API computes deadlines in it too.
export const CLINIC_TIME_ZONE = 'America/New_York';
