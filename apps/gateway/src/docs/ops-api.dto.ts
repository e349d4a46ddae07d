import { ApiProperty } from '@nestjs/swagger';

/* Response shapes of /v1/ops/* (operator token), for the OpenAPI document. */

export class SessionDto {
  @ApiProperty({ enum: ['operator'] }) role: string;
}

export class ServiceHealthDto {
  @ApiProperty({ example: 'ledger' }) name: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: ['ok', 'unavailable', 'unreachable'] }) status: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { postgres: 'ok' },
  })
  checks: Record<string, string>;
  @ApiProperty() latencyMs: number;
}

export class ServicesDto {
  @ApiProperty({ type: [ServiceHealthDto] }) services: ServiceHealthDto[];
}

export class ConsumerLagDto {
  @ApiProperty({ example: 'stockflow-ledger' }) group: string;
  @ApiProperty({ example: 'inventory.events' }) topic: string;
  @ApiProperty() partition: number;
  @ApiProperty({ description: '-1 when the group has committed nothing on the partition' })
  committedOffset: number;
  @ApiProperty() logEndOffset: number;
  @ApiProperty({ description: 'messages behind the log end' }) lag: number;
}

export class ConsumerLagPageDto {
  @ApiProperty({ type: [ConsumerLagDto] }) partitions: ConsumerLagDto[];
}

export class OrderCountsDto {
  @ApiProperty() received: number;
  @ApiProperty() pending: number;
  @ApiProperty() rejected: number;
}

export class OrdersPerMinuteDto extends OrderCountsDto {
  @ApiProperty({ format: 'date-time' }) minute: string;
}

export class OrdersWindowDto {
  @ApiProperty({ example: 15 }) minutes: number;
  @ApiProperty({ type: OrderCountsDto, description: 'orders created in the window, by status now' })
  totals: OrderCountsDto;
  @ApiProperty({ type: [OrdersPerMinuteDto] }) perMinute: OrdersPerMinuteDto[];
}
