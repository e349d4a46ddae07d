import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import { SKU_PATTERN } from '@stockflow/contracts';

export const ADAPTERS = ['webhook', 'shopify'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** Channel names end up in consumer group ids and URLs; `_input` is reserved for poison input. */
export const CHANNEL_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** A `{sku: integer}` object whose keys are SKUs and whose values are integers >= min. */
function IsSkuMap(min: number) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isSkuMap',
      target: target.constructor,
      propertyName,
      options: {
        message: (a: ValidationArguments) =>
          `${a.property} must be an object of sku -> integer >= ${min} (skus match ${SKU_PATTERN.source})`,
      },
      validator: {
        validate: (value: unknown) =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([sku, n]) => SKU_PATTERN.test(sku) && Number.isInteger(n) && (n as number) >= min,
          ),
      },
    });
}

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * One entry of the CHANNELS_FILE array. The first seven fields are the contract
 * (ARCHITECTURE.md); the optional ones after them tune one channel without
 * touching the others, and default to the CHANNEL_* environment variables.
 */
export class ChannelDefinition {
  @Matches(CHANNEL_NAME_PATTERN, {
    message: 'name must be 1-32 characters of a-z, 0-9, _ or -, starting with a letter or digit',
  })
  name: string;

  @IsIn(ADAPTERS, { message: `adapter must be one of: ${ADAPTERS.join(', ')}` })
  adapter: AdapterName;

  @IsUrl(URL_OPTIONS, { message: 'endpoint must be an http(s) URL' })
  endpoint: string;

  /** Webhook: the HMAC key; shopify: the access token. */
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  secret: string;

  @IsInt()
  @Min(0)
  safetyStock: number;

  @IsOptional()
  @IsSkuMap(0)
  skuSafetyStock?: Record<string, number>;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100_000)
  ratePerSecond?: number;

  // ---- optional extensions ----

  /** Sends in flight at once (different SKUs; one SKU never has two). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(256)
  concurrency?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  timeoutMs?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxAttempts?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600_000)
  retryBaseMs?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  retryMaxMs?: number;

  /** Token channels (CHANNEL_TOKENS) that may replay this channel's dead letters; default: [name]. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(/^[a-z0-9_-]+$/, { each: true, message: 'operators must be channel names' })
  operators?: string[];

  /** Shopify: the location whose level is set. */
  @ValidateIf((c: ChannelDefinition) => c.adapter === 'shopify' || c.locationId !== undefined)
  @IsInt({ message: 'locationId must be an integer (required by the shopify adapter)' })
  @Min(1)
  locationId?: number;

  /** Shopify: sku -> inventory_item_id. SKUs not listed are not sold on the channel and are not sent. */
  @ValidateIf((c: ChannelDefinition) => c.adapter === 'shopify' || c.inventoryItemIds !== undefined)
  @IsSkuMap(1)
  inventoryItemIds?: Record<string, number>;
}
