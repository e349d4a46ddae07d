import { BaseRpcContext } from '@nestjs/microservices';

/** What pause/seek a handler or an assignment hook may do to its own consumer. */
export interface ConsumerControl {
  pause(): void;
  resume(): void;
  seek(partition: number, offset: string): void;
}

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
