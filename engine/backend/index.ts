export { EmbeddedBackend } from './EmbeddedBackend.js';
export type {
  BackendCallOptions,
  BackendInstance,
  BackendListener,
  BackendMessage,
  BackendProcess,
  WorkflowBackend,
} from './WorkflowBackend.js';
