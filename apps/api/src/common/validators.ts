import {
  caseTagProblem,
  isValidCptFormat,
  isValidIcd10Format,
  isValidNpi,
  isValidPhoneNumber,
  isValidPostalCode,
  isValidStateCode,
  isValidTaxId,
} from '@preauth/domain';
import { registerDecorator, ValidationOptions, type ValidationArguments } from 'class-validator';

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

export const IsPhoneNumber = makeValidator(
  'isPhoneNumber',
  (v) => typeof v === 'string' && isValidPhoneNumber(v),
  'must be a 10-digit phone number such as (207) 555-0100',
);
export const IsTaxId = makeValidator(
  'isTaxId',
  (v) => typeof v === 'string' && isValidTaxId(v),
  'must be an employer identification number written 12-3456789',
);
export const IsPostalCode = makeValidator(
  'isPostalCode',
  (v) => typeof v === 'string' && isValidPostalCode(v),
  'must be a ZIP code: 5 digits, or 5+4 (04101-1234)',
);
export const IsStateCode = makeValidator(
  'isStateCode',
  (v) => typeof v === 'string' && isValidStateCode(v),
  'must be a two-letter state code such as ME',
);

/** A tag by the domain's rules (caseTagProblem), refused in the domain's words. */
export const IsCaseTag =
  (options?: ValidationOptions) =>
  (object: object, propertyName: string): void => {
    registerDecorator({
      name: 'isCaseTag',
      target: object.constructor,
      propertyName,
      options: {
        message: ({ value }: ValidationArguments) =>
          typeof value === 'string' ? (caseTagProblem(value) ?? '') : 'must be text',
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && caseTagProblem(value) === null },
    });
  };
