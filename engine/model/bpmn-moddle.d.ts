// bpmn-moddle ships types for its meta-model but none for its entry point.
declare module 'bpmn-moddle' {
  export interface BpmnModdleWarning {
    readonly message: string;
    readonly element?: unknown;
    readonly property?: string;
    readonly value?: unknown;
    readonly error?: Error;
  }

  export interface BpmnModdleParseResult {
    readonly rootElement: unknown;
    readonly warnings: readonly BpmnModdleWarning[];
  }

  export interface BpmnModdleInstance {
    fromXML(xml: string): Promise<BpmnModdleParseResult>;
  }

  export function BpmnModdle(
    packages?: Readonly<Record<string, unknown>>,
    options?: Readonly<Record<string, unknown>>,
  ): BpmnModdleInstance;
}
