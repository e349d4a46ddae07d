import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { MAX_REFERENCE_LENGTH } from '@stockflow/contracts';
import { JournalRepository, isReferenceCursor } from '@stockflow/persistence';
import { AllowAccess, ChannelAuthGuard } from '@stockflow/service-kit';

@ValidatorConstraint({ name: 'referenceCursor' })
class ReferenceCursor implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isReferenceCursor(value);
  }
  defaultMessage(): string {
    return 'before must be the nextBefore of a previous page';
  }
}

class ReferenceQuery {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REFERENCE_LENGTH)
  reference: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @Validate(ReferenceCursor)
  before?: string;
}

/**
 * The journal of one reference document (a purchase order, a cycle count)
 * across SKUs and locations, newest first. A document nobody referenced yet is
 * an empty page, not a 404: the document lives in the caller's ERP, not here.
 */
@Controller('v1/ledger')
@UseGuards(ChannelAuthGuard)
@AllowAccess('read')
export class LedgerController {
  constructor(private readonly journal: JournalRepository) {}

  @Get()
  byReference(@Query() query: ReferenceQuery) {
    return this.journal.pageOfReference(query.reference, query.limit ?? 50, query.before);
  }
}
