import { BaseRpcContext } from '@nestjs/microservices';

/** What pause/seek a handler or an assignment hook may do to its own consumer. */
export interface ConsumerControl {
  pause(): void;
  resume(): void;
  seek(partition: number, offset: string): void;
}

type ContextArgs = [
  groupId: string,
  topic: string,
  partition: number,
  control: ConsumerControl,
  isStale: () => boolean,
];

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

  /**
   * True once a seek on this partition made the batch obsolete (it was fetched
   * from the old position). A handler that waits before applying (e.g. for a
   * check that seeks) must look again after the wait: the transport looked only
   * before calling it.
   */
  get stale(): boolean {
    return this.args[4]();
  }
}
