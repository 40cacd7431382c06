import {
  ArgumentMetadata,
  BadRequestException,
  HttpException,
  HttpStatus,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { findUnstorableText } from './storable-text';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
};

/** The API's error for one bad field: `{ statusCode, error, message, errors: [{ field, reason }] }`. */
export function fieldError(
  field: string,
  reason: string,
  status: number = HttpStatus.BAD_REQUEST,
  message = `${field} ${reason}`,
): HttpException {
  return new HttpException(
    { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, errors: [{ field, reason }] },
    status,
  );
}

export interface FieldError {
  field: string;
  reason: string;
}

/** The same error for several bad fields at once (a domain rule that checks a whole record). */
export function fieldErrors(errors: readonly FieldError[], status: number = HttpStatus.BAD_REQUEST): HttpException {
  return new HttpException(
    {
      statusCode: status,
      error: STATUS_TEXT[status] ?? 'Error',
      message: errors.map((e) => `${e.field} ${e.reason}`).join('; '),
      errors,
    },
    status,
  );
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      // class-validator's whitelist message reads "property x should not exist".
      reason: reason.includes('should not exist') ? 'is not a known field' : reason,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The one check every text input passes, whatever its route: bodies, queries and route
 * parameters through the global pipe, the photo upload's multipart fields through the pipe the
 * upload runs them through. Text PostgreSQL cannot store is refused here, naming its field,
 * before a DTO's own rules run (and before it could reach the database as a 500).
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A custom decorator's value (the request context) is the server's own, not input.
    if (metadata.type !== 'custom') {
      const unstorable = findUnstorableText(value, metadata.data ?? '', metadata.type);
      if (unstorable) throw fieldError(unstorable.field, unstorable.reason);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Every body and query is validated; unknown fields are refused with 400 naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: fieldErrors.map((e) => `${e.field} ${e.reason}`).join('; '),
        errors: fieldErrors,
      });
    },
  });
}
