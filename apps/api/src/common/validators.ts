import { isValidCptFormat, isValidIcd10Format, isValidNpi } from '@preauth/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';

function makeValidator(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions) =>
    (object: object, propertyName: string): void => {
      registerDecorator({
        name,
        target: object.constructor,
        propertyName,
        options: { message, ...options },
        validator: { validate: (value: unknown) => test(value) },
      });
    };
}

export const IsNpi = makeValidator(
  'isNpi',
  (v) => typeof v === 'string' && isValidNpi(v),
  'must be a 10-digit NPI with a valid check digit',
);
export const IsCptCode = makeValidator(
  'isCptCode',
  (v) => typeof v === 'string' && isValidCptFormat(v.replace(/^\+/, '')),
  'must be a CPT code: 5 digits, or 4 digits and a letter',
);
export const IsIcd10Code = makeValidator(
  'isIcd10Code',
  (v) => typeof v === 'string' && isValidIcd10Format(v.trim().toUpperCase()),
  'must be an ICD-10-CM code: a letter, two characters, then optionally a dot and up to 4 characters (e.g. L72.0)',
);
export const IsCalendarDate = makeValidator(
  'isCalendarDate',
  (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  'must be a calendar date YYYY-MM-DD',
);
