import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Readiness } from '@stockflow/runtime';

@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  @HttpCode(200)
  live(): { status: string } {
    return { status: 'ok' };
  }

  /** Every dependency this service needs answers. */
  @Get('ready')
  async ready(): Promise<{ status: string; checks: Record<string, string> }> {
    const { ready, checks } = await this.readiness.evaluate();
    if (!ready) throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}
