import {
  between,
  boundaryEvent,
  definitionsXml,
  endEvent,
  error,
  errorDefinition,
  flow,
  itRejects,
  message,
  processAround,
  processXml,
  serviceTask,
  startEvent,
  timerDefinition,
  userTask,
  type Rejection,
} from './modelFixtures.js';

const rejections: readonly Rejection[] = [
  {
    what: 'a signal end event',
    xml: processXml([startEvent('start'), endEvent('notify', '<bpmn:signalEventDefinition />'), flow('f1', 'start', 'notify')].join('\n')),
    problems: ['notify unsupported-event-definition'],
    reason: /^Expected no signal event definition on end event 'notify': signal events are not supported$/,
  },
  {
    what: 'an escalation intermediate throw event',
    xml: processAround('escalate', '<bpmn:intermediateThrowEvent id="escalate"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>'),
    problems: ['escalate unsupported-event-definition'],
    reason: /escalation events are not supported/,
  },
  {
    what: 'a compensation boundary event',
    xml: processXml(
      [between('work', serviceTask('work')), boundaryEvent('undo', 'work', '<bpmn:compensateEventDefinition />')].join('\n'),
    ),
    problems: ['undo unsupported-event-definition', 'undo boundary-event-without-outgoing'],
    reason: /compensation events are not supported/,
  },
  {
    what: 'a conditional intermediate catch event',
    xml: processAround(
      'wait_until',
      '<bpmn:intermediateCatchEvent id="wait_until"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=paid</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>',
    ),
    problems: ['wait_until unsupported-event-definition'],
    reason: /conditional events are not supported/,
  },
  {
    what: 'a link intermediate throw event',
    xml: processAround('go_to', '<bpmn:intermediateThrowEvent id="go_to"><bpmn:linkEventDefinition name="A" /></bpmn:intermediateThrowEvent>'),
    problems: ['go_to unsupported-event-definition'],
    reason: /link events are not supported/,
  },
  {
    what: 'a complex gateway',
    xml: processAround('choose', '<bpmn:complexGateway id="choose" />'),
    problems: ['choose unsupported-element'],
    reason: /^Expected no complex gateway 'choose' in process 'Process_1': complex gateways are not supported/,
  },
  {
    what: 'a transaction',
    xml: processAround('pay', '<bpmn:transaction id="pay" />'),
    problems: ['pay unsupported-element'],
    reason: /transactions are not supported/,
  },
  {
    what: 'an ad-hoc sub-process',
    xml: processAround('gather', '<bpmn:adHocSubProcess id="gather" />'),
    problems: ['gather unsupported-element'],
    reason: /^Expected no ad-hoc sub-process 'gather' in process 'Process_1': ad-hoc sub-processes are not supported$/,
  },
  {
    what: 'a standard loop',
    xml: processAround('retry', serviceTask('retry', '', '<bpmn:standardLoopCharacteristics />')),
    problems: ['retry unsupported-standard-loop'],
    reason: /^Expected a multi-instance loop on service task 'retry', but found a standard loop, which is not supported$/,
  },
  {
    what: 'a DMN decision on a business rule task',
    xml: processAround(
      'classify',
      '<bpmn:businessRuleTask id="classify"><bpmn:extensionElements><zeebe:calledDecision decisionId="phan_loai" resultVariable="group" /></bpmn:extensionElements></bpmn:businessRuleTask>',
    ),
    problems: ['classify unsupported-called-decision'],
    reason: /^Expected no zeebe:calledDecision on business rule task 'classify': DMN decisions are not supported/,
  },
  {
    what: 'execution listeners',
    xml: processAround('work', serviceTask('work', '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>')),
    problems: ['work unsupported-execution-listeners'],
    reason: /^Expected no zeebe:executionListeners on service task 'work': execution listeners are not supported$/,
  },
  {
    what: 'task listeners',
    xml: processAround('review', userTask('review', '<zeebe:userTask /><zeebe:taskListeners><zeebe:taskListener eventType="assigning" type="notify" /></zeebe:taskListeners>')),
    problems: ['review unsupported-task-listeners'],
    reason: /task listeners are not supported/,
  },
  {
    what: 'a call activity bound to its deployment',
    xml: processAround(
      'call',
      '<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" bindingType="deployment" /></bpmn:extensionElements></bpmn:callActivity>',
    ),
    problems: ['call unsupported-binding-type'],
    reason: /^Expected bindingType 'latest' on the zeebe:calledElement of call activity 'call', but got 'deployment'/,
  },
  {
    what: 'an embedded form',
    xml: processXml(between('fill', userTask('fill', '<zeebe:formDefinition formKey="camunda-forms:bpmn:UserTaskForm_1" />')), {
      extensions: '<zeebe:userTaskForm id="UserTaskForm_1">{"components":[]}</zeebe:userTaskForm>',
    }),
    problems: ['Process_1 unsupported-embedded-form', 'fill unsupported-embedded-form'],
    reason: /^Expected no zeebe:userTaskForm on process 'Process_1': embedded forms are not supported/,
  },
  {
    what: 'a condition on a flow leaving a service task',
    xml: processXml([startEvent('start'), serviceTask('work'), endEvent('end'), flow('f1', 'start', 'work'), flow('f2', 'work', 'end', '=done')].join('\n')),
    problems: ['f2 unsupported-conditional-flow'],
    reason: /^Expected no condition on sequence flow 'f2': conditions are only evaluated on flows leaving exclusive and inclusive gateways, but it leaves service task 'work'$/,
  },
  {
    what: 'a non-interrupting error boundary event',
    xml: processXml(
      [
        between('work', serviceTask('work')),
        boundaryEvent('failed', 'work', errorDefinition('Error_1'), 'cancelActivity="false"'),
        endEvent('handled'),
        flow('f_failed', 'failed', 'handled'),
      ].join('\n'),
      { rootElements: error('Error_1', 'FAILED') },
    ),
    problems: ['failed non-interrupting-error-boundary'],
    reason: /^Expected boundary event 'failed' to be interrupting \(cancelActivity="true"\)/,
  },
  {
    what: 'an error start event outside an event sub-process',
    xml: processXml([startEvent('start'), startEvent('on_error', errorDefinition('Error_1')), endEvent('end'), flow('f1', 'start', 'end'), flow('f2', 'on_error', 'end')].join('\n'), {
      rootElements: error('Error_1', 'FAILED'),
    }),
    problems: ['on_error error-start-outside-event-sub-process'],
    reason: /^Expected error start events only in event sub-processes, but start event 'on_error' is in process 'Process_1'$/,
  },
  {
    what: 'a cron timer cycle',
    xml: processXml([startEvent('nightly', timerDefinition('timeCycle', '0 0 2 * * ?')), endEvent('end'), flow('f1', 'nightly', 'end')].join('\n')),
    problems: ['nightly unsupported-timer-cycle'],
    reason: /but got '0 0 2 \* \* \?': cron expressions are not supported$/,
  },
  {
    what: 'a Camunda 7 attribute',
    xml: processAround('work', '<bpmn:serviceTask id="work" camunda:asyncBefore="true"><bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements></bpmn:serviceTask>'),
    problems: ['work unsupported-attribute'],
    reason: /^Expected only BPMN and Zeebe attributes on service task 'work', but found 'camunda:asyncBefore', which is not executed$/,
  },
  {
    what: 'an extension element from another engine',
    xml: processAround('work', serviceTask('work', '<camunda:inputOutput />')),
    problems: ['work unsupported-extension'],
    reason: /^Expected no camunda:inputOutput on service task 'work': this extension is not executed$/,
  },
  {
    what: 'a compensation handler',
    xml: processAround('undo', '<bpmn:serviceTask id="undo" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="undo" /></bpmn:extensionElements></bpmn:serviceTask>'),
    problems: ['undo unsupported-attribute'],
    reason: /^Expected no 'isForCompensation' on service task 'undo': compensation is not supported$/,
  },
  {
    what: 'a loop cardinality',
    xml: processAround(
      'copy',
      serviceTask(
        'copy',
        '',
        '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" /></bpmn:extensionElements><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>',
      ),
    ),
    problems: ['copy unsupported-attribute'],
    reason: /^Expected no 'loopCardinality' on service task 'copy'/,
  },
  {
    what: 'an inline script',
    xml: processAround('calc', '<bpmn:scriptTask id="calc" scriptFormat="javascript"><bpmn:script>fee = 10</bpmn:script></bpmn:scriptTask>'),
    problems: ['calc unsupported-attribute', 'calc unsupported-attribute', 'calc missing-task-definition'],
    reason: /^Expected no 'script' on script task 'calc': inline scripts are not executed/,
  },
  {
    what: 'a parallel event-based gateway',
    xml: processXml(
      [
        startEvent('start'),
        '<bpmn:eventBasedGateway id="wait" eventGatewayType="Parallel" />',
        '<bpmn:intermediateCatchEvent id="t1">' + timerDefinition('timeDuration', 'PT1H') + '</bpmn:intermediateCatchEvent>',
        '<bpmn:intermediateCatchEvent id="t2">' + timerDefinition('timeDuration', 'PT2H') + '</bpmn:intermediateCatchEvent>',
        flow('f0', 'start', 'wait'),
        flow('f1', 'wait', 't1'),
        flow('f2', 'wait', 't2'),
      ].join('\n'),
    ),
    problems: ['wait unsupported-attribute'],
    reason: /only exclusive event-based gateways are supported/,
  },
  {
    what: 'an instantiating receive task',
    xml: processAround('wait', '<bpmn:receiveTask id="wait" instantiate="true" messageRef="Message_1" />', message('Message_1', 'paid', '=id')),
    problems: ['wait unsupported-attribute'],
    reason: /^Expected no 'instantiate' on receive task 'wait': instances are only created by start events$/,
  },
  {
    what: 'an event with two definitions',
    xml: processAround(
      'wait',
      `<bpmn:intermediateCatchEvent id="wait">${timerDefinition('timeDuration', 'PT1H')}${timerDefinition('timeDuration', 'PT2H')}</bpmn:intermediateCatchEvent>`,
    ),
    problems: ['wait multiple-event-definitions'],
    reason: /^Expected at most one event definition on intermediate catch event 'wait', but found 2 \(timer, timer\)/,
  },
  {
    what: 'linked resources',
    xml: processAround('work', serviceTask('work', '<zeebe:linkedResources><zeebe:linkedResource resourceId="rag" linkName="kb" /></zeebe:linkedResources>')),
    problems: ['work unsupported-extension'],
    reason: /^Expected no zeebe:linkedResources on service task 'work'/,
  },
  {
    what: 'a start form',
    xml: processXml([startEvent('start', '<bpmn:extensionElements><zeebe:formDefinition formId="to_khai" /></bpmn:extensionElements>'), endEvent('end'), flow('f1', 'start', 'end')].join('\n')),
    problems: ['start unsupported-extension'],
    reason: /^Expected no zeebe:formDefinition on start event 'start'/,
  },
  {
    what: 'a business id on a called element',
    xml: processAround(
      'call',
      '<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" businessId="=dossierId" /></bpmn:extensionElements></bpmn:callActivity>',
    ),
    problems: ['call unsupported-attribute'],
    reason: /^Expected no 'businessId' on the zeebe:calledElement of call activity 'call': it is not executed$/,
  },
  {
    what: 'an input mapping on a receive task',
    xml: processAround(
      'wait',
      '<bpmn:receiveTask id="wait" messageRef="Message_1"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=a" target="b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:receiveTask>',
      message('Message_1', 'paid', '=id'),
    ),
    problems: ['wait unsupported-io-mapping'],
    reason: /^Expected no zeebe:input mappings on receive task 'wait': input mappings are not applied to this kind of element$/,
  },
  {
    what: 'a priority on a job-based user task',
    xml: processAround('review', userTask('review', '<zeebe:priorityDefinition priority="80" />')),
    problems: ['review unsupported-priority'],
    reason: /priorities need a native user task \(zeebe:userTask\)$/,
  },
  {
    what: 'an external form reference on a job-based user task',
    xml: processAround('review', userTask('review', '<zeebe:formDefinition externalReference="https://forms.example/1" />')),
    problems: ['review unsupported-form-reference'],
    reason: /^Expected a formKey or formId on job-based user task 'review', but got an externalReference/,
  },
  {
    what: 'a cancel end event',
    xml: processXml([startEvent('start'), endEvent('cancel', '<bpmn:cancelEventDefinition />'), flow('f1', 'start', 'cancel')].join('\n')),
    problems: ['cancel unsupported-event-definition'],
    reason: /cancel events are not supported/,
  },
  {
    what: 'a choreography',
    xml: definitionsXml(`<bpmn:choreography id="Choreography_1" />
  <bpmn:process id="Process_1" isExecutable="true">${between('work', serviceTask('work'))}</bpmn:process>`),
    problems: ['Choreography_1 unsupported-element'],
    reason: /^Expected no choreography 'Choreography_1' in the definitions: this element is not executed$/,
  },
];

describe('model: rejected constructs', () => {
  for (const rejection of rejections) itRejects(rejection);
});
