// NPIs are ISO 7812 card numbers under the health-industry issuer prefix 80840, so the Luhn
// check digit is computed as if that prefix were present.
const NPI_PREFIX = '80840';

export function computeNpiCheckDigit(firstNineDigits: string): number {
  if (!/^\d{9}$/.test(firstNineDigits)) {
    throw new RangeError(`An NPI check digit needs 9 digits, got "${firstNineDigits}".`);
  }
  const payload = NPI_PREFIX + firstNineDigits;
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    let digit = Number(payload[payload.length - 1 - i]);
    // The check digit will sit to the right, so the rightmost payload digit is doubled.
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidNpi(npi: string | null | undefined): boolean {
  if (typeof npi !== 'string' || !/^\d{10}$/.test(npi)) return false;
  return computeNpiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}
