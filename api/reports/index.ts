export { classifyFinished, classifyOpen, judgedDue, FINISHED_TIMING_LABELS, OPEN_TIMING_LABELS, type ApologyDuePolicy, type EndKind, type FinishedTiming, type OpenTiming } from './classification.js';
export { backfillReportFacts, deadlineStateOf, endOf, recordReportFacts, reportFactsOf, type DeadlineState, type ReportFacts } from './facts.js';
export { indicators766, limitInWorkingDays, POINTS_766, type Indicators766, type Scorecard } from './indicators766.js';
export { latenessReport, responsibleSteps, type LatenessReport, type ResponsibleStep } from './lateness.js';
export { monthsOf, ON_TIME_GROUPINGS, onTimeSeries, type OnTimeFigures, type OnTimeGrouping, type OnTimePoint, type OnTimeSeries } from './onTime.js';
export { COLUMN_LABELS, COLUMNS_06A, GROUPINGS, type Column06a, type Counts06a, type Grouping, type Report06a, type Row06a } from './report06a.js';
export { parsePeriod, reportDate, resolveScope, type Period, type ReportScope } from './ReportScope.js';
export { ReportService, type CellInput, type OnTimeInput, type ReportInput } from './ReportService.js';
