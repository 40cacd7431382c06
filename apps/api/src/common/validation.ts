import { BadRequestException, HttpException, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';

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

/** Every body and query is validated; unknown fields are refused with 400 naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
