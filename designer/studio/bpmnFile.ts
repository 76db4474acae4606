import { t } from '../shared/texts.js';

const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Why a text is not a BPMN document, or undefined when it looks like one. */
export function bpmnProblem(xml: string): string | undefined {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) return t('studio.bpmn.notXml');
  const root = document.documentElement;
  if (root.localName !== 'definitions' || root.namespaceURI !== BPMN_NAMESPACE) return t('studio.bpmn.notBpmn');
  if (root.getElementsByTagNameNS(BPMN_NAMESPACE, 'process').length === 0) return t('studio.bpmn.noProcess');
  return undefined;
}

/** The text of a chosen .bpmn file; throws with the reason when it is not BPMN. */
export async function readBpmnFile(file: File): Promise<string> {
  const xml = await file.text();
  const problem = bpmnProblem(xml);
  if (problem) throw new Error(problem);
  return xml;
}
