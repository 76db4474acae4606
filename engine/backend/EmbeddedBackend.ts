import type { Engine } from '../runtime/Engine.js';
import type { BackendListener, BackendProcess, WorkflowBackend } from './WorkflowBackend.js';

/** The embedded engine behind the backend interface: same process, same database, same transaction. */
export class EmbeddedBackend implements WorkflowBackend {
  readonly name = 'embedded' as const;
  readonly transactionalEvents = true;

  constructor(readonly engine: Engine) {}

  async deploy(resources: readonly { name: string; xml: string }[]): Promise<readonly BackendProcess[]> {
    const deployed: BackendProcess[] = [];
    for (const resource of resources) {
      for (const p of await this.engine.deploy(resource.xml, resource.name)) deployed.push({ key: p.key, processId: p.processId, version: p.version });
    }
    return deployed;
  }

  startInstance: WorkflowBackend['startInstance'] = (processId, variables = {}, options = {}) =>
    this.engine.createInstance(processId, variables, options);

  completeTask: WorkflowBackend['completeTask'] = (taskKey, variables = {}, options = {}) =>
    this.engine.completeUserTask(taskKey, variables, options);

  publishMessage: WorkflowBackend['publishMessage'] = async (message, options = {}) => {
    const published = await this.engine.publishMessage(message, options);
    return { messageKey: published.messageKey };
  };

  cancelInstance: WorkflowBackend['cancelInstance'] = (instanceKey, options = {}) => this.engine.cancelInstance(instanceKey, options);

  subscribe(listener: BackendListener): () => void {
    return this.engine.subscribe((events, tx) => listener(events, tx));
  }
}
