import {
  between,
  boundaryEvent,
  endEvent,
  error,
  errorDefinition,
  flow,
  itRejects,
  message,
  messageDefinition,
  processAround,
  processXml,
  serviceTask,
  startEvent,
  timerDefinition,
  userTask,
  type Rejection,
} from './modelFixtures.js';

const catchEvent = (id: string, definition: string): string => `<bpmn:intermediateCatchEvent id="${id}">${definition}</bpmn:intermediateCatchEvent>`;
const eventSubProcess = (id: string, content: string, attributes = ''): string =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true"${attributes ? ` ${attributes}` : ''}>${content}</bpmn:subProcess>`;
const subProcess = (id: string, content: string): string => `<bpmn:subProcess id="${id}">${content}</bpmn:subProcess>`;
const exclusiveGateway = (id: string, attributes = ''): string => `<bpmn:exclusiveGateway id="${id}"${attributes ? ` ${attributes}` : ''} />`;
const withWork = (extra: string[], rootElements = ''): string => processXml([between('work', serviceTask('work')), ...extra].join('\n'), { rootElements });

const jobs: readonly Rejection[] = [
  {
    what: 'a service task without a task definition',
    xml: processAround('check_docs', '<bpmn:serviceTask id="check_docs" />'),
    problems: ['check_docs missing-task-definition'],
    reason: /^Expected a zeebe:taskDefinition with a non-empty type on service task 'check_docs'$/,
  },
  {
    what: 'a send task with an empty job type',
    xml: processAround('notify', '<bpmn:sendTask id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="" /></bpmn:extensionElements></bpmn:sendTask>'),
    problems: ['notify missing-task-definition'],
    reason: /^Expected a zeebe:taskDefinition with a non-empty type on send task 'notify'$/,
  },
  {
    what: 'a message end event without a task definition',
    xml: processXml([startEvent('start'), endEvent('send_result', '<bpmn:messageEventDefinition />'), flow('f1', 'start', 'send_result')].join('\n')),
    problems: ['send_result missing-task-definition'],
    reason: /on end event 'send_result'$/,
  },
  {
    what: 'a message intermediate throw event without a task definition',
    xml: processAround('publish', '<bpmn:intermediateThrowEvent id="publish"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>'),
    problems: ['publish missing-task-definition'],
    reason: /on intermediate throw event 'publish'$/,
  },
  {
    what: 'a business rule task without a task definition',
    xml: processAround('classify', '<bpmn:businessRuleTask id="classify" />'),
    problems: ['classify missing-task-definition'],
    reason: /on business rule task 'classify'$/,
  },
  {
    what: 'a script task with neither a task definition nor a script',
    xml: processAround('calc', '<bpmn:scriptTask id="calc" />'),
    problems: ['calc missing-task-definition'],
    reason: /^Expected a zeebe:taskDefinition with a non-empty type, or a zeebe:script with an expression and a resultVariable, on script task 'calc'$/,
  },
  {
    what: 'a script task with both a task definition and a script',
    xml: processAround(
      'calc',
      '<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:taskDefinition type="calc" /><zeebe:script expression="=1" resultVariable="x" /></bpmn:extensionElements></bpmn:scriptTask>',
    ),
    problems: ['calc ambiguous-script-task'],
    reason: /but found both$/,
  },
  {
    what: 'a script without a result variable',
    xml: processAround('calc', '<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="=1 + 1" /></bpmn:extensionElements></bpmn:scriptTask>'),
    problems: ['calc incomplete-script'],
    reason: /^Expected both an expression and a resultVariable on the zeebe:script of script task 'calc'$/,
  },
  {
    what: 'job retries that are not a number',
    xml: processAround('work', '<bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="work" retries="many" /></bpmn:extensionElements></bpmn:serviceTask>'),
    problems: ['work invalid-retries'],
    reason: /^Expected a whole number of job retries on service task 'work', but got 'many'$/,
  },
  {
    what: 'a task header without a key',
    xml: processAround('work', serviceTask('work', '<zeebe:taskHeaders><zeebe:header value="x" /></zeebe:taskHeaders>')),
    problems: ['work invalid-header'],
    reason: /^Expected a key on every zeebe:header of service task 'work'$/,
  },
  {
    what: 'a task header defined twice',
    xml: processAround('work', serviceTask('work', '<zeebe:taskHeaders><zeebe:header key="k" value="1" /><zeebe:header key="k" value="2" /></zeebe:taskHeaders>')),
    problems: ['work invalid-header'],
    reason: /^Expected the task header 'k' of service task 'work' to be defined once/,
  },
  {
    what: 'two task definitions on one task',
    xml: processAround('work', serviceTask('work', '<zeebe:taskDefinition type="again" />')),
    problems: ['work duplicate-extension'],
    reason: /^Expected at most one zeebe:taskDefinition on service task 'work', but found 2$/,
  },
  {
    what: 'a call activity without a process id',
    xml: processAround('call', '<bpmn:callActivity id="call" />'),
    problems: ['call missing-called-element'],
    reason: /^Expected a zeebe:calledElement with a processId on call activity 'call'$/,
  },
  {
    what: 'a multi-instance loop without an input collection',
    xml: processAround('each', serviceTask('each', '', '<bpmn:multiInstanceLoopCharacteristics />')),
    problems: ['each missing-input-collection'],
    reason: /^Expected a zeebe:loopCharacteristics with an inputCollection on the multi-instance loop of service task 'each'$/,
  },
  {
    what: 'an output collection without an output element',
    xml: processAround(
      'each',
      serviceTask(
        'each',
        '',
        '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" outputCollection="results" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>',
      ),
    ),
    problems: ['each incomplete-output-collection'],
    reason: /^Expected both an outputCollection and an outputElement, or neither/,
  },
  {
    what: 'an expression where a variable name is expected',
    xml: processAround(
      'each',
      serviceTask(
        'each',
        '',
        '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="=item" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>',
      ),
    ),
    problems: ['each expected-static-value'],
    reason: /^Expected a static value for the multi-instance input element of service task 'each', but got the expression '=item'$/,
  },
  {
    what: 'an expression that is only an equals sign',
    xml: processAround('work', serviceTask('work', '<zeebe:ioMapping><zeebe:input source="=" target="x" /></zeebe:ioMapping>')),
    problems: ['work empty-expression'],
    reason: /^Expected a FEEL expression after '=' for the source of the zeebe:input mapping to 'x' of service task 'work', but it is empty$/,
  },
  {
    what: 'a mapping without a target',
    xml: processAround('work', serviceTask('work', '<zeebe:ioMapping><zeebe:output source="=x" /></zeebe:ioMapping>')),
    problems: ['work missing-mapping-target'],
    reason: /^Expected a target variable on every zeebe:output mapping of service task 'work'$/,
  },
  {
    what: 'an output mapping without a source',
    xml: processAround('work', serviceTask('work', '<zeebe:ioMapping><zeebe:output target="x" /></zeebe:ioMapping>')),
    problems: ['work missing-mapping-source'],
    reason: /^Expected a source expression on the zeebe:output mapping to 'x' of service task 'work'$/,
  },
];

const userTasks: readonly Rejection[] = [
  {
    what: 'a user task with two form references',
    xml: processAround('review', userTask('review', '<zeebe:userTask /><zeebe:formDefinition formId="a" externalReference="https://forms.example/a" />')),
    problems: ['review ambiguous-form'],
    reason: /^Expected one form reference on user task 'review', but found formId and externalReference$/,
  },
  {
    what: 'a form key on a native user task',
    xml: processAround('review', userTask('review', '<zeebe:userTask /><zeebe:formDefinition formKey="custom:review" />')),
    problems: ['review unsupported-form-reference'],
    reason: /^Expected a formId or externalReference on native user task 'review', but got the job-based formKey 'custom:review'$/,
  },
  {
    what: 'a priority above 100',
    xml: processAround('review', userTask('review', '<zeebe:userTask /><zeebe:priorityDefinition priority="150" />')),
    problems: ['review invalid-priority'],
    reason: /^Expected a priority between 0 and 100 on user task 'review', but got '150'$/,
  },
  {
    what: 'a due date without a zone',
    xml: processAround('review', userTask('review', '<zeebe:userTask /><zeebe:taskSchedule dueDate="2025-03-01T17:00:00" />')),
    problems: ['review invalid-date'],
    reason: /^Expected an ISO 8601 date-time with a zone such as '2025-01-31T17:00:00\+07:00' for the due date of user task 'review', but got '2025-03-01T17:00:00'$/,
  },
  {
    what: 'a version pinned on a linked form',
    xml: processAround('review', userTask('review', '<zeebe:userTask /><zeebe:formDefinition formId="a" bindingType="versionTag" versionTag="v1" />')),
    problems: ['review unsupported-attribute', 'review unsupported-binding-type'],
    reason: /^Expected no 'versionTag' on the zeebe:formDefinition of user task 'review': it is not executed$/,
  },
];

const messages: readonly Rejection[] = [
  {
    what: 'a receive task without a message',
    xml: processAround('wait', '<bpmn:receiveTask id="wait" />'),
    problems: ['wait missing-message'],
    reason: /^Expected a message reference on receive task 'wait'$/,
  },
  {
    what: 'a message catch event whose message has no name',
    xml: processAround('wait', catchEvent('wait', messageDefinition('Message_1')), '<bpmn:message id="Message_1"><bpmn:extensionElements><zeebe:subscription correlationKey="=id" /></bpmn:extensionElements></bpmn:message>'),
    problems: ['wait missing-message-name'],
    reason: /^Expected the message 'Message_1' of intermediate catch event 'wait' to have a name$/,
  },
  {
    what: 'a message catch event without a correlation key',
    xml: processAround('wait', catchEvent('wait', messageDefinition('Message_1')), message('Message_1', 'paid')),
    problems: ['wait missing-correlation-key'],
    reason: /^Expected a zeebe:subscription with a correlationKey on the message 'Message_1' of intermediate catch event 'wait'$/,
  },
  {
    what: 'a message boundary event without a correlation key',
    xml: withWork([boundaryEvent('withdrawn', 'work', messageDefinition('Message_1')), endEvent('gone'), flow('f_gone', 'withdrawn', 'gone')], message('Message_1', 'withdrawn')),
    problems: ['withdrawn missing-correlation-key'],
    reason: /of boundary event 'withdrawn'$/,
  },
  {
    what: 'a message start event of an event sub-process without a correlation key',
    xml: withWork(
      [eventSubProcess('on_note', [startEvent('note', messageDefinition('Message_1')), endEvent('noted'), flow('f_note', 'note', 'noted')].join(''))],
      message('Message_1', 'note'),
    ),
    problems: ['note missing-correlation-key'],
    reason: /of start event 'note'$/,
  },
  {
    what: 'two boundary events waiting for the same message',
    xml: withWork(
      [
        boundaryEvent('first', 'work', messageDefinition('Message_1'), 'cancelActivity="false"'),
        boundaryEvent('second', 'work', messageDefinition('Message_2')),
        endEvent('e1'),
        endEvent('e2'),
        flow('f_first', 'first', 'e1'),
        flow('f_second', 'second', 'e2'),
      ],
      message('Message_1', 'withdrawn', '=id') + message('Message_2', 'withdrawn', '=otherId'),
    ),
    problems: ['second duplicate-message-name'],
    reason: /^Expected a message named 'withdrawn' to be awaited by one event among the boundary events of service task 'work', but both 'first' and 'second' wait for it$/,
  },
];

const timers: readonly Rejection[] = [
  {
    what: 'a timer without a definition',
    xml: processAround('wait', catchEvent('wait', '<bpmn:timerEventDefinition />')),
    problems: ['wait invalid-timer'],
    reason: /^Expected exactly one of timeDuration, timeDate or timeCycle on the timer of intermediate catch event 'wait', but found none$/,
  },
  {
    what: 'a timer with both a duration and a date',
    xml: processAround(
      'wait',
      catchEvent(
        'wait',
        '<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">2025-01-01T00:00:00Z</bpmn:timeDate><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>',
      ),
    ),
    problems: ['wait invalid-timer'],
    reason: /but found timeDuration and timeDate$/,
  },
  {
    what: 'a duration that is not ISO 8601',
    xml: processAround('wait', catchEvent('wait', timerDefinition('timeDuration', '2 days'))),
    problems: ['wait invalid-timer-duration'],
    reason: /^Expected an ISO 8601 duration such as 'PT1H' or 'P2D' for the timer of intermediate catch event 'wait', but got '2 days'$/,
  },
  {
    what: 'a timer date without a zone',
    xml: processAround('wait', catchEvent('wait', timerDefinition('timeDate', '2025-06-01T08:00:00'))),
    problems: ['wait invalid-timer-date'],
    reason: /but got '2025-06-01T08:00:00'$/,
  },
  {
    what: 'a repeating interval without an interval',
    xml: processXml([startEvent('tick', timerDefinition('timeCycle', 'R5')), endEvent('end'), flow('f1', 'tick', 'end')].join('\n')),
    problems: ['tick invalid-timer-cycle'],
    reason: /^Expected an ISO 8601 repeating interval such as 'R3\/PT1H' for the timer cycle of start event 'tick', but got 'R5'$/,
  },
  {
    what: 'a process start timer with a duration',
    xml: processXml([startEvent('later', timerDefinition('timeDuration', 'PT1H')), endEvent('end'), flow('f1', 'later', 'end')].join('\n')),
    problems: ['later invalid-timer-type'],
    reason: /^Expected a timeDate or timeCycle on the timer of start event 'later', but found a timeDuration: a process start timer is scheduled once at deploy$/,
  },
  {
    what: 'an intermediate timer with a cycle',
    xml: processAround('wait', catchEvent('wait', timerDefinition('timeCycle', 'R3/PT1H'))),
    problems: ['wait invalid-timer-type'],
    reason: /^Expected a timeDuration or timeDate on the timer of intermediate catch event 'wait', but found a timeCycle/,
  },
  {
    what: 'an interrupting boundary timer with a cycle',
    xml: withWork([boundaryEvent('every_hour', 'work', timerDefinition('timeCycle', 'R/PT1H')), endEvent('late'), flow('f_late', 'every_hour', 'late')]),
    problems: ['every_hour invalid-timer-type'],
    reason: /only non-interrupting boundary timers can repeat$/,
  },
];

const errors: readonly Rejection[] = [
  {
    what: 'an error end event without an error',
    xml: processXml([startEvent('start'), endEvent('fail', errorDefinition()), flow('f1', 'start', 'fail')].join('\n')),
    problems: ['fail missing-error-code'],
    reason: /^Expected a reference to an error with a non-empty errorCode on end event 'fail'$/,
  },
  {
    what: 'an error end event whose error has no code',
    xml: processXml([startEvent('start'), endEvent('fail', errorDefinition('Error_1')), flow('f1', 'start', 'fail')].join('\n'), { rootElements: error('Error_1') }),
    problems: ['fail missing-error-code'],
    reason: /on end event 'fail'$/,
  },
  {
    what: 'an error boundary event whose error has no code',
    xml: withWork([boundaryEvent('failed', 'work', errorDefinition('Error_1')), endEvent('handled'), flow('f_failed', 'failed', 'handled')], error('Error_1')),
    problems: ['failed missing-error-code'],
    reason: /^Expected the error 'Error_1' caught by boundary event 'failed' to have an errorCode; leave out the error reference to catch every error$/,
  },
  {
    what: 'an error catch event with an expression as error code',
    xml: withWork([boundaryEvent('failed', 'work', errorDefinition('Error_1')), endEvent('handled'), flow('f_failed', 'failed', 'handled')], error('Error_1', '=code')),
    problems: ['failed expected-static-value'],
    reason: /^Expected a static value for the error code of boundary event 'failed', but got the expression '=code'$/,
  },
  {
    what: 'two boundary events catching the same error code',
    xml: withWork(
      [
        boundaryEvent('failed', 'work', errorDefinition('Error_1')),
        boundaryEvent('failed_again', 'work', errorDefinition('Error_2')),
        endEvent('e1'),
        endEvent('e2'),
        flow('f1', 'failed', 'e1'),
        flow('f2', 'failed_again', 'e2'),
      ],
      error('Error_1', 'FAILED') + error('Error_2', 'FAILED'),
    ),
    problems: ['failed_again duplicate-error-code'],
    reason: /^Expected the error code 'FAILED' to be awaited by one event among the boundary events of service task 'work'/,
  },
  {
    what: 'a non-interrupting error start event',
    xml: withWork(
      [eventSubProcess('on_error', [startEvent('caught', errorDefinition(), 'isInterrupting="false"'), endEvent('handled'), flow('f_caught', 'caught', 'handled')].join(''))],
    ),
    problems: ['caught non-interrupting-error-start'],
    reason: /^Expected start event 'caught' to be interrupting: an error always ends the scope it is thrown in$/,
  },
];

const structure: readonly Rejection[] = [
  {
    what: 'a process without a start event',
    xml: processXml([serviceTask('work'), endEvent('end'), flow('f1', 'work', 'end')].join('\n')),
    problems: ['Process_1 missing-start-event'],
    reason: /^Expected process 'Process_1' to have a none, timer or message start event$/,
  },
  {
    what: 'two none start events in a process',
    xml: processXml([startEvent('a'), startEvent('b'), endEvent('end'), flow('f1', 'a', 'end'), flow('f2', 'b', 'end')].join('\n')),
    problems: ['Process_1 multiple-start-events'],
    reason: /^Expected at most one none start event in process 'Process_1', but found 2: 'a', 'b'$/,
  },
  {
    what: 'a sub-process without a start event',
    xml: processAround('inner', subProcess('inner', serviceTask('inside'))),
    problems: ['inner missing-start-event'],
    reason: /^Expected exactly one none start event in sub-process 'inner', but found none$/,
  },
  {
    what: 'a sub-process with a timer start event',
    xml: processAround('inner', subProcess('inner', [startEvent('tick', timerDefinition('timeDuration', 'PT1H')), endEvent('inner_end'), flow('f_in', 'tick', 'inner_end')].join(''))),
    problems: ['tick invalid-start-event'],
    reason: /^Expected a none start event in sub-process 'inner', but start event 'tick' has a timer event definition$/,
  },
  {
    what: 'an event sub-process with a none start event',
    xml: withWork([eventSubProcess('side', [startEvent('side_start'), endEvent('side_end'), flow('f_side', 'side_start', 'side_end')].join(''))]),
    problems: ['side_start invalid-start-event'],
    reason: /^Expected a timer, message or error start event in event sub-process 'side', but start event 'side_start' has no event definition$/,
  },
  {
    what: 'an event sub-process with two start events',
    xml: withWork([
      eventSubProcess(
        'side',
        [
          startEvent('t1', timerDefinition('timeDuration', 'PT1H')),
          startEvent('t2', timerDefinition('timeDuration', 'PT2H')),
          endEvent('side_end'),
          flow('f_t1', 't1', 'side_end'),
          flow('f_t2', 't2', 'side_end'),
        ].join(''),
      ),
    ]),
    problems: ['side multiple-start-events'],
    reason: /^Expected exactly one start event in event sub-process 'side', but found 2: 't1', 't2'$/,
  },
  {
    what: 'an event sub-process with a sequence flow',
    xml: processXml(
      [
        startEvent('start'),
        eventSubProcess('side', [startEvent('tick', timerDefinition('timeDuration', 'PT1H')), endEvent('side_end'), flow('f_side', 'tick', 'side_end')].join('')),
        endEvent('end'),
        flow('f1', 'start', 'side'),
        flow('f2', 'side', 'end'),
      ].join('\n'),
    ),
    problems: ['side event-sub-process-with-flows'],
    reason: /^Expected no incoming or outgoing sequence flows on event sub-process 'side': it is started by its start event$/,
  },
  {
    what: 'a start event with an incoming flow',
    xml: processXml([startEvent('start'), serviceTask('work'), flow('f1', 'start', 'work'), flow('f2', 'work', 'start')].join('\n')),
    problems: ['start start-event-with-incoming'],
    reason: /^Expected no incoming sequence flow on start event 'start'$/,
  },
  {
    what: 'an end event with an outgoing flow',
    xml: processXml([startEvent('start'), endEvent('end'), serviceTask('work'), flow('f1', 'start', 'end'), flow('f2', 'end', 'work')].join('\n')),
    problems: ['end end-event-with-outgoing'],
    reason: /^Expected no outgoing sequence flow on end event 'end'$/,
  },
  {
    what: 'a boundary event without an outgoing flow',
    xml: withWork([boundaryEvent('late', 'work', timerDefinition('timeDuration', 'PT1H'))]),
    problems: ['late boundary-event-without-outgoing'],
    reason: /^Expected at least one outgoing sequence flow on boundary event 'late'$/,
  },
  {
    what: 'a boundary event with an incoming flow',
    xml: withWork([boundaryEvent('late', 'work', timerDefinition('timeDuration', 'PT1H')), endEvent('late_end'), flow('f_late', 'late', 'late_end'), flow('f_in', 'start', 'late')]),
    problems: ['late boundary-event-with-incoming'],
    reason: /it is triggered on its activity$/,
  },
  {
    what: 'a boundary event on a gateway',
    xml: processXml(
      [
        startEvent('start'),
        exclusiveGateway('choose'),
        endEvent('end'),
        flow('f1', 'start', 'choose'),
        flow('f2', 'choose', 'end'),
        boundaryEvent('late', 'choose', timerDefinition('timeDuration', 'PT1H')),
        endEvent('late_end'),
        flow('f_late', 'late', 'late_end'),
      ].join('\n'),
    ),
    problems: ['late invalid-attachment'],
    reason: /^Expected boundary event 'late' to be attached to a task, sub-process or call activity, but it is attached to exclusive gateway 'choose'$/,
  },
  {
    what: 'a boundary event on an event sub-process',
    xml: withWork([
      eventSubProcess('side', [startEvent('tick', timerDefinition('timeDuration', 'PT1H')), endEvent('side_end'), flow('f_side', 'tick', 'side_end')].join('')),
      boundaryEvent('late', 'side', timerDefinition('timeDuration', 'PT1H')),
      endEvent('late_end'),
      flow('f_late', 'late', 'late_end'),
    ]),
    problems: ['late invalid-attachment'],
    reason: /event sub-processes cannot have boundary events$/,
  },
  {
    what: 'a sequence flow into a sub-process',
    xml: processXml(
      [
        startEvent('start'),
        subProcess('inner', [startEvent('inner_start'), serviceTask('inside'), endEvent('inner_end'), flow('f_a', 'inner_start', 'inside'), flow('f_b', 'inside', 'inner_end')].join('')),
        endEvent('end'),
        flow('f1', 'start', 'inner'),
        flow('f2', 'inner', 'end'),
        flow('f_cross', 'start', 'inside'),
      ].join('\n'),
    ),
    problems: ['f_cross flow-crosses-scope'],
    reason: /^Expected sequence flow 'f_cross' to connect elements of process 'Process_1', where it is defined, but it connects start event 'start' in process 'Process_1' to service task 'inside' in sub-process 'inner'$/,
  },
  {
    what: 'a sequence flow to a data object',
    xml: processXml([startEvent('start'), '<bpmn:dataObjectReference id="files" dataObjectRef="DataObject_1" /><bpmn:dataObject id="DataObject_1" />', flow('f1', 'start', 'files')].join('\n')),
    problems: ['f1 invalid-flow-reference'],
    reason: /^Expected the targetRef of sequence flow 'f1' to be a flow node of process 'Process_1', but 'files' is not one$/,
  },
  {
    what: 'a sequence flow without a target',
    xml: processXml([startEvent('start'), '<bpmn:sequenceFlow id="f1" sourceRef="start" />'].join('\n')),
    problems: ['f1 invalid-flow-reference'],
    reason: /^Expected a targetRef on sequence flow 'f1'$/,
  },
];

const gateways: readonly Rejection[] = [
  {
    what: 'a flow without a condition leaving an exclusive gateway',
    xml: processXml(
      [startEvent('start'), exclusiveGateway('choose'), endEvent('a'), endEvent('b'), flow('f1', 'start', 'choose'), flow('f_a', 'choose', 'a', '=ok'), flow('f_b', 'choose', 'b')].join('\n'),
    ),
    problems: ['f_b missing-condition'],
    reason: /^Expected a condition on sequence flow 'f_b' leaving exclusive gateway 'choose', because the gateway has several outgoing flows and 'f_b' is not its default flow$/,
  },
  {
    what: 'a flow without a condition leaving an inclusive gateway',
    xml: processXml(
      [
        startEvent('start'),
        '<bpmn:inclusiveGateway id="choose" />',
        endEvent('a'),
        endEvent('b'),
        flow('f1', 'start', 'choose'),
        flow('f_a', 'choose', 'a', '=ok'),
        flow('f_b', 'choose', 'b'),
      ].join('\n'),
    ),
    problems: ['f_b missing-condition'],
    reason: /leaving inclusive gateway 'choose'/,
  },
  {
    what: 'a default flow that does not leave the gateway',
    xml: processXml(
      [startEvent('start'), exclusiveGateway('choose', 'default="f1"'), endEvent('a'), flow('f1', 'start', 'choose'), flow('f_a', 'choose', 'a')].join('\n'),
    ),
    problems: ['choose invalid-default-flow'],
    reason: /^Expected the default flow 'f1' of exclusive gateway 'choose' to be one of its outgoing sequence flows$/,
  },
  {
    what: 'a condition on a default flow',
    xml: processXml(
      [
        startEvent('start'),
        exclusiveGateway('choose', 'default="f_b"'),
        endEvent('a'),
        endEvent('b'),
        flow('f1', 'start', 'choose'),
        flow('f_a', 'choose', 'a', '=ok'),
        flow('f_b', 'choose', 'b', '=not(ok)'),
      ].join('\n'),
    ),
    problems: ['f_b condition-on-default-flow'],
    reason: /^Expected no condition on sequence flow 'f_b': it is the default flow of exclusive gateway 'choose'/,
  },
  {
    what: 'a default flow on a service task',
    xml: processXml(
      [
        startEvent('start'),
        '<bpmn:serviceTask id="work" default="f_b"><bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements></bpmn:serviceTask>',
        endEvent('b'),
        flow('f1', 'start', 'work'),
        flow('f_b', 'work', 'b'),
      ].join('\n'),
    ),
    problems: ['work unsupported-attribute'],
    reason: /^Expected no 'default' on service task 'work': default flows are only taken from exclusive and inclusive gateways$/,
  },
  {
    what: 'an event-based gateway with one outgoing flow',
    xml: processXml(
      [startEvent('start'), '<bpmn:eventBasedGateway id="wait" />', catchEvent('t1', timerDefinition('timeDuration', 'PT1H')), flow('f0', 'start', 'wait'), flow('f1', 'wait', 't1')].join('\n'),
    ),
    problems: ['wait event-gateway-too-few-flows'],
    reason: /^Expected at least two outgoing sequence flows on event-based gateway 'wait', but found 1$/,
  },
  {
    what: 'an event-based gateway leading to a task',
    xml: processXml(
      [
        startEvent('start'),
        '<bpmn:eventBasedGateway id="wait" />',
        catchEvent('t1', timerDefinition('timeDuration', 'PT1H')),
        '<bpmn:receiveTask id="paid" messageRef="Message_1" />',
        flow('f0', 'start', 'wait'),
        flow('f1', 'wait', 't1'),
        flow('f2', 'wait', 'paid'),
      ].join('\n'),
      { rootElements: message('Message_1', 'paid', '=id') },
    ),
    problems: ['wait invalid-event-gateway-target'],
    reason: /^Expected every sequence flow leaving event-based gateway 'wait' to reach an intermediate timer or message catch event, but 'f2' reaches receive task 'paid'$/,
  },
  {
    what: 'a catch event after an event-based gateway that is also reached from elsewhere',
    xml: processXml(
      [
        startEvent('start'),
        '<bpmn:parallelGateway id="fork" />',
        '<bpmn:eventBasedGateway id="wait" />',
        catchEvent('t1', timerDefinition('timeDuration', 'PT1H')),
        catchEvent('t2', timerDefinition('timeDuration', 'PT2H')),
        flow('f0', 'start', 'fork'),
        flow('f_wait', 'fork', 'wait'),
        flow('f_direct', 'fork', 't1'),
        flow('f1', 'wait', 't1'),
        flow('f2', 'wait', 't2'),
      ].join('\n'),
    ),
    problems: ['t1 event-gateway-target-shared'],
    reason: /^Expected intermediate catch event 't1' after event-based gateway 'wait' to have that gateway's flow as its only incoming sequence flow, but it has 2$/,
  },
];

describe('model: Zeebe validation rules', () => {
  describe('jobs and task data', () => jobs.forEach(itRejects));
  describe('user tasks', () => userTasks.forEach(itRejects));
  describe('messages', () => messages.forEach(itRejects));
  describe('timers', () => timers.forEach(itRejects));
  describe('errors', () => errors.forEach(itRejects));
  describe('structure', () => structure.forEach(itRejects));
  describe('gateways', () => gateways.forEach(itRejects));
});
