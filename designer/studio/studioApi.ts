import { api } from '../shared/http.js';
import type {
  DeployResult, JsonSchema, ProcedureDetail, ProcedureMetadata, ProcedureSummary, ScenarioStep, Trace, ValidationResult, VersionDiff,
} from './types.js';

const BASE = '/api/designer';

const path = (code: string) => `${BASE}/procedures/${encodeURIComponent(code)}`;

/** The designer API, one function per route. Failures throw `ApiError` (designer/shared/http.ts). */
export const studioApi = {
  async procedures(): Promise<ProcedureSummary[]> {
    return (await api<{ procedures: ProcedureSummary[] }>('GET', `${BASE}/procedures`)).procedures;
  },

  procedure(code: string, version?: number | null): Promise<ProcedureDetail> {
    return api<ProcedureDetail>('GET', version ? `${path(code)}?version=${version}` : path(code));
  },

  bpmnDownloadUrl(code: string, version: number): string {
    return `${path(code)}/versions/${version}/process.bpmn`;
  },

  validate(body: { bpmn: string; metadata?: ProcedureMetadata; form?: JsonSchema | null }): Promise<ValidationResult> {
    return api<ValidationResult>('POST', `${BASE}/validate`, body);
  },

  async simulate(body: { bpmn: string; processId?: string; start: { at: string; variables: Record<string, unknown> }; steps: readonly ScenarioStep[] }): Promise<Trace> {
    return (await api<{ trace: Trace }>('POST', `${BASE}/simulate`, body)).trace;
  },

  deploy(code: string, body: { metadata: ProcedureMetadata; bpmn: string; form: JsonSchema | null; note: string }): Promise<DeployResult> {
    return api<DeployResult>('POST', `${path(code)}/versions`, body);
  },

  diff(code: string, from: number, to: number): Promise<VersionDiff> {
    return api<VersionDiff>('GET', `${path(code)}/diff?from=${from}&to=${to}`);
  },
};
