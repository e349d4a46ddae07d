import { BaseRpcContext } from '@nestjs/microservices';
import { ConsumerControl } from './kafka-subscription';

type ContextArgs = [groupId: string, topic: string, partition: number, control: ConsumerControl];

/** The second argument of a @KafkaBatch handler: where the batch comes from, and its consumer. */
export class KafkaBatchContext extends BaseRpcContext<ContextArgs> {
  get groupId(): string {
    return this.args[0];
  }

  get topic(): string {
    return this.args[1];
  }

  get partition(): number {
    return this.args[2];
  }

  /** Pause, resume or seek this subscription's consumer (e.g. to refuse a foreign log). */
  get consumer(): ConsumerControl {
    return this.args[3];
  }
}
