// Dates are shown in the clinic's zone, whatever the browser's. The zone is the server's
// CLINIC_TIMEZONE, which every session reports (GET /api/auth/me) before a signed-in page shows a
// date; until then this is the server's own default. A live binding: readers see the update.
export let CLINIC_TIME_ZONE = 'America/New_York';

export function setClinicTimeZone(zone: string): void {
  CLINIC_TIME_ZONE = zone;
}

/** A formatter in the clinic's zone, made again only when the zone changes. */
export function clinicFormat(options: Intl.DateTimeFormatOptions, locale = 'en-US'): () => Intl.DateTimeFormat {
  let made: { zone: string; format: Intl.DateTimeFormat } | null = null;
  return () => {
    if (made?.zone !== CLINIC_TIME_ZONE) {
      made = {
        zone: CLINIC_TIME_ZONE,
        format: new Intl.DateTimeFormat(locale, { ...options, timeZone: CLINIC_TIME_ZONE }),
      };
    }
    return made.format;
  };
}
