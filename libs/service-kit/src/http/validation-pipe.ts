import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { FieldProblem, flattenValidationErrors } from '@stockflow/contracts';

/** 400 body shared by every service: every field problem at once, never just the first. */
export function validationFailed(errors: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'validation failed',
    errors,
  });
}

export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
