import { expect } from 'chai';
import fc from 'fast-check';
import { parseBpmn } from '../../../engine/model/index.js';
import {
  between,
  definitionsXml,
  endEvent,
  flow,
  parseProblems,
  parseProcess,
  problemKeys,
  processXml,
  readFixture,
  serviceTask,
  startEvent,
} from './modelFixtures.js';

describe('model: parseBpmn', () => {
  describe('reading the file', () => {
    it('should reject malformed XML with the parser message on the definitions', async () => {
      // when
      const problems = await parseProblems('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">');

      // then
      expect(problemKeys(problems)).to.deep.equal(['definitions malformed-xml']);
      expect(problems[0].message).to.equal('Expected well-formed BPMN 2.0 XML, but the XML parser reported: unexpected end of file at line 1, column 97');
    });

    it('should reject a document that is not BPMN with the parser warnings included', async () => {
      // when
      const problems = await parseProblems('<?xml version="1.0"?><invoice id="1" />');

      // then
      expect(problemKeys(problems)).to.deep.equal(['definitions malformed-xml']);
      expect(problems[0].message).to.include('failed to parse document as <bpmn:Definitions>').and.to.include('<invoice');
    });

    it('should reject input that is not a string instead of throwing', async () => {
      // when
      const problems = await parseProblems(42 as unknown as string);

      // then
      expect(problems).to.deep.equal([{ elementId: 'definitions', code: 'malformed-xml', message: 'Expected the BPMN XML as a string, but got number' }]);
    });

    it('should reject an element unknown to BPMN with its position', async () => {
      // when
      const problems = await parseProblems(processXml(`${between('work', serviceTask('work'))}\n<bpmn:approvalStep id="x" />`));

      // then
      expect(problemKeys(problems)).to.deep.equal(['definitions unknown-element']);
      expect(problems[0].message).to.match(/^Expected only elements of the BPMN and Zeebe schemas, but found <bpmn:approvalStep> at line \d+, column \d+ \(unknown type <bpmn:ApprovalStep>\)$/);
    });

    it('should reject an attribute unknown to its schema with the id of its element', async () => {
      // when
      const problems = await parseProblems(
        processXml(between('work', '<bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="work" timeout="PT1M" /></bpmn:extensionElements></bpmn:serviceTask>')),
      );

      // then
      expect(problems).to.deep.equal([
        {
          elementId: 'work',
          code: 'unknown-attribute',
          message: "Expected only attributes of the BPMN and Zeebe schemas on the zeebe:taskDefinition of service task 'work', but found 'timeout'",
        },
      ]);
    });

    it('should reject a duplicate id', async () => {
      // when
      const problems = await parseProblems(processXml(`${between('work', serviceTask('work'))}\n${serviceTask('work')}`));

      // then
      expect(problemKeys(problems)).to.deep.equal(['work duplicate-id']);
      expect(problems[0].message).to.match(/^Expected element ids to be unique, but 'work' is used again at line \d+/);
    });

    it('should reject a sequence flow to an id that does not exist, once', async () => {
      // when
      const problems = await parseProblems(processXml([startEvent('start'), flow('f1', 'start', 'nowhere')].join('\n')));

      // then
      expect(problems).to.deep.equal([
        { elementId: 'f1', code: 'unresolved-reference', message: "Expected an element with id 'nowhere' for the targetRef of sequence flow 'f1', but there is none" },
      ]);
    });

    it('should reject a boundary event attached to an id that does not exist, once', async () => {
      // when
      const problems = await parseProblems(
        processXml(
          `${between('work', serviceTask('work'))}\n<bpmn:boundaryEvent id="late" attachedToRef="gone"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>\n<bpmn:endEvent id="late_end" />\n${flow('f_late', 'late', 'late_end')}`,
        ),
      );

      // then
      expect(problemKeys(problems)).to.deep.equal(['late unresolved-reference']);
    });
  });

  describe('processes', () => {
    it('should skip a process that is not executable with a warning', async () => {
      // given
      const xml = readFixture('collaboration.bpmn');

      // when
      const result = await parseBpmn(xml);

      // then
      expect(result.ok && result.processes.map((process) => process.id)).to.deep.equal(['office_side']);
      expect(result.ok && result.warnings).to.deep.equal([
        {
          elementId: 'citizen_side',
          code: 'process-not-executable',
          message: `Expected isExecutable="true" on process 'citizen_side' to deploy it, so it is skipped`,
        },
      ]);
    });

    it('should treat a process without isExecutable as not executable, as Zeebe does', async () => {
      // when
      const problems = await parseProblems(definitionsXml(`<bpmn:process id="draft">${between('work', serviceTask('work'))}</bpmn:process>`));

      // then
      expect(problemKeys(problems)).to.deep.equal(['definitions no-executable-process']);
    });

    it('should reject a file without an executable process', async () => {
      // when
      const problems = await parseProblems(definitionsXml('<bpmn:message id="Message_1" name="only-a-message" />'));

      // then
      expect(problems).to.deep.equal([
        { elementId: 'definitions', code: 'no-executable-process', message: 'Expected at least one process with isExecutable="true" in the definitions' },
      ]);
    });

    it('should parse every executable process of a file', async () => {
      // given
      const processOf = (id: string): string =>
        `<bpmn:process id="${id}" isExecutable="true">${startEvent(`${id}_start`)}${endEvent(`${id}_end`)}${flow(`${id}_flow`, `${id}_start`, `${id}_end`)}</bpmn:process>`;

      // when
      const result = await parseBpmn(definitionsXml(processOf('first') + processOf('second')));

      // then
      expect(result.ok && result.processes.map((process) => process.id)).to.deep.equal(['first', 'second']);
    });

    it('should read the version tag of a process', async () => {
      // when
      const process = await parseProcess(processXml(between('work', serviceTask('work')), { extensions: '<zeebe:versionTag value="2025.1" />' }));

      // then
      expect(process.versionTag).to.equal('2025.1');
    });

    it('should accept documentary content: lanes, annotations, groups, data, participants, message flows, properties and templates', async () => {
      // when
      const result = await parseBpmn(readFixture('collaboration.bpmn'));

      // then
      expect(result.ok).to.equal(true);
      const [process] = result.ok ? result.processes : [];
      expect(process.children).to.deep.equal(['start_online', 'receive', 'verify', 'office_end']);
      expect(process.elements.receive.userTask).to.deep.equal({ native: true, formId: 'tiep_nhan', headers: { stepKind: 'receive' } });
    });
  });

  describe('collecting problems', () => {
    it('should report every problem of a model at once, each with its element id', async () => {
      // when
      const problems = await parseProblems(readFixture('many-problems.bpmn'));

      // then
      expect(problemKeys(problems)).to.deep.equal([
        'check_docs missing-task-definition',
        'nightly_check unsupported-timer-cycle',
        'notify_agencies unsupported-event-definition',
        'nightly_check boundary-event-without-outgoing',
        'flow_no missing-condition',
      ]);
    });

    it('should state an expectation in every problem message', async () => {
      // when
      const problems = await parseProblems(readFixture('many-problems.bpmn'));

      // then
      for (const problem of problems) expect(problem.message).to.match(/^Expected /);
    });

    it('should never throw, whatever part of a valid file it is given', async () => {
      const xml = readFixture('events.bpmn');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: xml.length }), async (length) => {
          const result = await parseBpmn(xml.slice(0, length));
          expect(result.ok).to.be.a('boolean');
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('checking FEEL', () => {
    it('should hand every FEEL source of the model to checkFeel', async () => {
      // given
      const sources: string[] = [];

      // when
      await parseBpmn(readFixture('gateways.bpmn'), {
        checkFeel: (source) => {
          sources.push(source);
          return null;
        },
      });

      // then
      expect(sources).to.have.members(['dossierId', 'legalOk and taxOk']);
    });

    it('should report the message of checkFeel on the element that holds the expression', async () => {
      // given
      const xml = processXml(between('work', serviceTask('work', '<zeebe:ioMapping><zeebe:input source="=1 +" target="x" /></zeebe:ioMapping>')));

      // when
      const problems = await parseProblems(xml, { checkFeel: (source) => (source === '1 +' ? 'unexpected end of input at 3' : null) });

      // then
      expect(problems).to.deep.equal([
        {
          elementId: 'work',
          code: 'invalid-feel',
          message: "Expected a valid FEEL expression for the source of the zeebe:input mapping to 'x' of service task 'work', but '1 +' is not: unexpected end of input at 3",
        },
      ]);
    });

    it('should report a condition rejected by checkFeel on the sequence flow', async () => {
      // given
      const xml = readFixture('gateways.bpmn');

      // when
      const problems = await parseProblems(xml, { checkFeel: (source) => (source.includes(' and ') ? 'bad' : null) });

      // then
      expect(problemKeys(problems)).to.deep.equal(['flow_eligible invalid-feel']);
      expect(problems[0].message).to.equal("Expected a valid FEEL expression for the condition of sequence flow 'flow_eligible', but 'legalOk and taxOk' is not: bad");
    });

    it('should report a checkFeel that throws as a problem instead of throwing', async () => {
      // when
      const problems = await parseProblems(readFixture('gateways.bpmn'), {
        checkFeel: () => {
          throw new Error('checker crashed');
        },
      });

      // then
      expect(problems.map((problem) => problem.message)).to.satisfy((messages: string[]) => messages.every((message) => message.endsWith('checker crashed')));
    });
  });
});
