import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class OrdersWindowQuery {
  /** Window in minutes, ending now (default 15; at most a day, which the created_at index keeps cheap). */
  @ApiPropertyOptional({ minimum: 1, maximum: 1440, default: 15 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number;
}
