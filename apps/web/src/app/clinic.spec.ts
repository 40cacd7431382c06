import { formatDateTime, todayInClinic } from '../ui/format';
import { CLINIC_TIME_ZONE, setClinicTimeZone } from './clinic';

describe('clinic time zone', () => {
  afterEach(() => setClinicTimeZone('America/New_York'));

  it('follows the zone the server reports, in formatters made before it was known', () => {
    const at = '2026-12-06T03:30:00Z';
    expect(formatDateTime(at)).toBe('Dec 5, 2026, 10:30 PM EST');
    expect(todayInClinic(new Date(at))).toBe('2026-12-05');
    setClinicTimeZone('Pacific/Honolulu');
    expect(CLINIC_TIME_ZONE).toBe('Pacific/Honolulu');
    expect(formatDateTime(at)).toBe('Dec 5, 2026, 5:30 PM HST');
    setClinicTimeZone('Asia/Tokyo');
    expect(todayInClinic(new Date(at))).toBe('2026-12-06');
  });
});
