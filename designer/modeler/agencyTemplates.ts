/**
 * The step templates with their "responsible unit" dropdown filled from the agency tree: a
 * step names an agency *kind*, which the desk resolves to the nearest agency of that kind
 * from the receiving agency (processes/README.md), so the choices are the kinds the tree has.
 */

/** One agency as `/api/agencies` lists it. */
export interface Agency {
  readonly id: string;
  readonly parentId: string | null;
  readonly unitCode: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly receivesDossiers: boolean;
}

export interface TemplateChoice {
  readonly name: string;
  readonly value: string;
}

export interface TemplateBinding {
  readonly type: string;
  readonly key?: string;
  readonly name?: string;
  readonly property?: string;
}

/** The parts of a Camunda 8 element template property the modeler reads or fills in. */
export interface TemplateProperty {
  readonly id?: string;
  readonly label?: string;
  readonly type: string;
  readonly value?: string | number | boolean;
  readonly group?: string;
  readonly optional?: boolean;
  readonly choices?: readonly TemplateChoice[];
  readonly binding: TemplateBinding;
  readonly [other: string]: unknown;
}

/** The parts of a Camunda 8 element template the modeler reads or fills in. */
export interface ElementTemplate {
  readonly id: string;
  readonly name: string;
  readonly version?: number;
  readonly appliesTo: readonly string[];
  readonly elementType?: { readonly value: string; readonly eventDefinition?: string };
  readonly groups?: readonly { readonly id: string; readonly label: string }[];
  readonly properties: readonly TemplateProperty[];
  readonly [other: string]: unknown;
}

/** Vietnamese names of the agency kinds a province's tree uses (api/catalogue/types.ts: AgencyConfig.kind). */
export const AGENCY_KIND_LABELS: Readonly<Record<string, string>> = {
  province: 'Ủy ban nhân dân cấp tỉnh',
  district: 'Ủy ban nhân dân cấp huyện',
  commune: 'Ủy ban nhân dân cấp xã',
  'public-service-center': 'Trung tâm Phục vụ hành chính công',
  justice: 'Sở Tư pháp',
  police: 'Công an cấp tỉnh',
  'commune-police': 'Công an cấp xã',
  'social-insurance': 'Bảo hiểm xã hội',
};

/** Whether a template property is the step's responsible unit (the `agency` task header). */
export function isAgencyProperty(property: TemplateProperty): boolean {
  return property.type === 'Dropdown' && property.binding.type === 'zeebe:taskHeader' && property.binding.key === 'agency';
}

/**
 * The templates with every responsible-unit dropdown offering its own choices (at least
 * "receiving") followed by each kind of the agency tree, in the tree's order. The inputs
 * are left as they are.
 */
export function stepTemplates(baseTemplates: readonly ElementTemplate[], agencies: readonly Agency[]): ElementTemplate[] {
  const kinds = agencyKindChoices(agencies);
  return baseTemplates.map((template) => {
    const copy = structuredClone(template);
    return {
      ...copy,
      properties: copy.properties.map((property) => (isAgencyProperty(property) ? { ...property, choices: mergeChoices(property.choices ?? [], kinds) } : property)),
    };
  });
}

/** One choice per distinct agency kind, in the order the kinds first appear. */
export function agencyKindChoices(agencies: readonly Agency[]): TemplateChoice[] {
  const firstOfKind = new Map<string, Agency>();
  for (const agency of agencies) {
    if (agency.kind && !firstOfKind.has(agency.kind)) firstOfKind.set(agency.kind, agency);
  }
  return [...firstOfKind].map(([kind, agency]) => ({ name: agencyKindLabel(kind, agency), value: kind }));
}

/** A kind without a Vietnamese name shows its code and one agency of that kind as an example. */
function agencyKindLabel(kind: string, example: Agency): string {
  return AGENCY_KIND_LABELS[kind] ?? `${kind} (vd. ${example.name})`;
}

function mergeChoices(own: readonly TemplateChoice[], kinds: readonly TemplateChoice[]): TemplateChoice[] {
  const values = new Set(own.map((choice) => choice.value));
  return [...own, ...kinds.filter((choice) => !values.has(choice.value))];
}
