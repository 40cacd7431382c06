import { BadRequestException } from '@nestjs/common';
import { passwordProblems } from '../auth/password-policy';

/** 400 in the shape of the validation pipe's errors when the password breaks the policy. */
export function assertPasswordAcceptable(password: string, email: string): void {
  const problems = passwordProblems(password, { email });
  if (!problems.length) return;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: problems.map((problem) => `password ${problem}`).join('; '),
    errors: problems.map((reason) => ({ field: 'password', reason })),
  });
}
