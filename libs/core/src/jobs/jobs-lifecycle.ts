import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { jobQueueOf } from './job-queue';

/** Starts the queue once every module has defined its kinds (onModuleInit), stops it before the database closes. */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  async onApplicationBootstrap(): Promise<void> {
    await jobQueueOf(this.kit).start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await jobQueueOf(this.kit).stop();
  }
}
