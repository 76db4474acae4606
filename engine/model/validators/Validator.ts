import type { ProcessDraft } from '../ProcessDraft.js';
import type { TransformContext } from '../TransformContext.js';

/** A rule that needs the whole linked process (flows, scopes, attachments); it reports and never changes the draft. */
export type Validator = (process: ProcessDraft, ctx: TransformContext) => void;
