import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateZeebe } from '@bpmn-io/element-templates-validator';
import { BpmnModdle } from 'bpmn-moddle';
import { OFFICER_ROLES } from '../../api/auth/User.js';
import { parseTimeShare } from '../../api/dossiers/deadlines.js';
import { outcomesOf, STEP_KINDS, type StepKind } from '../../api/dossiers/steps.js';
import {
  stepTemplates,
  type Agency,
  type ElementTemplate,
  type TemplateProperty,
} from '../../designer/modeler/agencyTemplates.js';
import { STEP_TEMPLATE_KINDS, stepTemplateId } from '../../designer/modeler/stepKinds.js';
import { readmeConventions } from './support/readmeConventions.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const templates = JSON.parse(readFileSync(join(root, 'designer', 'templates', 'step-kinds.json'), 'utf8')) as ElementTemplate[];
const conventions = readmeConventions();

/** bpmn-moddle with the Zeebe extension, as the modeler and the engine read models. */
interface ModdleTypes {
  getType(name: string): unknown;
  getElementDescriptor(type: unknown): { allTypesByName: Record<string, unknown>; propertiesByName: Record<string, unknown> };
}
const zeebe = JSON.parse(readFileSync(join(root, 'node_modules', 'zeebe-bpmn-moddle', 'resources', 'zeebe.json'), 'utf8')) as unknown;
const moddle = BpmnModdle({ zeebe }) as unknown as ModdleTypes;

function descriptor(type: string) {
  const moddleType = moddle.getType(type);
  if (!moddleType) throw new Error(`Expected the BPMN or Zeebe model to define '${type}', but it does not`);
  return moddle.getElementDescriptor(moddleType);
}

function isSubtype(type: string, base: string): boolean {
  return base in descriptor(type).allTypesByName;
}

function hasModelProperty(type: string, name: string): boolean {
  return name in descriptor(type).propertiesByName || `${type.split(':')[0]}:${name}` in descriptor(type).propertiesByName;
}

function templateOf(kind: string): ElementTemplate {
  const template = templates.find((t) => t.id === stepTemplateId(kind as never));
  if (!template) throw new Error(`Expected a template for the step kind '${kind}', but there is none`);
  return template;
}

function headerProperty(template: ElementTemplate, key: string): TemplateProperty | undefined {
  return template.properties.find((p) => p.binding.type === 'zeebe:taskHeader' && p.binding.key === key);
}

function roleProperty(template: ElementTemplate): TemplateProperty | undefined {
  return template.properties.find((p) => p.binding.type === 'zeebe:assignmentDefinition' && p.binding.property === 'candidateGroups');
}

const userTaskTemplates = templates.filter((t) => t.elementType?.value === 'bpmn:UserTask');

/** A pattern of a property's constraints, as the properties panel checks it. */
function patternOf(property: TemplateProperty | undefined): RegExp {
  const pattern = (property?.constraints as { pattern?: { value: string } } | undefined)?.pattern?.value;
  if (!pattern) throw new Error(`Expected the property '${property?.id}' to have a pattern, but it has none`);
  return new RegExp(pattern);
}

describe('designer: step templates (designer/templates/step-kinds.json)', function () {
  it('should be valid Camunda 8 element templates by the JSON schema', function () {
    const results = templates.map((template) => {
      const { errors, warnings } = validateZeebe(template);
      return { id: template.id, errors: (errors ?? []).map((e) => e.message), warnings: (warnings ?? []).map((w) => w.message) };
    });

    expect(results).to.deep.equal(templates.map((t) => ({ id: t.id, errors: [], warnings: [] })));
  });

  it('should give every template a unique id and a whole version number from 1', function () {
    const ids = templates.map((t) => t.id);

    expect(new Set(ids).size).to.equal(ids.length);
    expect(templates.filter((t) => !Number.isInteger(t.version) || (t.version ?? 0) < 1).map((t) => t.id)).to.deep.equal([]);
  });

  it('should have one template for each step kind the designer can add', function () {
    expect(templates.map((t) => t.id)).to.deep.equal(STEP_TEMPLATE_KINDS.map(stepTemplateId));
  });

  it('should name and describe every template in Vietnamese', function () {
    const unnamed = templates.filter((t) => !/[àáảãạăâđèéêìíòóôơùúưỳý]/i.test(`${t.name} ${String(t.description)}`)).map((t) => t.id);

    expect(unnamed).to.deep.equal([]);
  });

  it('should turn an element only into a type the template applies to, of the same family', function () {
    const wrong = templates.filter((t) => {
      const target = t.elementType?.value;
      if (!target) return false;
      const family = ['bpmn:Activity', 'bpmn:Event'].find((base) => isSubtype(target, base));
      return !t.appliesTo.some((type) => isSubtype(target, type)) || !family || !t.appliesTo.every((type) => isSubtype(type, family));
    });

    expect(wrong.map((t) => t.id)).to.deep.equal([]);
  });

  it('should bind only properties that exist in the BPMN and Zeebe models', function () {
    const unknown = templates.flatMap((t) =>
      t.properties
        .filter((p) => !bindingExists(t, p))
        .map((p) => `${t.id}: ${JSON.stringify(p.binding)}`),
    );

    expect(unknown).to.deep.equal([]);
  });

  it('should put every property in a group the template declares', function () {
    const strays = templates.flatMap((t) =>
      t.properties.filter((p) => p.group !== undefined && !t.groups?.some((g) => g.id === p.group)).map((p) => `${t.id}: ${p.id}`),
    );

    expect(strays).to.deep.equal([]);
  });

  it('should default every dropdown to one of its choices', function () {
    const wrong = templates.flatMap((t) =>
      t.properties
        .filter((p) => p.type === 'Dropdown' && !(p.choices ?? []).some((c) => c.value === p.value))
        .map((p) => `${t.id}: ${p.id}`),
    );

    expect(wrong).to.deep.equal([]);
  });

  it('should let the designer pick the responsible unit and the role from dropdowns and type the duration', function () {
    const fields = userTaskTemplates.map((t) => [t.id, headerProperty(t, 'agency')?.type, roleProperty(t)?.type, headerProperty(t, 'timeShare')?.type]);

    expect(fields).to.deep.equal(userTaskTemplates.map((t) => [t.id, 'Dropdown', 'Dropdown', 'String']));
  });
});

describe('designer: step templates follow the conventions of processes/README.md', function () {
  it('should cover exactly the step kinds of the README (and of the desk)', function () {
    const kinds = userTaskTemplates.map((t) => headerProperty(t, 'stepKind')?.value);

    expect(kinds).to.have.members(conventions.stepKinds);
    expect(conventions.stepKinds).to.have.members([...STEP_KINDS]);
  });

  for (const kind of conventions.stepKinds) {
    it(`should make '${kind}' a Camunda user task with the hidden header stepKind=${kind}`, function () {
      const template = templateOf(kind);
      const stepKind = headerProperty(template, 'stepKind');

      expect(template.elementType).to.deep.equal({ value: 'bpmn:UserTask' });
      expect(template.appliesTo).to.deep.equal(['bpmn:Task']);
      expect(template.properties.some((p) => p.binding.type === 'zeebe:userTask')).to.equal(true);
      expect(stepKind).to.include({ type: 'Hidden', value: kind });
    });
  }

  it('should offer exactly the roles of the README (and of officer accounts)', function () {
    const offered = userTaskTemplates.map((t) => (roleProperty(t)?.choices ?? []).map((c) => c.value));

    expect(offered).to.deep.equal(userTaskTemplates.map(() => conventions.roles));
    expect(conventions.roles).to.deep.equal([...OFFICER_ROLES]);
  });

  it('should give each step the role the shipped procedures give it', function () {
    const roles = Object.fromEntries(conventions.stepKinds.map((kind) => [kind, roleProperty(templateOf(kind))?.value]));

    expect(roles).to.deep.equal({ receive: 'desk', process: 'specialist', approve: 'leader', transfer: 'desk', payment: 'desk', return: 'desk' });
  });

  it(`should default the responsible unit to the README's default agency`, function () {
    const agencies = userTaskTemplates.map((t) => headerProperty(t, 'agency')?.value);

    expect(agencies).to.deep.equal(userTaskTemplates.map(() => conventions.defaultAgency));
  });

  for (const kind of conventions.stepKinds) {
    it(`should default the ${kind} outcomes to the README's values with the desk's labels`, function () {
      const outcomes = String(headerProperty(templateOf(kind), 'outcomes')?.value);
      const values = outcomes.split('|').map((part) => part.split(':')[0]);

      expect(values).to.deep.equal(conventions.defaultOutcomes[kind]);
      expect(outcomes).to.equal(outcomesOf(kind as StepKind, undefined).map((o) => `${o.value}:${o.label}`).join('|'));
    });
  }

  const durations: [value: string, readable: boolean][] = [
    ['1d', true],
    ['4h', true],
    ['10d', true],
    ['0.5d', true],
    ['14h', true],
    ['', true],
    ['d', false],
    ['2', false],
    ['2 d', false],
    ['2w', false],
    ['-1d', false],
    ['1.d', false],
    ['4H', false],
  ];

  for (const [value, readable] of durations) {
    const title = value === '' ? "accept no duration (the step is due with the dossier)" : `${readable ? '' : 'NOT '}accept the duration '${value}'${readable ? '' : ', which the desk cannot read'}`;
    it(`should ${title}`, function () {
      const accepted = userTaskTemplates.map((t) => patternOf(headerProperty(t, 'timeShare')).test(value));

      expect(accepted).to.deep.equal(userTaskTemplates.map(() => readable));
      expect(value === '' || parseTimeShare(value) !== undefined).to.equal(readable);
    });
  }

  it("should default every duration to one the desk reads, in the README's form", function () {
    const examples = conventions.timeShareExamples.map((example) => example.replace(/\d+/, '\\d+'));
    const defaults = userTaskTemplates.map((t) => String(headerProperty(t, 'timeShare')?.value));

    expect(defaults.filter((d) => parseTimeShare(d) === undefined)).to.deep.equal([]);
    expect(defaults.filter((d) => !examples.some((e) => new RegExp(`^${e}$`).test(d)))).to.deep.equal([]);
  });

  it('should accept the outcomes of every shipped procedure', function () {
    const shipped = readdirSync(join(root, 'processes'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, 'processes', entry.name, 'process.bpmn')))
      .flatMap((entry) => [...readFileSync(join(root, 'processes', entry.name, 'process.bpmn'), 'utf8').matchAll(/key="outcomes" value="([^"]*)"/g)])
      .map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    const pattern = patternOf(headerProperty(templateOf('receive'), 'outcomes'));

    expect(shipped).to.have.length.greaterThan(0);
    expect(shipped.filter((outcomes) => !pattern.test(outcomes))).to.deep.equal([]);
  });

  it('should name step forms that exist under forms/', function () {
    const forms = userTaskTemplates.map((t) => String(headerProperty(t, 'form')?.value));

    expect(forms.filter((form) => !existsSync(join(root, 'forms', `${form}.schema.json`)))).to.deep.equal([]);
  });

  it("should wait for the README's supplement message, correlated by the dossier code", function () {
    const template = templateOf('supplement');
    const bound = Object.fromEntries(template.properties.map((p) => [`${p.binding.type}/${p.binding.name}`, p.value]));

    expect(template.elementType).to.deep.equal({ value: 'bpmn:IntermediateCatchEvent', eventDefinition: 'bpmn:MessageEventDefinition' });
    expect(bound).to.deep.equal({
      'bpmn:Message#property/name': conventions.supplementMessage,
      'bpmn:Message#zeebe:subscription#property/correlationKey': conventions.supplementCorrelationKey,
    });
  });
});

describe('designer: stepTemplates fills the responsible unit from the agency tree', function () {
  const agency = (id: string, kind: string, parentId: string | null = null, name = id): Agency => ({
    id,
    parentId,
    unitCode: `000.00.00.${id}`,
    name,
    level: parentId ? 'commune' : 'province',
    kind,
    receivesDossiers: kind === 'commune' || kind === 'public-service-center',
  });
  const tree: Agency[] = [
    agency('tinh', 'province'),
    agency('ttphc', 'public-service-center', 'tinh'),
    agency('stp', 'justice', 'tinh'),
    agency('hai-chau', 'commune', 'tinh'),
    agency('ca-hai-chau', 'commune-police', 'hai-chau'),
    agency('thanh-khe', 'commune', 'tinh'),
    agency('ca-thanh-khe', 'commune-police', 'thanh-khe'),
    agency('bhxh', 'social-insurance', 'tinh'),
  ];
  const agencyChoices = (filled: ElementTemplate[], kind: string) => headerProperty(filled.find((t) => t.id === stepTemplateId(kind as never))!, 'agency')?.choices;

  it("should offer the receiving desk, then each kind of the tree once, in the tree's order", function () {
    // when
    const filled = stepTemplates(templates, tree);

    // then
    expect(agencyChoices(filled, 'process')?.map((c) => c.value)).to.deep.equal([
      'receiving',
      'province',
      'public-service-center',
      'justice',
      'commune',
      'commune-police',
      'social-insurance',
    ]);
  });

  it('should name the kinds in Vietnamese', function () {
    // when
    const filled = stepTemplates(templates, tree);

    // then
    expect(agencyChoices(filled, 'approve')).to.deep.include.members([
      { name: 'Bộ phận Một cửa nơi tiếp nhận hồ sơ', value: 'receiving' },
      { name: 'Sở Tư pháp', value: 'justice' },
      { name: 'Công an cấp xã', value: 'commune-police' },
    ]);
  });

  it('should name a kind it has no Vietnamese name for by its code and one agency of that kind', function () {
    // given
    const withOffice = [...tree, agency('qldt-hai-chau', 'urban-management', 'hai-chau', 'Phòng Kinh tế, Hạ tầng và Đô thị Hải Châu')];

    // when
    const filled = stepTemplates(templates, withOffice);

    // then
    expect(agencyChoices(filled, 'process')?.at(-1)).to.deep.equal({
      name: 'urban-management (vd. Phòng Kinh tế, Hạ tầng và Đô thị Hải Châu)',
      value: 'urban-management',
    });
  });

  it('should fill every user-task step and leave the supplement wait as it is', function () {
    // when
    const filled = stepTemplates(templates, tree);

    // then
    expect(conventions.stepKinds.map((kind) => agencyChoices(filled, kind)?.length)).to.deep.equal(conventions.stepKinds.map(() => 7));
    expect(filled.find((t) => t.id === stepTemplateId('supplement'))).to.deep.equal(templateOf('supplement'));
  });

  it('should offer only the receiving desk for an empty tree', function () {
    // when
    const filled = stepTemplates(templates, []);

    // then
    expect(agencyChoices(filled, 'receive')).to.deep.equal([{ name: 'Bộ phận Một cửa nơi tiếp nhận hồ sơ', value: 'receiving' }]);
  });

  it('should NOT change the templates it starts from', function () {
    // given
    const before = structuredClone(templates);

    // when
    stepTemplates(templates, tree);

    // then
    expect(templates).to.deep.equal(before);
  });

  it('should keep the filled templates valid', function () {
    // when
    const filled = stepTemplates(templates, tree);

    // then
    expect(filled.filter((t) => !validateZeebe(t).valid).map((t) => t.id)).to.deep.equal([]);
  });
});

function bindingExists(template: ElementTemplate, property: TemplateProperty): boolean {
  const { binding } = property;
  const elementType = template.elementType?.value ?? template.appliesTo[0];
  switch (binding.type) {
    case 'property':
      return hasModelProperty(elementType, binding.name ?? '');
    case 'zeebe:userTask':
      return isSubtype(elementType, 'bpmn:UserTask') && moddle.getType('zeebe:UserTask') !== undefined;
    case 'zeebe:taskHeader':
      return Boolean(binding.key) && hasModelProperty('zeebe:Header', 'key') && hasModelProperty('zeebe:Header', 'value');
    case 'zeebe:assignmentDefinition':
      return hasModelProperty('zeebe:AssignmentDefinition', binding.property ?? '');
    case 'bpmn:Message#property':
      return hasModelProperty('bpmn:Message', binding.name ?? '');
    case 'bpmn:Message#zeebe:subscription#property':
      return hasModelProperty('zeebe:Subscription', binding.name ?? '');
    default:
      return false;
  }
}
