import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalogue, ProcedureVersion } from '../../api/catalogue/index.js';
import { isStepKind, outcomesOf, parseTimeShare, type StepKind } from '../../api/dossiers/index.js';
import { DEMO_ACCOUNTS } from '../../api/seed/demoAccounts.js';
import { parseBpmn, type ExecutableElement, type ExecutableProcess, type TimeLimit } from '../../engine/index.js';

/** One user task of a procedure's model, resolved for one receiving agency. */
export interface Step {
  readonly elementId: string;
  readonly name: string;
  readonly kind: StepKind;
  readonly role: string;
  readonly agencyId: string;
  readonly form: string | null;
  /** The outcomes as the inbox stores them (JSON text). */
  readonly outcomes: string;
  readonly outcomeValues: readonly string[];
  readonly timeShare: string | undefined;
  /** The step's share of the limit in working hours; steps without one weigh half a day. */
  readonly weight: number;
  /** Who works it: the demo officer and two colleagues of the same unit and role. */
  readonly officers: readonly string[];
}

/** Steps that run at the same time after a parallel split, or a single step. */
export type Stage = readonly Step[];

/**
 * A procedure as received by one desk: the normal path of its model (the
 * first outcome of every step), split into reception, the stages in between
 * and the return of the result.
 */
export interface Route {
  readonly procedure: ProcedureVersion;
  readonly agencyId: string;
  readonly unitCode: string;
  /** Share of the province's dossiers received here under this procedure. */
  readonly weight: number;
  readonly receive: Step;
  readonly stages: readonly Stage[];
  readonly giveBack: Step;
  /** Index of the first stage whose step may ask for a supplement (−1: none may). */
  readonly supplementStage: number;
  /** Index of the stage whose step turns the dossier down as ineligible. */
  readonly refusalStage: number;
  readonly refusalOutcome: string;
  /** Share of submissions made online on a working day. */
  readonly onlineShare: number;
  /** The applicant's form data (one valid example per procedure), and as the JSON stored. */
  readonly formValues: Record<string, unknown>;
  readonly formData: string;
  limitFor(channel: number): TimeLimit;
}

/**
 * Assumed volumes, not measured ones: certification of copies and birth
 * registration dominate at the wards, the busiest ward gets the most; the
 * province-level desks take driving licences and criminal-record certificates.
 */
const PROCEDURE_WEIGHT: Readonly<Record<string, number>> = {
  'chung-thuc-ban-sao': 36,
  'khai-sinh': 14,
  'doi-giay-phep-lai-xe': 14,
  'ly-lich-tu-phap': 11,
  'lien-thong-khai-sinh-thuong-tru-bhyt': 10,
  'dang-ky-ho-kinh-doanh': 9,
  'giay-phep-xay-dung-nha-o': 6,
};
const AGENCY_WEIGHT: Readonly<Record<string, number>> = { 'hai-chau': 1.4, 'thanh-khe': 1, 'hoa-vang': 0.6, catp: 1, ttphc: 0.6 };
/** Working hours a step without a `timeShare` header weighs when the time is split between steps. */
const DEFAULT_STEP_HOURS = 4;

export async function loadRoutes(catalogue: Catalogue, processesDir: string, fixturesDir: string): Promise<Route[]> {
  const routes: Route[] = [];
  for (const procedure of catalogue.listProcedures()) {
    const { metadata } = procedure;
    const xml = await readFile(join(processesDir, procedure.code, metadata.bpmn), 'utf8');
    const parsed = await parseBpmn(xml);
    if (!parsed.ok) throw new Error(`Expected the model of ${procedure.code} to parse, but got: ${parsed.problems.map((p) => p.message).join('; ')}`);
    const process = parsed.processes.find((p) => p.id === metadata.processId);
    if (!process) throw new Error(`Expected process '${metadata.processId}' in ${metadata.bpmn} of ${procedure.code}`);
    const path = normalPath(process);
    const formValues = JSON.parse(await readFile(join(fixturesDir, `${procedure.code}.valid.json`), 'utf8')) as Record<string, unknown>;
    const formData = JSON.stringify(formValues);
    const receivers = catalogue.receivingAgencies(metadata);
    const agencyWeights = receivers.map((a) => AGENCY_WEIGHT[a.id] ?? 0.5);
    const agencyTotal = agencyWeights.reduce((n, w) => n + w, 0);
    receivers.forEach((agency, i) => {
      const resolve = (element: ExecutableElement): Step => toStep(catalogue, agency.id, element);
      const stages = path.map((stage) => stage.map(resolve));
      const receive = stages.shift()?.[0];
      const giveBack = stages.pop()?.[0];
      if (receive?.kind !== 'receive' || giveBack?.kind !== 'return') {
        throw new Error(`Expected the normal path of ${procedure.code} to start with a receive step and end with a return step`);
      }
      const supplementStage = stages.findIndex((s) => s.length === 1 && s[0]!.outcomeValues.includes('supplement'));
      let refusalStage = stages.findIndex((s) => s.length === 1 && s[0]!.outcomeValues.includes('refuse'));
      if (refusalStage < 0) refusalStage = stages.findIndex((s) => s.length === 1 && s[0]!.outcomeValues.includes('reject'));
      if (refusalStage < 0) throw new Error(`Expected a step of ${procedure.code} that refuses or rejects the dossier`);
      routes.push({
        procedure,
        agencyId: agency.id,
        unitCode: agency.unitCode,
        weight: ((PROCEDURE_WEIGHT[procedure.code] ?? 5) * agencyWeights[i]!) / agencyTotal,
        receive,
        stages,
        giveBack,
        supplementStage,
        refusalStage,
        refusalOutcome: stages[refusalStage]![0]!.outcomeValues.includes('refuse') ? 'refuse' : 'reject',
        onlineShare: metadata.onlineLevel === 'toan-trinh' ? 0.5 : 0.25,
        formValues,
        formData,
        limitFor: (channel) => (channel !== 2 && metadata.limitOnPaper ? metadata.limitOnPaper : metadata.limit),
      });
    });
  }
  return routes;
}

/**
 * The user tasks along the normal path, in order: from the start event, each
 * exclusive gateway takes the flow of the previous step's first outcome, and
 * a parallel split gives one stage with the steps of all its branches.
 */
function normalPath(process: ExecutableProcess): ExecutableElement[][] {
  const element = (id: string): ExecutableElement => process.elements[id]!;
  const after = (e: ExecutableElement): string => {
    const flow = e.outgoing[0];
    if (!flow) throw new Error(`Expected '${e.id}' of ${process.id} to have an outgoing flow`);
    return process.flows[flow]!.targetId;
  };
  const stages: ExecutableElement[][] = [];
  let outcome: string | undefined;
  let id = process.noneStart;
  const seen = new Set<string>();
  while (id !== undefined) {
    if (seen.has(id)) throw new Error(`Expected the normal path of ${process.id} to end, but it comes back to '${id}'`);
    seen.add(id);
    const e = element(id);
    if (e.kind === 'endEvent') break;
    if (e.kind === 'userTask') {
      stages.push([e]);
      outcome = firstOutcome(e);
      id = after(e);
    } else if (e.kind === 'exclusiveGateway') {
      const flows = e.outgoing.map((f) => process.flows[f]!);
      const chosen = flows.find((f) => f.condition?.replace(/\s+/g, '') === `outcome="${outcome}"`) ?? flows.find((f) => f.id === e.defaultFlow) ?? flows.find((f) => !f.condition);
      if (!chosen) throw new Error(`Expected gateway '${e.id}' of ${process.id} to have a flow for outcome '${outcome}'`);
      id = chosen.targetId;
    } else if (e.kind === 'parallelGateway' && e.outgoing.length > 1) {
      const branches: ExecutableElement[] = [];
      let join: ExecutableElement | undefined;
      for (const flow of e.outgoing) {
        let b = element(process.flows[flow]!.targetId);
        while (b.kind !== 'parallelGateway') {
          if (b.kind === 'userTask') branches.push(b);
          b = element(after(b));
        }
        join = b;
      }
      stages.push(branches);
      id = after(join!);
    } else {
      id = after(e);
    }
  }
  return stages;
}

function firstOutcome(e: ExecutableElement): string | undefined {
  const headers = e.userTask?.headers ?? {};
  const kind = isStepKind(headers.stepKind) ? headers.stepKind : 'process';
  return outcomesOf(kind, headers.outcomes)[0]?.value;
}

function toStep(catalogue: Catalogue, receivingAgencyId: string, e: ExecutableElement): Step {
  const task = e.userTask!;
  const headers = task.headers;
  const kind: StepKind = isStepKind(headers.stepKind) ? headers.stepKind : 'process';
  const outcomes = outcomesOf(kind, headers.outcomes);
  const group = task.candidateGroups;
  const role = group?.kind === 'static' ? group.value.split(',')[0]!.trim() : 'specialist';
  const agencyId = catalogue.resolveAgency(receivingAgencyId, headers.agency).id;
  const share = parseTimeShare(headers.timeShare);
  const weight = share?.unit === 'workingDays' ? share.amount * 8 : share?.unit === 'workingHours' ? share.amount : DEFAULT_STEP_HOURS;
  return {
    elementId: e.id,
    name: e.name ?? e.id,
    kind,
    role,
    agencyId,
    form: headers.form ?? null,
    outcomes: JSON.stringify(outcomes),
    outcomeValues: outcomes.map((o) => o.value),
    timeShare: headers.timeShare,
    weight,
    officers: officersOf(agencyId, role),
  };
}

function officersOf(agencyId: string, role: string): string[] {
  const demo = DEMO_ACCOUNTS.find((a) => a.kind === 'officer' && a.agencyId === agencyId && (a.roles as readonly string[]).includes(role));
  const base = demo?.username ?? `canbo.${agencyId}.${role}`;
  return [base, `${base}.2`, `${base}.3`];
}
