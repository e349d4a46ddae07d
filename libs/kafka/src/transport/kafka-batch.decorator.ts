import {
  ArgumentsHost,
  Catch,
  RpcExceptionFilter,
  UseFilters,
  applyDecorators,
} from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns a handler's error into `{ status: 'error',
 * message: 'Internal server error' }`; the transport needs the error itself to
 * log it, count it and retry. Scoped to @KafkaBatch methods only.
 */
@Catch()
class RethrowToTransport implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Declares a controller method as the handler of the KafkaTransport
 * subscription `name` (defined with `transport.define(name, ...)`): it is
 * called with each PartitionBatch (`@Payload()`) and a KafkaBatchContext
 * (`@Ctx()`), and the batch counts as handled once the returned promise resolves.
 */
export const KafkaBatch = (name: string) =>
  applyDecorators(EventPattern(name), UseFilters(new RethrowToTransport()));
